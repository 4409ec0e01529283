using System;
using System.Collections.Generic;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Models;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Simulation
{
    /// <summary>
    /// The simulator prices an iteration's decodes as at most four pooled groups. The reference is the step time of the
    /// same decodes given one group per sequence, each with its own context (StepTimer on the unpooled batch).
    /// </summary>
    public sealed class DecodePoolTests
    {
        /// <summary>google/gemma-2-9b config.json: 42 layers, every other one sliding over 4096 tokens, head_dim 256.</summary>
        private static readonly ModelSpec Gemma2_9B = new ModelSpec("gemma-2-9b", layerCount: 42, hiddenSize: 3584, attentionHeadCount: 16, keyValueHeadCount: 8,
            intermediateSize: 14336, vocabularySize: 256000, maxPositionEmbeddings: 8192, headDimension: 256, tiedEmbeddings: true,
            slidingWindowSize: 4096, slidingWindowLayerCount: 21);

        public static IEnumerable<object[]> Deployments()
        {
            var unfused = new EfficiencyProfile("unfused", 0.5, 0.7, 0.6, gemmHalfEfficiencyTokens: 64, flashAttention: false, sharesKvAcrossQueryGroups: false);
            yield return new object[] { "llama-3-8b", new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80) };
            yield return new object[] { "mistral all sliding", new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80) };
            yield return new object[] { "mistral unfused, KV read per query head", new Deployment(TestModels.Mistral7B, TestModels.A100Sxm80, efficiency: unfused) };
            yield return new object[] { "gemma-2 unfused", new Deployment(Gemma2_9B, TestModels.A100Sxm80, efficiency: unfused) };
            yield return new object[] { "gemma-2 hybrid", new Deployment(Gemma2_9B, TestModels.A100Sxm80) };
            yield return new object[] { "mixtral tp2", new Deployment(TestModels.Mixtral8x7B, TestModels.A100Sxm80, tensorParallel: 2) };
            yield return new object[] { "deepseek-v3 mla", new Deployment(TestModels.DeepSeekV3, TestModels.A100Sxm80, tensorParallel: 8, pipelineParallel: 2) };
        }

        [Theory]
        [MemberData(nameof(Deployments))]
        public void Pooled_decodes_cost_what_one_group_per_sequence_costs(string name, Deployment deployment)
        {
            Assert.NotNull(name);
            var timer = new StepTimer(deployment);
            var random = new Random(17);
            long window = deployment.Model.SlidingWindowLayerCount > 0 ? deployment.Model.SlidingWindowSize : 0;
            foreach (int batch in new[] { 1, 2, 3, 7, 64, 255 })
            {
                var contexts = new long[batch];
                for (int i = 0; i < batch; i++)
                {
                    contexts[i] = random.Next(0, 8000);
                }

                // Straddle the window edge W − 1 on purpose.
                if (batch >= 7)
                {
                    contexts[0] = 4094;
                    contexts[1] = 4095;
                    contexts[2] = 4096;
                    contexts[3] = 0;
                }

                var perSequence = new SequenceGroup[batch + 1];
                var pool = new DecodePool(window);
                for (int i = 0; i < batch; i++)
                {
                    perSequence[i] = new SequenceGroup(1, 1, contexts[i], sampled: true);
                    pool.Add(contexts[i]);
                }

                // A prefill chunk rides along in both batches.
                perSequence[batch] = new SequenceGroup(1, 300, 1200, sampled: false);
                var pooled = new SequenceGroup[5];
                pooled[0] = perSequence[batch];
                int pooledCount = 1;
                pool.AppendTo(pooled, ref pooledCount);

                Assert.InRange(pooledCount, 2, 5);
                double expected = timer.Seconds(perSequence, batch + 1);
                Assert.Equal(expected, timer.Seconds(pooled, pooledCount), expected * 1e-12);
            }
        }

        [Fact]
        public void Equal_contexts_pool_into_one_group_and_the_remainder_into_a_second()
        {
            // Contexts 10, 11, 13: ΣC = 34 over 3 sequences → 2 at ⌊34/3⌋ = 11 and 1 at 12 (2·11 + 12 = 34).
            var pool = new DecodePool(0);
            pool.Add(10);
            pool.Add(11);
            pool.Add(13);
            var groups = new SequenceGroup[4];
            int count = 0;
            pool.AppendTo(groups, ref count);
            Assert.Equal(2, count);
            Assert.Equal((2, 11L), (groups[0].Count, groups[0].CachedTokens));
            Assert.Equal((1, 12L), (groups[1].Count, groups[1].CachedTokens));
            Assert.True(groups[0].Sampled && groups[1].Sampled && groups[0].NewTokens == 1 && groups[1].NewTokens == 1);
        }
    }
}
