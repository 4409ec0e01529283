using InferenceLab.Core.Memory;

namespace InferenceLab.Core.Tests.Memory
{
    public sealed class MemoryTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        [Fact]
        public void Llama2_70B_at_TP_4_holds_a_quarter_of_the_weights_and_KV_per_GPU()
        {
            var deployment = new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80, tensorParallel: 4);
            var estimate = MemoryEstimator.Estimate(deployment, 8, 1024, 1024);

            // Per GPU, per layer: Q 8192×2048 + K,V 2×8192×256 + O 2048×8192 + MLP 3×8192×7168 = 213,909,504 parameters, plus
            // two replicated norms of 8192; 80 layers; vocabulary-parallel embedding and head 32000×8192/4 each; final norm 8192.
            double perGpuParameters = (80 * (213_909_504.0 + 16_384)) + (2 * 65_536_000.0) + 8192;
            Assert.Equal(perGpuParameters * 2, estimate.WeightBytes);

            // The whole model: 68,976,648,192 parameters (Llama-2-70B safetensors) × 2 B.
            Assert.Equal(68_976_648_192 * 2.0, estimate.ModelWeightBytes);

            // KV per GPU: 8 sequences × 2048 tokens × 81,920 B (= 327,680 B per token ÷ 4).
            Assert.Equal(81_920, estimate.KvCacheBytesPerToken);
            Assert.Equal(8 * 2048 * 81_920.0, estimate.KvCacheBytes);
        }

        [Fact]
        public void KV_heads_are_replicated_when_fewer_than_the_TP_degree()
        {
            // Llama-2-70B has 8 KV heads; at TP 16 each GPU still keeps one: 80 × 2 × 1 × 128 × 2 B = 40,960 B per token,
            // not 327,680 ÷ 16 = 20,480.
            Assert.Equal(40_960, KvCache.BytesPerToken(TestModels.Llama2_70B, DataType.Fp16, 16));
        }

        [Fact]
        public void Sliding_window_layers_hold_at_most_the_window()
        {
            // Mistral-7B: every layer slides over 4096 tokens: 32 layers × 4096 tokens × 4096 B = 536,870,912 B per sequence
            // at any context past the window; a full-attention model would hold 8000 × 131,072 = 1,048,576,000 B.
            var deployment = new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80);
            Assert.Equal(536_870_912d, MemoryEstimator.Estimate(deployment, 1, 7999, 1).KvCacheBytes);
            Assert.Equal(2 * 536_870_912d, MemoryEstimator.Estimate(deployment, 2, 20000, 100).KvCacheBytes);
        }

        [Fact]
        public void Estimate_reports_fit_headroom_and_the_dominant_part()
        {
            // Llama-2-7B fp16 on an A10 (24 GiB): usable 0.9 × 24 GiB = 23,192,823,398.4 B.
            var deployment = new Deployment(TestModels.Llama2_7B, TestModels.A10);
            var small = MemoryEstimator.Estimate(deployment, 1, 1024, 1024);
            Assert.True(small.Fits);
            Assert.Equal(MemoryComponent.Weights, small.Dominant);
            Assert.Equal(0.9 * 24 * GiB, small.UsableBytes!.Value, 3);
            Assert.Equal(small.UsableBytes.Value - small.TotalBytes, small.HeadroomBytes!.Value, 3);
            Assert.Equal(0, small.ShortfallBytes);

            // 16 sequences of 4096 need 16 × 4096 × 524,288 B = 32 GiB of KV alone: it misses, and KV dominates.
            var big = MemoryEstimator.Estimate(deployment, 16, 4000, 96);
            Assert.False(big.Fits);
            Assert.Equal(MemoryComponent.KvCache, big.Dominant);
            Assert.Equal(16 * 4096 * 524_288d, big.KvCacheBytes);
            Assert.Equal(big.TotalBytes - big.UsableBytes!.Value, big.ShortfallBytes!.Value, 3);
            Assert.Equal(0, big.HeadroomBytes);
        }

        [Fact]
        public void Without_a_GPU_the_estimate_still_gives_the_parts_and_leaves_the_fit_empty()
        {
            var estimate = MemoryEstimator.Estimate(new Deployment(TestModels.Llama3_8B), 4, 2048, 512);
            Assert.Equal(8_030_261_248 * 2.0, estimate.WeightBytes);
            Assert.Equal(4 * 2560 * 131_072d, estimate.KvCacheBytes);
            Assert.Null(estimate.Fits);
            Assert.Null(estimate.UsableBytes);
            Assert.Equal(string.Empty, estimate.HardwareName);
        }

        [Fact]
        public void Activation_peak_is_the_largest_block_of_the_prefill_not_a_sum_over_layers()
        {
            // Llama-3-8B prefill of 4096 tokens at batch 1, bf16: residual 4096 × 4096 × 2 B plus the MLP's buffers,
            // the largest block: 4096 × (4096 + 3 × 14336) × 2 B. Total 4096 × (8192 + 94,208) B = 419,430,400 B.
            var estimate = MemoryEstimator.Estimate(new Deployment(TestModels.Llama3_8B), 1, 4096, 1);
            Assert.Equal(4096.0 * (8192 + 94_208), estimate.ActivationBytes);

            // Chunked prefill (MaxBatchedTokens 512) bounds it to 512 tokens' worth.
            var chunked = MemoryEstimator.Estimate(new Deployment(TestModels.Llama3_8B, maxBatchedTokens: 512), 1, 4096, 1);
            Assert.Equal(512.0 * (8192 + 94_208), chunked.ActivationBytes);
        }

        [Fact]
        public void Pipeline_parallel_GPUs_hold_their_stage_and_the_busiest_stage_is_reported()
        {
            // Llama-2-7B at PP 2: stages of 16 layers; the first holds the embedding, the last the LM head and final norm.
            // Both: 16 × 202,383,360 parameters (layer weights and norms) + 131,072,000; the last adds 4096 → 3,369,345,024 × 2 B.
            var estimate = MemoryEstimator.Estimate(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, pipelineParallel: 2), 1, 100, 1);
            Assert.Equal(((16 * 202_383_360.0) + 131_072_000 + 4096) * 2, estimate.WeightBytes);
            Assert.Equal(16 * 16_384d, estimate.KvCacheBytesPerToken);
        }

        [Fact]
        public void Max_context_is_the_last_length_that_fits_by_hand()
        {
            // Llama-3-8B bf16 on an A10 at batch 8. Usable 0.9 × 24 GiB = 23,192,823,398.4 B; weights 16,060,522,496 B;
            // reserve 1 GiB. Per token of context per sequence: KV 131,072 B + prefill activations 8192 + 94,208 B = 233,472 B.
            // n = ⌊(23,192,823,398.4 − 16,060,522,496 − 1,073,741,824) ÷ (8 × 233,472)⌋ = ⌊3243.7⌋ = 3243.
            var deployment = new Deployment(TestModels.Llama3_8B, TestModels.A10);
            var result = MemoryLimits.MaxContextLength(deployment, 8);
            Assert.Equal(3243, result.MaxContextLength);
            Assert.Equal(LimitReason.Memory, result.LimitedBy);
            Assert.True(MemoryEstimator.EstimateContext(deployment, 8, 3243).Fits);
            Assert.False(MemoryEstimator.EstimateContext(deployment, 8, 3244).Fits);
        }

        [Fact]
        public void Max_context_stops_at_the_position_limit_when_memory_would_allow_more()
        {
            // Mistral-7B slides over 4096 tokens on every layer, so its KV stops growing: the 32,768-position limit binds.
            var mistral = MemoryLimits.MaxContextLength(new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80), 1);
            Assert.Equal(32_768, mistral.MaxContextLength);
            Assert.Equal(LimitReason.ModelMaxPositions, mistral.LimitedBy);

            // Llama-2-7B on an 80 GB A100: 4096 positions long before memory.
            var llama = MemoryLimits.MaxContextLength(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 1);
            Assert.Equal(4096, llama.MaxContextLength);
            Assert.Equal(LimitReason.ModelMaxPositions, llama.LimitedBy);
        }

        [Fact]
        public void Max_context_is_zero_with_a_clear_reason_when_the_weights_do_not_fit()
        {
            // Llama-2-70B in fp16 is 137.95 GB of weights; an 80 GiB A100 cannot hold them.
            var result = MemoryLimits.MaxContextLength(new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80), 1);
            Assert.Equal(0, result.MaxContextLength);
            Assert.Equal(LimitReason.WeightsDoNotFit, result.LimitedBy);
            Assert.Contains("exceed the usable", result.Message);
        }

        [Fact]
        public void Max_batch_at_a_context_by_hand()
        {
            // Llama-2-7B fp16 on an A100 80GB at 4096 tokens per sequence, activations of prefilling 4096 tokens each.
            // Usable 0.9 × 80 GiB = 77,309,411,328 B; weights 13,476,831,232; reserve 1,073,741,824.
            // Per sequence: KV 4096 × 524,288 = 2,147,483,648 B; activations 4096 × (8192 + 74,240) B = 337,641,472 B
            // (MLP block: 4096 + 3 × 11008 elements of 2 B), plus the sampled row's logits 32000 × 4 B... only when larger.
            // B = ⌊(77,309,411,328 − 13,476,831,232 − 1,073,741,824) ÷ (2,147,483,648 + 337,641,472)⌋ = ⌊25.25⌋ = 25.
            var result = MemoryLimits.MaxBatchSize(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 4096);
            Assert.Equal(25, result.MaxBatchSize);
            Assert.Equal(LimitReason.Memory, result.LimitedBy);

            // Capacity at that batch: ⌊(usable − weights − reserve − activations of 25 × 4096 tokens) ÷ 524,288⌋.
            double budget = 77_309_411_328d - 13_476_831_232 - 1_073_741_824 - (25 * 337_641_472d);
            Assert.Equal((long)System.Math.Floor(budget / 524_288), result.KvCacheCapacityTokens);
            Assert.True(result.KvCacheCapacityTokens >= 25 * 4096);
        }
    }
}
