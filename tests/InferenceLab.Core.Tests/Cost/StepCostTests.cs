using System.Linq;
using InferenceLab.Core.Cost;

namespace InferenceLab.Core.Tests.Cost
{
    /// <summary>
    /// Hand-worked step costs. Llama-2-7B (fp16): H 4096, 32 layers, 32 heads × 128, I 11008, V 32000, on an A100 SXM 80GB
    /// (312e12 FLOP/s fp16 dense, 2.039e12 B/s → balance 153.0 FLOP/B).
    /// </summary>
    public sealed class StepCostTests
    {
        private static Scenario Llama(int batch, int input) =>
            new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), batch, input, 1);

        private static double Op(StepCost step, OperatorKind kind) => step.Operators.Single(o => o.Operator == kind).Flops;

        [Fact]
        public void Llama2_7B_prefill_of_512_tokens_at_batch_1_is_compute_bound_with_hand_counted_flops()
        {
            var step = CostEstimator.Prefill(Llama(1, 512));

            // QKV: 32 layers × 2 × 512 tokens × 4096 × (3 × 4096) = 1,649,267,441,664.
            Assert.Equal(32.0 * 2 * 512 * 4096 * 3 * 4096, Op(step, OperatorKind.QkvProjection));

            // Causal attention: 512·513/2 = 131,328 query-key pairs × 4·32·128 FLOPs × 32 layers = 68,853,694,464.
            Assert.Equal(131_328.0 * 4 * 32 * 128 * 32, Op(step, OperatorKind.Attention));
            Assert.Equal(32.0 * 2 * 512 * 4096 * 4096, Op(step, OperatorKind.OutputProjection));
            Assert.Equal(32.0 * 2 * 512 * 3 * 4096 * 11008, Op(step, OperatorKind.Mlp));

            // The LM head runs on the last position only: 2 × 1 × 4096 × 32000 = 262,144,000 (not × 512).
            Assert.Equal(2.0 * 4096 * 32000, Op(step, OperatorKind.LmHead));

            // Total, elementwise included (32·10·512·4096 + 5·512·4096 + 5·512·32·11008 = 1,583,349,760): 6,702,128,693,248.
            Assert.Equal(6_702_128_693_248d, step.Flops);

            // Weights read once: linear 32 × (4·4096² + 3·4096·11008) × 2 B = 12,952,010,752; norms (32·8192 + 4096) × 2 = 532,480;
            // LM head 131,072,000 × 2 = 262,144,000; embedding rows 512 × 4096 × 2 = 4,194,304 → 13,218,881,536.
            Assert.Equal(13_218_881_536d, step.WeightBytesRead);

            // KV: 512 tokens × 524,288 B written, and read back by attention.
            Assert.Equal(512.0 * 524_288, step.KvCacheBytesWritten);
            Assert.Equal(512.0 * 524_288, step.KvCacheBytesRead);

            // With activations the step moves ~18.35e9 B (hand count 18,348,651,520): intensity ≈ 365 > 153 → compute-bound.
            Assert.InRange(step.BytesRead + step.BytesWritten, 18.35e9 * 0.99, 18.35e9 * 1.01);
            var point = RooflineAnalyzer.Analyze(Llama(1, 512), Phase.Prefill);
            Assert.InRange(point.ArithmeticIntensityFlopsPerByte, 360, 370);
            Assert.Equal(RooflineBound.Compute, point.Bound);
        }

        [Fact]
        public void Llama2_7B_prefill_at_batch_16_multiplies_the_work_and_reads_weights_once()
        {
            var one = CostEstimator.Prefill(Llama(1, 512));
            var sixteen = CostEstimator.Prefill(Llama(16, 512));

            // Hand count: 107,234,059,091,968 FLOPs (16 × every per-token term; attention 16 × 131,328 pairs).
            Assert.Equal(107_234_059_091_968d, sixteen.Flops);

            // Weights are the same bytes except the embedding rows: 8192 rows × 8 KiB instead of 512 rows.
            Assert.Equal(one.WeightBytesRead + ((8192.0 - 512) * 4096 * 2), sixteen.WeightBytesRead);
            Assert.Equal(RooflineBound.Compute, RooflineAnalyzer.Analyze(Llama(16, 512), Phase.Prefill).Bound);
        }

        [Fact]
        public void Llama2_7B_decode_at_batch_1_over_512_cached_tokens_is_memory_bound_near_one_flop_per_byte()
        {
            var scenario = Llama(1, 512);
            var step = CostEstimator.Decode(scenario, 512);

            // One token: QKV 32·2·4096·12288 = 3,221,225,472; attention 513 pairs × 16,384 × 32 = 268,959,744; MLP 8,657,043,456.
            Assert.Equal(32.0 * 2 * 4096 * 3 * 4096, Op(step, OperatorKind.QkvProjection));
            Assert.Equal(513.0 * 4 * 32 * 128 * 32, Op(step, OperatorKind.Attention));
            Assert.Equal(13_486_206_976d, step.Flops);

            // KV read: 513 tokens × 524,288 B = 268,959,744; written: one token, 524,288 B.
            Assert.Equal(513.0 * 524_288, step.KvCacheBytesRead);
            Assert.Equal(524_288d, step.KvCacheBytesWritten);

            // Weights (one embedding row, 8192 B) 13,214,695,424 B dominate: intensity ≈ 1.0 FLOP/B ≪ 153.
            Assert.Equal(13_214_695_424d, step.WeightBytesRead);
            var point = RooflineAnalyzer.Analyze(scenario, Phase.Decode, 512);
            Assert.InRange(point.ArithmeticIntensityFlopsPerByte, 0.99, 1.01);
            Assert.Equal(RooflineBound.Memory, point.Bound);

            // Pure roofline time of the step: ~13.49e9 B ÷ 2.039e12 B/s ≈ 6.62 ms.
            Assert.InRange(point.Seconds, 6.55e-3, 6.70e-3);
        }

        [Fact]
        public void Llama2_7B_decode_at_batch_16_is_still_memory_bound_with_intensity_about_12()
        {
            var step = CostEstimator.Decode(Llama(16, 512), 512);

            // Hand count: 215,779,311,616 FLOPs over ~17.67e9 B → 12.2 FLOP/B, far below the A100's 153.
            Assert.Equal(215_779_311_616d, step.Flops);
            Assert.Equal(16 * 513.0 * 524_288, step.KvCacheBytesRead);
            var point = RooflineAnalyzer.Analyze(Llama(16, 512), Phase.Decode, 512);
            Assert.InRange(point.ArithmeticIntensityFlopsPerByte, 12.0, 12.4);
            Assert.Equal(RooflineBound.Memory, point.Bound);
        }

        [Fact]
        public void Model_flops_follow_two_times_active_parameters_per_token_apart_from_embedding_head_and_attention()
        {
            // 2 × N × (block parameters) for the GEMMs; the common "2 × params × tokens" rule adds the embedding (a lookup)
            // and the LM head on every position, which a prefill does not compute.
            var step = CostEstimator.Prefill(Llama(1, 512));
            double blockParameters = 32.0 * ((4 * 4096.0 * 4096) + (3 * 4096.0 * 11008));
            double gemms = Op(step, OperatorKind.QkvProjection) + Op(step, OperatorKind.OutputProjection) + Op(step, OperatorKind.Mlp);
            Assert.Equal(2 * 512 * blockParameters, gemms);
        }

        [Fact]
        public void Mixtral_decode_reads_two_experts_per_layer_at_batch_1_and_all_eight_at_batch_64()
        {
            var deployment = new Deployment(TestModels.Mixtral8x7B, TestModels.A100Sxm80);
            double oneExpertBytes = 3.0 * 4096 * 14336 * 2; // gate, up, down in bf16: 352,321,536 B.

            var single = CostEstimator.Decode(new Scenario(deployment, 1, 128, 1), 128).Operators.Single(o => o.Operator == OperatorKind.RoutedExperts);

            // One token picks k = 2 of 8: E·(1 − (1 − k/E)^1) = 8·(1 − 0.75) = 2 experts × 32 layers.
            Assert.Equal(32 * 2 * oneExpertBytes, single.WeightBytesRead, 0);

            var batch = CostEstimator.Decode(new Scenario(deployment, 64, 128, 1), 128).Operators.Single(o => o.Operator == OperatorKind.RoutedExperts);

            // 64 tokens: 8·(1 − 0.75^64) = 8 − 8.0e-8 distinct experts: every expert is read.
            double distinct = 8 * (1 - System.Math.Pow(0.75, 64));
            Assert.Equal(32 * distinct * oneExpertBytes, batch.WeightBytesRead, 0);
            Assert.InRange(batch.WeightBytesRead / single.WeightBytesRead, 3.999, 4.0); // E/k = 4

            // FLOPs follow k, not E: 2 · 64 tokens · 2 experts · 3·4096·14336 · 32 layers.
            Assert.Equal(2.0 * 64 * 2 * 3 * 4096 * 14336 * 32, batch.Flops);
        }

        [Fact]
        public void Mistral_attention_past_its_4096_window_reads_and_scores_only_the_window()
        {
            var scenario = new Scenario(new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80), 1, 8000, 1);
            double kvBytesPerTokenLayer = 2 * 8 * 128 * 2; // 4096 B: GQA with 8 KV heads of 128, bf16.

            var at8000 = CostEstimator.Decode(scenario, 8000).Operators.Single(o => o.Operator == OperatorKind.SlidingWindowAttention);
            var at30000 = CostEstimator.Decode(scenario, 30000).Operators.Single(o => o.Operator == OperatorKind.SlidingWindowAttention);
            var at4095 = CostEstimator.Decode(scenario, 4095).Operators.Single(o => o.Operator == OperatorKind.SlidingWindowAttention);

            // The new token attends to the last 4096 positions: 4095 cached + itself. 32 layers × 4096 × 4096 B = 536,870,912.
            Assert.Equal(32 * 4096 * kvBytesPerTokenLayer, at8000.KvCacheBytesRead);
            Assert.Equal(at8000.KvCacheBytesRead, at30000.KvCacheBytesRead);
            Assert.Equal(at8000.KvCacheBytesRead, at4095.KvCacheBytesRead);

            // 4096 pairs × 4·32·128 FLOPs × 32 layers.
            Assert.Equal(4096.0 * 4 * 32 * 128 * 32, at8000.Flops);
            Assert.Equal(at8000.Flops, at30000.Flops);

            // Every layer is sliding; none attends to the whole context, so the step has no full-attention operator (nor a router).
            Assert.DoesNotContain(CostEstimator.Decode(scenario, 8000).Operators, o => o.Operator == OperatorKind.Attention || o.Operator == OperatorKind.Router);
        }

        [Fact]
        public void Causal_prefill_attention_within_a_window_counts_each_query_against_at_most_the_window()
        {
            // Mistral prefill of 6000 tokens: query i (1-based) sees min(i, 4096) keys.
            // Σ = 4096·4097/2 + (6000 − 4096)·4096 = 8,390,656 + 7,798,784 = 16,189,440 pairs per layer.
            var scenario = new Scenario(new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80), 1, 6000, 1);
            var attention = CostEstimator.Prefill(scenario).Operators.Single(o => o.Operator == OperatorKind.SlidingWindowAttention);
            Assert.Equal(16_189_440.0 * 4 * 32 * 128 * 32, attention.Flops);
        }

        [Fact]
        public void Llama2_70B_at_TP_4_splits_the_step_and_all_reduces_two_hidden_states_per_layer()
        {
            var deployment = new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80, tensorParallel: 4);
            var scenario = new Scenario(deployment, 8, 1024, 1);
            var step = CostEstimator.Decode(scenario, 1024);

            // All-reduces: 2 per layer × 80 = 160, each of B·S·H·2 B = 8 × 1 × 8192 × 2 = 131,072 B → 20,971,520 B per GPU.
            Assert.Equal(160, step.AllReduceCount);
            Assert.Equal(160 * 8 * 8192 * 2.0, step.AllReduceBytes);

            // KV read per GPU: 8 sequences × 1025 tokens × 80 layers × (2 × 2 KV heads × 128 × 2 B) = 8 × 1025 × 81,920 B.
            Assert.Equal(8 * 1025 * 81_920.0, step.KvCacheBytesRead);

            // The whole model's FLOPs are ~4× one GPU's (norms are replicated, so slightly less than 4×).
            Assert.InRange(step.ModelFlops / step.Flops, 3.99, 4.0);
        }

        [Fact]
        public void DeepSeekV3_decode_caches_the_latent_and_reads_it_whole_on_every_TP_rank()
        {
            var deployment = new Deployment(TestModels.DeepSeekV3, new Hardware.HardwareSpec("big", 1e13, 4.8e12,
                new System.Collections.Generic.Dictionary<DataType, double> { [DataType.Bf16] = 989e12 }, 450e9), tensorParallel: 8);
            var step = CostEstimator.Decode(new Scenario(deployment, 1, 4096, 1), 4096);

            // 4097 tokens × 70,272 B/token (the latent is replicated across TP, not split).
            Assert.Equal(4097 * 70_272.0, step.KvCacheBytesRead);
        }
    }
}
