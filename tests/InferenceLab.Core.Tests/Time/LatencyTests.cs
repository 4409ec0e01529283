using System.Collections.Generic;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Time
{
    public sealed class LatencyTests
    {
        /// <summary>Gemma-2-9B's shape (google/gemma-2-9b config.json): 42 layers, every other one sliding over 4096, head_dim 256.</summary>
        private static readonly ModelSpec Gemma2Like = new ModelSpec("gemma-2-9b", layerCount: 42, hiddenSize: 3584, attentionHeadCount: 16, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 256000, maxPositionEmbeddings: 8192, headDimension: 256, tiedEmbeddings: true,
            slidingWindowSize: 4096, slidingWindowLayerCount: 21);

        private static readonly EfficiencyProfile Lossy = new EfficiencyProfile("test", 0.6, 0.75, 0.5, gemmHalfEfficiencyTokens: 32, moeEfficiency: 0.7,
            stepOverheadSeconds: 2e-4, layerOverheadSeconds: 4e-6, allReduceLatencySeconds: 8e-6, interconnectEfficiency: 0.8);

        public static IEnumerable<object[]> Deployments()
        {
            yield return new object[] { "llama-2-7b", new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80) };
            yield return new object[] { "llama-2-7b lossy", new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, efficiency: Lossy) };
            yield return new object[] { "llama-2-7b roofline", new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, efficiency: EfficiencyProfile.Roofline) };
            yield return new object[] { "mistral window", new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80, efficiency: Lossy) };
            yield return new object[] { "gemma hybrid", new Deployment(Gemma2Like, TestModels.A100Sxm80, efficiency: Lossy) };
            yield return new object[] { "mixtral tp2", new Deployment(TestModels.Mixtral8x7B, TestModels.A100Sxm80, tensorParallel: 2, efficiency: Lossy) };
            yield return new object[] { "llama-70b tp4 pp2", new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80, tensorParallel: 4, pipelineParallel: 2) };
            yield return new object[] { "deepseek mla", new Deployment(TestModels.DeepSeekV3, TestModels.A100Sxm80, tensorParallel: 8, pipelineParallel: 2, efficiency: Lossy) };
            yield return new object[] { "full attention matrix", new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80,
                efficiency: new EfficiencyProfile("dense", 0.5, 0.7, 0.7, flashAttention: false)) };
        }

        [Theory]
        [MemberData(nameof(Deployments))]
        public void Closed_form_decode_time_equals_the_step_by_step_sum(string name, Deployment deployment)
        {
            Assert.NotNull(name);
            foreach (int batch in new[] { 1, 7, 64 })
            {
                foreach ((int start, int steps) in new[] { (1, 1), (100, 300), (3900, 400), (4094, 3), (4095, 1), (5000, 250) })
                {
                    if (start + steps + 1 > deployment.Model.MaxPositionEmbeddings)
                    {
                        continue;
                    }

                    var scenario = new Scenario(deployment, batch, start, steps + 1);
                    double brute = 0;
                    for (int c = start; c < start + steps; c++)
                    {
                        brute += LatencyEstimator.TimePerOutputTokenSeconds(scenario, c);
                    }

                    double closed = LatencyEstimator.Estimate(scenario).DecodeSeconds;
                    Assert.Equal(brute, closed, brute * 1e-9);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Deployments))]
        public void Chunked_prefill_time_equals_the_sum_of_its_chunks(string name, Deployment plain)
        {
            Assert.NotNull(name);
            var timer = new StepTimer(plain);
            foreach ((int batch, int prompt, int chunk) in new[] { (1, 6000, 512), (3, 5000, 1000), (2, 4000, 4000), (1, 7, 3), (4, 8000, 3000), (2, 4000, 1500) })
            {
                if (prompt + 1 > plain.Model.MaxPositionEmbeddings)
                {
                    continue;
                }

                double brute = 0;
                int done = 0;
                while (done < prompt)
                {
                    int size = System.Math.Min(chunk, prompt - done);
                    brute += timer.Seconds(new SequenceGroup(batch, size, done, sampled: done + size == prompt));
                    done += size;
                }

                var chunked = new Deployment(plain.Model, plain.Hardware, tensorParallel: plain.TensorParallel, pipelineParallel: plain.PipelineParallel,
                    maxBatchedTokens: batch * chunk, efficiency: plain.Efficiency);
                double closed = LatencyEstimator.TimeToFirstTokenSeconds(new Scenario(chunked, batch, prompt, 1));
                Assert.Equal(brute, closed, brute * 1e-9);
            }
        }

        [Fact]
        public void Sum_of_max_of_affine_matches_brute_force_on_both_sides_of_a_crossing()
        {
            foreach (var (x0, x1, y0, y1, n) in new[] { (1.0, 5.0, 3.0, 2.0, 11.0), (5.0, 1.0, 2.0, 3.0, 7.0), (1.0, 2.0, 3.0, 4.0, 5.0), (2.0, 2.0, 2.0, 2.0, 9.0), (0.0, 10.0, 10.0, 0.0, 2.0) })
            {
                double brute = 0;
                for (int j = 0; j < n; j++)
                {
                    double x = x0 + ((x1 - x0) * j / (n - 1));
                    double y = y0 + ((y1 - y0) * j / (n - 1));
                    brute += System.Math.Max(x, y);
                }

                Assert.Equal(brute, StepTimer.SumOfMaxOfAffine(x0, x1, y0, y1, n), 9);
            }
        }

        [Fact]
        public void Pure_roofline_decode_of_Llama2_7B_at_batch_1_is_its_bytes_over_bandwidth()
        {
            // Each operator is memory-bound at batch 1, so the pure-roofline step time is bytes ÷ 2.039e12 B/s:
            // ~13.49e9 B (weights 13,214,695,424 + KV and activations) → ~6.62 ms; 150 tokens/s per sequence.
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, efficiency: EfficiencyProfile.Roofline), 1, 512, 2);
            var step = CostEstimator.Decode(scenario, 512);
            double expected = (step.BytesRead + step.BytesWritten) / 2.039e12;
            Assert.Equal(expected, LatencyEstimator.TimePerOutputTokenSeconds(scenario, 512), 12);
            Assert.InRange(expected, 6.55e-3, 6.70e-3);
        }

        [Fact]
        public void End_to_end_is_prefill_plus_the_sum_of_output_minus_one_decode_steps_and_throughput_follows()
        {
            var scenario = new Scenario(new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80), 16, 2048, 256);
            var estimate = LatencyEstimator.Estimate(scenario);

            // 255 decode steps over contexts 2048 … 2302.
            Assert.Equal(LatencyEstimator.DecodeSeconds(scenario, 2048, 255), estimate.DecodeSeconds, 12);
            Assert.Equal(estimate.TimeToFirstTokenSeconds + estimate.DecodeSeconds, estimate.EndToEndSeconds, 12);
            Assert.Equal(estimate.DecodeSeconds / 255, estimate.TimePerOutputTokenSeconds, 12);
            Assert.Equal(16.0 * 256 / estimate.EndToEndSeconds, estimate.OutputTokensPerSecond, 6);
            Assert.Equal(16.0 * (2048 + 256) / estimate.EndToEndSeconds, estimate.TotalTokensPerSecond, 6);
            Assert.Equal(16.0 * 2048 / estimate.TimeToFirstTokenSeconds, estimate.PrefillTokensPerSecond, 6);
            Assert.Equal(RooflineBound.Compute, estimate.PrefillBound);
            Assert.Equal(RooflineBound.Memory, estimate.DecodeBound);
        }

        [Fact]
        public void Tensor_parallel_decode_adds_two_ring_all_reduces_per_layer()
        {
            // Llama-2-70B, TP 4, batch 1, decode: 160 all-reduces of 8192 × 2 B = 16,384 B. Ring: 2·3/4 × 16,384 ÷ (300e9 × 0.8)
            // + 8 µs each = 160 × (1.024e-7 + 8e-6) = 1.296e-3 s per step (InterconnectEfficiency 0.8, AllReduceLatency 8 µs).
            var profile = new EfficiencyProfile("comm", 1, 1, 1, allReduceLatencySeconds: 8e-6, interconnectEfficiency: 0.8);
            var scenario = new Scenario(new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80, tensorParallel: 4, efficiency: profile), 1, 128, 2);
            var estimate = LatencyEstimator.Estimate(scenario);
            double perStep = 160 * ((2.0 * 3 / 4 * 16_384 / (300e9 * 0.8)) + 8e-6);
            double prefillStep = 160 * ((2.0 * 3 / 4 * 128 * 16_384 / (300e9 * 0.8)) + 8e-6);
            Assert.Equal(perStep + prefillStep, estimate.CommunicationSeconds, 12);
        }

        [Fact]
        public void A_compute_type_without_a_native_rate_falls_back_to_the_next_wider_and_says_so()
        {
            // The A100 has no fp8 tensor rate: fp8 activations compute at the fp16 rate (312e12).
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, weightFormat: WeightFormat.Plain(DataType.Fp8), activationType: DataType.Fp8), 1, 128, 8);
            var estimate = LatencyEstimator.Estimate(scenario);
            Assert.Equal(DataType.Fp16, estimate.PeakRateType);
            Assert.Contains("No native fp8 rate", estimate.PeakRateNote);
            Assert.Equal(312e12, RooflineAnalyzer.Analyze(scenario, Phase.Prefill).PeakFlopsPerSecond);
        }

        [Fact]
        public void Decode_of_a_tg128_run_from_an_empty_cache_sums_contexts_0_to_127()
        {
            var deployment = new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80);
            var scenario = new Scenario(deployment, 1, 1, 1);
            double brute = 0;
            for (int c = 0; c < 128; c++)
            {
                brute += LatencyEstimator.TimePerOutputTokenSeconds(scenario, c);
            }

            Assert.Equal(brute, LatencyEstimator.DecodeSeconds(scenario, 0, 128), brute * 1e-9);
        }
    }
}
