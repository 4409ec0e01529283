using InferenceLab.Core.Memory;

namespace InferenceLab.Core.Tests
{
    /// <summary>The reference values of DESIGN §8 that are not parameter counts (see Models/ParameterCountTests).</summary>
    public sealed class DesignReferenceTests
    {
        [Fact]
        public void Llama2_7B_KV_cache_per_token_in_fp16_is_524_288_bytes()
        {
            // 32 layers × 2 (K and V) × 32 KV heads × 128 head dim × 2 B = 524,288 B (MHA: Llama-2-7B has no GQA).
            Assert.Equal(524_288, KvCache.BytesPerToken(TestModels.Llama2_7B, DataType.Fp16));
        }

        [Fact]
        public void Llama2_70B_KV_cache_per_token_in_fp16_is_327_680_bytes()
        {
            // 80 layers × 2 × 8 KV heads × 128 × 2 B = 327,680 B.
            Assert.Equal(327_680, KvCache.BytesPerToken(TestModels.Llama2_70B, DataType.Fp16));
        }

        [Fact]
        public void Llama3_8B_KV_cache_per_token_in_bf16_is_131_072_bytes()
        {
            // 32 layers × 2 × 8 KV heads × 128 × 2 B = 131,072 B.
            Assert.Equal(131_072, KvCache.BytesPerToken(TestModels.Llama3_8B, DataType.Bf16));
        }

        [Fact]
        public void DeepSeekV3_latent_KV_cache_per_token_in_bf16_is_70_272_bytes()
        {
            // MLA caches the latent: 61 layers × (kv_lora_rank 512 + qk_rope_head_dim 64) × 2 B = 70,272 B.
            Assert.Equal(70_272, KvCache.BytesPerToken(TestModels.DeepSeekV3, DataType.Bf16));
        }

        [Fact]
        public void Machine_balance_of_A10_is_208_3_and_of_A100_is_153_0_flops_per_byte()
        {
            // A10: 125e12 FLOP/s ÷ 600e9 B/s = 208.33; A100: 312e12 ÷ 2039e9 = 153.02 (NVIDIA datasheets, dense fp16).
            Assert.Equal(208.3, TestModels.A10.MachineBalance(DataType.Fp16), 1);
            Assert.Equal(153.0, TestModels.A100Sxm80.MachineBalance(DataType.Fp16), 1);
        }

        [Fact]
        public void Seed_arithmetic_24_GB_card_holds_19_073_KV_tokens_and_4_sequences_of_4096()
        {
            // The seed's arithmetic: (24e9 − 14e9 of fp16 weights) ÷ 524,288 B/token = 19,073.5 → 19,073 tokens;
            // ⌊19,073 ÷ 4096⌋ = 4 sequences. Usable fraction 1, no reserve or activations.
            long tokens = KvCache.CapacityTokens(24e9 - 14e9, 524_288);
            Assert.Equal(19_073, tokens);
            Assert.Equal(4, KvCache.Sequences(tokens, 4096));
        }

        [Fact]
        public void Seven_billion_parameters_in_fp16_are_14_000_000_000_bytes()
        {
            // 7e9 × 2 B; and Llama-2-7B's 6,738,415,616 parameters × 2 B = 13,476,831,232 B through the memory estimate.
            Assert.Equal(14_000_000_000d, 7e9 * WeightFormat.Plain(DataType.Fp16).BytesPerWeight);
            var estimate = MemoryEstimator.Estimate(new Deployment(TestModels.Llama2_7B), 1, 1, 1);
            Assert.Equal(13_476_831_232d, estimate.WeightBytes);
            Assert.Equal(13_476_831_232d, estimate.ModelWeightBytes);
        }
    }
}
