using System.Collections.Generic;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Benchmarks
{
    /// <summary>
    /// The models and GPUs the benchmarks use, written out from their config.json files and datasheets so that
    /// the benchmarks measure the formulas, not catalog loading.
    /// </summary>
    internal static class BenchmarkModels
    {
        /// <summary>meta-llama/Llama-3.1-8B config.json.</summary>
        public static ModelSpec Llama31_8B { get; } = new ModelSpec("llama-3.1-8b", 32, 4096, 32, 8, 14336, 128256, 131072);

        /// <summary>meta-llama/Llama-3.1-70B config.json.</summary>
        public static ModelSpec Llama31_70B { get; } = new ModelSpec("llama-3.1-70b", 80, 8192, 64, 8, 28672, 128256, 131072);

        /// <summary>mistralai/Mistral-7B-v0.1 config.json (sliding window 4096 on every layer).</summary>
        public static ModelSpec Mistral7B { get; } = new ModelSpec("mistral-7b-v0.1", 32, 4096, 32, 8, 14336, 32000, 32768, slidingWindowSize: 4096);

        /// <summary>mistralai/Mixtral-8x7B-v0.1 config.json.</summary>
        public static ModelSpec Mixtral8x7B { get; } = new ModelSpec("mixtral-8x7b", 32, 4096, 32, 8, 14336, 32000, 32768, expertCount: 8, expertsPerToken: 2, expertIntermediateSize: 14336);

        /// <summary>google/gemma-2-9b config.json (every other layer slides over 4096).</summary>
        public static ModelSpec Gemma2_9B { get; } = new ModelSpec("gemma-2-9b", 42, 3584, 16, 8, 14336, 256000, 8192, headDimension: 256, tiedEmbeddings: true, slidingWindowSize: 4096, slidingWindowLayerCount: 21);

        /// <summary>NVIDIA H100 SXM datasheet: 80 GiB, 3.35 TB/s, 989.4 TFLOP/s bf16 dense, 1978.9 fp8; NVLink 450 GB/s per direction.</summary>
        public static HardwareSpec H100Sxm { get; } = new HardwareSpec("h100-sxm", 80.0 * 1024 * 1024 * 1024, 3.35e12,
            new Dictionary<DataType, double> { [DataType.Fp32] = 66.9e12, [DataType.Tf32] = 494.7e12, [DataType.Bf16] = 989.4e12, [DataType.Fp16] = 989.4e12, [DataType.Fp8] = 1978.9e12, [DataType.Int8] = 1978.9e12 },
            450e9, "NVLink 4");

        /// <summary>NVIDIA A100 SXM 80GB datasheet: 80 GiB, 2.039 TB/s, 312 TFLOP/s bf16 dense; NVLink 300 GB/s per direction.</summary>
        public static HardwareSpec A100Sxm80 { get; } = new HardwareSpec("a100-sxm-80gb", 80.0 * 1024 * 1024 * 1024, 2.039e12,
            new Dictionary<DataType, double> { [DataType.Fp32] = 19.5e12, [DataType.Tf32] = 156e12, [DataType.Bf16] = 312e12, [DataType.Fp16] = 312e12, [DataType.Int8] = 624e12 },
            300e9, "NVLink 3");

        /// <summary>NVIDIA L40S datasheet: 48 GB GDDR6 (48 GiB), 864 GB/s, 362.05 TFLOP/s bf16 dense, 733 fp8; PCIe Gen4 x16.</summary>
        public static HardwareSpec L40S { get; } = new HardwareSpec("l40s", 48.0 * 1024 * 1024 * 1024, 864e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 91.6e12, [DataType.Tf32] = 183e12, [DataType.Bf16] = 362.05e12, [DataType.Fp16] = 362.05e12, [DataType.Fp8] = 733e12, [DataType.Int8] = 733e12 },
            32e9, "PCIe Gen4 x16");
    }
}
