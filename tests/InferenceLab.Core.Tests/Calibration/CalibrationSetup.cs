using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>
    /// Turns a calibration row into InferenceLab inputs. Architectures come from the row's own columns (the CSV copies
    /// them from each model's config.json), plus the position limit of that config.json; GPUs from the built-in catalog.
    /// </summary>
    internal static class CalibrationSetup
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        /// <summary>
        /// The GPU of a row from the built-in catalog (the CSV's GPU names are catalog aliases). On GeForce cards llama.cpp
        /// multiplies F16 matrices with fp16 accumulation (ggml-cuda.cu maps GGML_TYPE_F16 to CUBLAS_COMPUTE_16F outside
        /// Volta, RDNA4 and CDNA), which Ada runs at twice the fp32-accumulate rate the catalog stores (Ada whitepaper:
        /// RTX 4090 fp16 tensor 330.3 TFLOP/s dense with fp16 accumulate, 165.2 with fp32).
        /// </summary>
        public static HardwareSpec Hardware(CalibrationRow row)
        {
            var gpu = CatalogSet.BuiltIn.GetHardware(row.Gpu);
            if (row.IsTensorRtLlm || !gpu.Name.StartsWith("rtx-", StringComparison.Ordinal))
            {
                return gpu;
            }

            var peaks = gpu.NativeTypes.ToDictionary(t => t, t => gpu.Peak(t)!.Value);
            peaks[DataType.Fp16] *= 2;
            return new HardwareSpec(gpu.Name, gpu.MemoryBytes, gpu.MemoryBandwidthBytesPerSecond, peaks, gpu.InterconnectBandwidthBytesPerSecond, gpu.Interconnect, gpu.VisibleMemoryBytes);
        }

        /// <summary>The model of a row, from its architecture columns.</summary>
        public static ModelSpec Model(CalibrationRow row)
        {
            // Position limits from each config.json: Llama-2 4096, CodeLlama 16384, Mistral-7B-v0.1 and Mixtral 32768.
            int positions = row.Model.StartsWith("Llama-2", StringComparison.Ordinal) ? 4096
                : row.Model.StartsWith("CodeLlama", StringComparison.Ordinal) ? 16384
                : 32768;
            int window = row.Model == "Mistral-7B-v0.1" ? 4096 : 0;
            return row.Experts > 0
                ? new ModelSpec(row.Model, row.Layers, row.Hidden, row.Heads, row.KvHeads, 0, row.Vocabulary, positions,
                    expertCount: row.Experts, expertsPerToken: row.ActiveExperts, expertIntermediateSize: row.Intermediate)
                : new ModelSpec(row.Model, row.Layers, row.Hidden, row.Heads, row.KvHeads, row.Intermediate, row.Vocabulary, positions, slidingWindowSize: window);
        }

        /// <summary>
        /// Weight storage of a row. llama.cpp's q8_0 stores blocks of 32 int8 weights with one fp16 scale (8.5 bits per
        /// weight); q4_0 blocks of 32 int4 weights with one fp16 scale (4.5 bits) — ggml's block_q8_0 and block_q4_0.
        /// </summary>
        public static WeightFormat Weights(CalibrationRow row)
        {
            switch (EffectiveWeightType(row))
            {
                case "fp8": return WeightFormat.Plain(DataType.Fp8);
                case "q8_0": return new WeightFormat(DataType.Int8, 32, 2);
                case "q4_0": return new WeightFormat(DataType.Int4, 32, 2);
                default: return WeightFormat.Plain(DataType.Fp16);
            }
        }

        /// <summary>
        /// A profile with the kernel facts a row's notes state. TensorRT-LLM v0.9.0 decodes GQA models with its masked-MHA
        /// kernel, where each query head reads its KV head, unless the notes say XQA (its GQA kernel) was enabled, as for
        /// Llama-2-70B; llama.cpp ran without flash attention ("no flash-attn (default then)").
        /// </summary>
        public static InferenceLab.Core.Efficiency.EfficiencyProfile ForRow(CalibrationRow row, InferenceLab.Core.Efficiency.EfficiencyProfile p)
        {
            bool shares = !row.IsTensorRtLlm || row.Notes.IndexOf("XQA", StringComparison.Ordinal) >= 0;
            bool flash = row.IsTensorRtLlm;
            return new InferenceLab.Core.Efficiency.EfficiencyProfile(p.Name, p.ComputeEfficiency, p.MemoryEfficiency, p.AttentionMemoryEfficiency,
                p.GemmHalfEfficiencyTokens, p.MoeEfficiency, p.StepOverheadSeconds, p.LayerOverheadSeconds, p.AllReduceLatencySeconds,
                p.InterconnectEfficiency, flash, shares, p.Source);
        }

        /// <summary>
        /// The weight type a row really ran with. TensorRT-LLM v0.9.0 could not quantize Mixtral to FP8: its MoE GEMM
        /// supported only W8A16 (NVIDIA/TensorRT-LLM issue #1124), users could not export an FP8 Mixtral with 0.9.0
        /// (issue #1229), and the v0.10.0 release notes say "Added FP8 quantization support for Mixtral". The CSV's fp8
        /// for the Mixtral Hopper rows was inferred ("fp8 (inferred)"), so those rows run in fp16 here.
        /// </summary>
        public static string EffectiveWeightType(CalibrationRow row) =>
            row.IsTensorRtLlm && row.Experts > 0 && row.WeightType == "fp8" ? "fp16" : row.WeightType;

        /// <summary>
        /// The deployment of a row under an efficiency profile. TensorRT-LLM's fp8 rows are W8A8 with an fp8 KV cache
        /// (the doc's quant_algo FP8, kv_cache_quant_algo FP8); llama.cpp computes in fp16 and, unlike the other engines,
        /// quantizes the token embedding and output matrix too.
        /// </summary>
        public static Deployment Deployment(CalibrationRow row, InferenceLab.Core.Efficiency.EfficiencyProfile efficiency)
        {
            efficiency = ForRow(row, efficiency);
            var weights = Weights(row);
            bool fp8 = EffectiveWeightType(row) == "fp8";
            var activation = fp8 ? DataType.Fp8 : DataType.Fp16;
            var kv = fp8 && row.KvType == "fp8" ? DataType.Fp8 : DataType.Fp16;
            DataType? embedding = row.IsTensorRtLlm ? (DataType?)null : weights.Type;
            return new Deployment(Model(row), Hardware(row), weights, kv, activation, embedding, tensorParallel: row.TensorParallel, efficiency: efficiency);
        }
    }
}
