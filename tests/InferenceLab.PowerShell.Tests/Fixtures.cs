using System;
using System.Collections.Generic;
using System.IO;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Where the repository and the staged module are.</summary>
    internal static class Repository
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "InferenceLab.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("InferenceLab.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => RootPath.Value;

        /// <summary>out/InferenceLab: the module folder `dotnet build` stages (the test project builds it first).</summary>
        public static string StagedModule => Path.Combine(Root, "out", "InferenceLab");

        public static string FilePath(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }

    /// <summary>
    /// Architectures and GPUs written out from their published sources, so these tests do not depend on the catalog.
    /// </summary>
    internal static class Known
    {
        /// <summary>meta-llama/Llama-2-7b-hf config.json: 32 layers, hidden 4096, 32 heads, 32 KV heads, intermediate 11008, vocab 32000, 4096 positions, fp16.</summary>
        public static ModelSpec Llama2_7B { get; } = new ModelSpec("llama-2-7b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 32,
            intermediateSize: 11008, vocabularySize: 32000, maxPositionEmbeddings: 4096, nativeType: DataType.Fp16);

        /// <summary>mistralai/Mistral-7B-v0.1 config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 32000, sliding_window 4096, 32768 positions.</summary>
        public static ModelSpec Mistral7B { get; } = new ModelSpec("mistral-7b-v0.1", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 32000, maxPositionEmbeddings: 32768, slidingWindowSize: 4096);

        /// <summary>NVIDIA A10 datasheet: 24 GB GDDR6 (24 GiB), 600 GB/s, 125 TFLOP/s dense fp16/bf16, 31.2 TFLOP/s fp32, 250 TOPS int8.</summary>
        public static HardwareSpec A10 { get; } = new HardwareSpec("a10", 24.0 * 1024 * 1024 * 1024, 600e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 31.2e12, [DataType.Bf16] = 125e12, [DataType.Fp16] = 125e12, [DataType.Int8] = 250e12 });

        /// <summary>NVIDIA A100 SXM4 80GB datasheet: 80 GiB HBM2e, 2,039 GB/s, 312 TFLOP/s dense fp16/bf16, 19.5 fp32, 624 TOPS int8; NVLink 3 300 GB/s per direction.</summary>
        public static HardwareSpec A100 { get; } = new HardwareSpec("a100-sxm-80gb", 80.0 * 1024 * 1024 * 1024, 2039e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 19.5e12, [DataType.Bf16] = 312e12, [DataType.Fp16] = 312e12, [DataType.Int8] = 624e12 },
            interconnectBandwidthBytesPerSecond: 300e9, interconnect: "NVLink 3");

        public const double GiB = 1024.0 * 1024 * 1024;
    }
}
