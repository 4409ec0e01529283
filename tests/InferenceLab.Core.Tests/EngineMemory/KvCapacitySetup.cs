using System;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests.EngineMemory
{
    /// <summary>Turns a vLLM start-up log into a deployment: the catalog's model and H100, and the log's data types and TP.</summary>
    internal static class KvCapacitySetup
    {
        public static ModelSpec Model(KvCapacityRow row)
        {
            string name = row.Model.Replace("RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w4a16", "llama-3.1-8b")
                .Replace("RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic", "llama-3.3-70b");
            return CatalogSet.BuiltIn.GetModel(name);
        }

        public static Deployment Deployment(KvCapacityRow row)
        {
            var model = Model(row);
            var hardware = CatalogSet.BuiltIn.GetHardware("h100-sxm");
            DataType activation = row.WeightType.StartsWith("float32", StringComparison.Ordinal) ? DataType.Fp32
                : row.WeightType.StartsWith("float16", StringComparison.Ordinal) ? DataType.Fp16
                : DataType.Bf16;
            WeightFormat weights = row.WeightType.Contains("gptq") ? new WeightFormat(DataType.Int4, 128, 2)
                : row.WeightType.Contains("quantization=fp8") || row.WeightType.Contains("compressed-tensors") ? WeightFormat.Plain(DataType.Fp8)
                : row.WeightType.Contains("mxfp4") ? model.WeightFormat
                : WeightFormat.Plain(activation);
            DataType kv = row.KvType == "fp8" ? DataType.Fp8 : activation;
            return new Deployment(model, hardware, weights, kv, activation, tensorParallel: row.TensorParallel);
        }
    }
}
