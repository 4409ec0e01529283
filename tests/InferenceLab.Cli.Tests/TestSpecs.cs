using System.Collections.Generic;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// Models and GPUs written out from their published figures, so the command tests do not depend on the catalog.
    /// Each cites its source.
    /// </summary>
    internal static class TestSpecs
    {
        /// <summary>meta-llama/Llama-2-7b-hf config.json: 32 layers, hidden 4096, 32 heads, 32 KV heads, intermediate 11008, vocab 32000, 4096 positions, fp16, untied.</summary>
        public static ModelSpec Llama2_7B { get; } = new ModelSpec("llama-2-7b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 32,
            intermediateSize: 11008, vocabularySize: 32000, maxPositionEmbeddings: 4096, nativeType: DataType.Fp16, aliases: new[] { "meta-llama/Llama-2-7b-hf" });

        /// <summary>meta-llama/Meta-Llama-3-8B config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 128256, 8192 positions, bf16.</summary>
        public static ModelSpec Llama3_8B { get; } = new ModelSpec("llama-3-8b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 128256, maxPositionEmbeddings: 8192);

        /// <summary>NVIDIA A100 SXM4 80GB datasheet: 80 GiB, 2,039 GB/s, 312 TFLOP/s dense bf16/fp16, 156 tf32, 19.5 fp32, 624 TOPS int8; NVLink 3 300 GB/s per direction.</summary>
        public static HardwareSpec A100 { get; } = new HardwareSpec("a100-sxm-80gb", 80.0 * 1024 * 1024 * 1024, 2039e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 19.5e12, [DataType.Tf32] = 156e12, [DataType.Bf16] = 312e12, [DataType.Fp16] = 312e12, [DataType.Int8] = 624e12 },
            interconnectBandwidthBytesPerSecond: 300e9, interconnect: "NVLink 3", aliases: new[] { "NVIDIA A100-SXM4-80GB" });

        /// <summary>NVIDIA A10 datasheet: 24 GiB GDDR6, 600 GB/s, 125 TFLOP/s dense fp16/bf16, 31.2 fp32, 250 TOPS int8; PCIe Gen4 x16.</summary>
        public static HardwareSpec A10 { get; } = new HardwareSpec("a10", 24.0 * 1024 * 1024 * 1024, 600e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 31.2e12, [DataType.Bf16] = 125e12, [DataType.Fp16] = 125e12, [DataType.Int8] = 250e12 },
            interconnectBandwidthBytesPerSecond: 32e9, interconnect: "PCIe Gen4 x16");

        /// <summary>NVIDIA V100 SXM2 32GB datasheet: 32 GiB HBM2, 900 GB/s, 125 TFLOP/s fp16 tensor, 15.7 fp32; no bf16.</summary>
        public static HardwareSpec V100 { get; } = new HardwareSpec("v100-sxm2-32gb", 32.0 * 1024 * 1024 * 1024, 900e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 15.7e12, [DataType.Fp16] = 125e12 },
            interconnectBandwidthBytesPerSecond: 150e9, interconnect: "NVLink 2");
    }
}
