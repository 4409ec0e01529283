using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;
using System.Collections.Generic;

namespace InferenceLab.Core.Tests
{
    /// <summary>
    /// Architectures written out from their published config.json files, so the formula tests do not depend on the
    /// catalog. Each field cites where it comes from.
    /// </summary>
    internal static class TestModels
    {
        /// <summary>meta-llama/Llama-2-7b-hf config.json: 32 layers, hidden 4096, 32 heads, 32 KV heads (MHA), intermediate 11008, vocab 32000, 4096 positions, untied.</summary>
        public static ModelSpec Llama2_7B { get; } = new ModelSpec("llama-2-7b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 32,
            intermediateSize: 11008, vocabularySize: 32000, maxPositionEmbeddings: 4096, nativeType: DataType.Fp16);

        /// <summary>meta-llama/Llama-2-70b-hf config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, intermediate 28672, vocab 32000, 4096 positions.</summary>
        public static ModelSpec Llama2_70B { get; } = new ModelSpec("llama-2-70b", layerCount: 80, hiddenSize: 8192, attentionHeadCount: 64, keyValueHeadCount: 8,
            intermediateSize: 28672, vocabularySize: 32000, maxPositionEmbeddings: 4096, nativeType: DataType.Fp16);

        /// <summary>meta-llama/Meta-Llama-3-8B config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 128256, 8192 positions, bf16.</summary>
        public static ModelSpec Llama3_8B { get; } = new ModelSpec("llama-3-8b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 128256, maxPositionEmbeddings: 8192);

        /// <summary>mistralai/Mistral-7B-v0.1 config.json: as Llama-3-8B but vocab 32000, sliding_window 4096 on every layer, max_position_embeddings 32768.</summary>
        public static ModelSpec Mistral7B { get; } = new ModelSpec("mistral-7b-v0.1", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 32000, maxPositionEmbeddings: 32768, slidingWindowSize: 4096);

        /// <summary>mistralai/Mixtral-8x7B-v0.1 config.json: Mistral-7B's attention, 8 local experts of intermediate 14336, 2 per token, no window, 32768 positions.</summary>
        public static ModelSpec Mixtral8x7B { get; } = new ModelSpec("mixtral-8x7b", layerCount: 32, hiddenSize: 4096, attentionHeadCount: 32, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 32000, maxPositionEmbeddings: 32768, expertCount: 8, expertsPerToken: 2, expertIntermediateSize: 14336);

        /// <summary>
        /// deepseek-ai/DeepSeek-V3 config.json: 61 layers, hidden 7168, 128 heads, intermediate 18432 (dense), vocab 129280,
        /// 256 routed experts of 2048 with 8 per token, 1 shared expert of 2048, first_k_dense_replace 3,
        /// q_lora_rank 1536, kv_lora_rank 512, qk_rope_head_dim 64, qk_nope_head_dim 128, v_head_dim 128, 163840 positions.
        /// </summary>
        public static ModelSpec DeepSeekV3 { get; } = new ModelSpec("deepseek-v3", layerCount: 61, hiddenSize: 7168, attentionHeadCount: 128, keyValueHeadCount: 128,
            intermediateSize: 18432, vocabularySize: 129280, maxPositionEmbeddings: 163840, expertCount: 256, expertsPerToken: 8, expertIntermediateSize: 2048,
            sharedExpertIntermediateSize: 2048, denseLayerCount: 3, qLoraRank: 1536, kvLoraRank: 512, qkRopeHeadDimension: 64, qkNopeHeadDimension: 128, valueHeadDimension: 128);

        /// <summary>NVIDIA A100 SXM4 80GB datasheet: 80 GiB HBM2e, 2,039 GB/s, 312 TFLOP/s dense fp16/bf16, 156 tf32, 19.5 fp32, 624 TOPS int8; NVLink 3 600 GB/s total (300 GB/s per direction).</summary>
        public static HardwareSpec A100Sxm80 { get; } = new HardwareSpec("a100-sxm-80gb", 80.0 * 1024 * 1024 * 1024, 2039e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 19.5e12, [DataType.Tf32] = 156e12, [DataType.Bf16] = 312e12, [DataType.Fp16] = 312e12, [DataType.Int8] = 624e12 },
            interconnectBandwidthBytesPerSecond: 300e9, interconnect: "NVLink 3");

        /// <summary>NVIDIA A10 datasheet: 24 GB GDDR6 (24 GiB), 600 GB/s, 125 TFLOP/s dense fp16/bf16 tensor, 31.2 fp32.</summary>
        public static HardwareSpec A10 { get; } = new HardwareSpec("a10", 24.0 * 1024 * 1024 * 1024, 600e9,
            new Dictionary<DataType, double> { [DataType.Fp32] = 31.2e12, [DataType.Bf16] = 125e12, [DataType.Fp16] = 125e12, [DataType.Int8] = 250e12 },
            interconnectBandwidthBytesPerSecond: 32e9, interconnect: "PCIe Gen4 x16");
    }
}
