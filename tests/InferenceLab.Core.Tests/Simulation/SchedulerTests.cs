using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Simulation
{
    /// <summary>
    /// Small traces worked through iteration by iteration by hand: which tokens each iteration holds follows from the
    /// scheduling rules; each iteration's expected duration is StepTimer's time of that hand-written batch.
    /// </summary>
    public sealed class SchedulerTests
    {
        private static readonly Deployment Llama = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80);

        private static double Step(Deployment deployment, params SequenceGroup[] groups) => new StepTimer(deployment).Seconds(groups, groups.Length);

        private static SequenceGroup Prefill(int tokens, long cached, bool sampled) => new SequenceGroup(1, tokens, cached, sampled);

        private static SequenceGroup Decode(long cached) => new SequenceGroup(1, 1, cached, sampled: true);

        private static SimulationResult RunTrace(Deployment deployment, SchedulerSettings scheduler, params TraceEntry[] entries) =>
            Simulator.Run(new SimulationRequest(deployment, Workload.FromTrace(entries, "hand.csv"), scheduler, includeRequests: true));

        /// <summary>The p-quantile at rank p·(n − 1), interpolating between neighbours (NumPy's default).</summary>
        private static double Interpolated(List<double> sorted, double p)
        {
            double h = p * (sorted.Count - 1);
            int low = (int)System.Math.Floor(h);
            int high = System.Math.Min(low + 1, sorted.Count - 1);
            return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
        }

        [Fact]
        public void Two_prompts_prefill_in_one_iteration_then_decode_together()
        {
            // Budget 8192 holds both prompts (100 + 200 tokens): iteration 1 prefills both and samples token 1 of each;
            // iterations 2 and 3 decode both over 100/200 and 101/201 cached tokens; 3 output tokens each.
            var result = RunTrace(Llama, new SchedulerSettings(), new TraceEntry(0, 100, 3), new TraceEntry(0, 200, 3));
            double t1 = Step(Llama, Prefill(100, 0, true), Prefill(200, 0, true));
            double t2 = Step(Llama, Decode(100), Decode(200));
            double t3 = Step(Llama, Decode(101), Decode(201));

            foreach (var request in result.Requests)
            {
                Assert.Equal(t1, request.TimeToFirstTokenSeconds, 1e-12);
                Assert.Equal(t1 + t2 + t3, request.EndToEndSeconds, 1e-12);
                Assert.Equal((t2 + t3) / 2, request.TimePerOutputTokenSeconds, 1e-12);
                Assert.Equal(0.0, request.QueueSeconds);
            }

            var summary = result.Summary;
            Assert.Equal(3, summary.IterationCount);
            Assert.Equal((t2 + t3) / 2, summary.InterTokenLatencyMeanSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3, summary.SimulatedSeconds, 1e-12);
            Assert.Equal(2, summary.PeakRunningSequences);
            Assert.Equal(300 + 4, summary.ProcessedTokens);
            Assert.Equal(6 / (t1 + t2 + t3), summary.OutputTokensPerSecond, 1e-9);
        }

        [Fact]
        public void A_long_prompt_is_chunked_behind_the_decodes_of_running_requests()
        {
            // Budget 64 tokens. Both arrive at 0; r0 (10-token prompt, 4 outputs) is admitted first.
            // it1: r0 prefills 10 (samples token 1); r1 (150-token prompt, 2 outputs) gets the other 54 tokens.
            // it2: r0 decodes over 10; r1 gets 63 more (C = 54).   it3: r0 decodes over 11; r1's last 33 (C = 117), sampled.
            // it4: r0 decodes over 12 (its 4th token: done); r1 decodes over 150 (its 2nd: done).
            var scheduler = new SchedulerSettings(maxNumSeqs: 4, maxBatchedTokens: 64);
            var result = RunTrace(Llama, scheduler, new TraceEntry(0, 10, 4), new TraceEntry(0, 150, 2));
            double t1 = Step(Llama, Prefill(10, 0, true), Prefill(54, 0, false));
            double t2 = Step(Llama, Decode(10), Prefill(63, 54, false));
            double t3 = Step(Llama, Decode(11), Prefill(33, 117, true));
            double t4 = Step(Llama, Decode(12), Decode(150));

            var r0 = result.Requests[0];
            var r1 = result.Requests[1];
            Assert.Equal(t1, r0.TimeToFirstTokenSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3 + t4, r0.EndToEndSeconds, 1e-12);
            Assert.Equal((t2 + t3 + t4) / 3, r0.TimePerOutputTokenSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3, r1.TimeToFirstTokenSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3 + t4, r1.EndToEndSeconds, 1e-12);
            Assert.Equal(4, result.Summary.IterationCount);

            // Inter-token gaps: r0's t2, t3, t4 and r1's t4.
            Assert.Equal((t2 + t3 + t4 + t4) / 4, result.Summary.InterTokenLatencyMeanSeconds, 1e-12);
        }

        [Fact]
        public void The_KV_cache_holds_what_the_memory_left_after_weights_reserve_and_activations_holds()
        {
            // Llama-2-7B fp16 on an 80 GiB A100 at 0.9: usable 0.9 × 85,899,345,920 = 77,309,411,328 B; weights
            // 6,738,415,616 × 2 = 13,476,831,232 B; reserve 1 GiB = 1,073,741,824 B; activations of an 8192-token
            // iteration: residual 8192·4096·2 = 67,108,864 plus the largest buffer, the MLP's 8192·(4096 + 3·11008)·2 =
            // 608,174,080 (attention's 8192·(4096 + 3·4096 + 4096)·2 = 335,544,320 and 256 logit rows' 34,865,152 are
            // smaller). Left: 62,083,555,328 B ÷ 524,288 B per token = 118,414.98 → 118,414 tokens → 7,400 blocks of 16.
            var deployment = new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80);
            var result = Simulator.Run(new SimulationRequest(deployment, Workload.Poisson(1, 1, LengthDistribution.Fixed(10), LengthDistribution.Fixed(2))));
            Assert.Equal(7_400L * 16, result.Summary.KvCacheCapacityTokens);
            Assert.Equal(7_400.0 * 16 * 524_288, result.Summary.KvCacheCapacityBytes);
        }

        [Fact]
        public void When_blocks_run_out_the_youngest_request_is_preempted_and_recomputed()
        {
            // Four KV blocks of 16 tokens, set by the reserve: Llama-2-7B fp16 on an A100 at 0.9 leaves usable − weights
            // − activations of a 64-token iteration (residual 64·4096·2 = 524,288 plus the MLP's 64·37120·2 = 4,751,360)
            // and the reserve is chosen to leave 64.5 tokens × 524,288 B.
            const double usable = 0.9 * 85_899_345_920.0;
            const double weights = 13_476_831_232.0;
            const double activations = 524_288 + 4_751_360;
            double reserve = usable - weights - activations - (64.5 * 524_288);
            var deployment = new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, runtimeReserveBytes: reserve);
            var scheduler = new SchedulerSettings(maxNumSeqs: 4, maxBatchedTokens: 64, blockSize: 16);

            // r0 and r1: 16-token prompts, 20 outputs. it1 prefills both (one block each); it2 gives each a second
            // block for C = 16; it2..it17 decode both over C = 16..31. it18: r0 needs a third block for C = 32, none is
            // free, so the youngest, r1 (32 tokens cached, 17 generated), is preempted; nothing is admitted in an
            // iteration that preempted. it19: r0 over 33; r1 would need 3 blocks for 16 + 17 = 33 tokens, 1 is free.
            // it20: r0 over 34, its 20th token: done. it21: r1 prefills 33 tokens, sampling its 18th; it22–23 decode.
            var result = RunTrace(deployment, scheduler, new TraceEntry(0, 16, 20), new TraceEntry(0, 16, 20));
            Assert.Equal(64, result.Summary.KvCacheCapacityTokens);

            var steps = new List<double> { Step(deployment, Prefill(16, 0, true), Prefill(16, 0, true)) };
            for (long c = 16; c <= 31; c++)
            {
                steps.Add(Step(deployment, new SequenceGroup(2, 1, c, sampled: true)));
            }

            steps.Add(Step(deployment, Decode(32)));
            steps.Add(Step(deployment, Decode(33)));
            steps.Add(Step(deployment, Decode(34)));
            steps.Add(Step(deployment, Prefill(33, 0, true)));
            steps.Add(Step(deployment, Decode(33)));
            steps.Add(Step(deployment, Decode(34)));

            var r0 = result.Requests[0];
            var r1 = result.Requests[1];
            Assert.Equal(steps.Take(20).Sum(), r0.EndToEndSeconds, 1e-12);
            Assert.Equal(steps.Sum(), r1.EndToEndSeconds, 1e-12);
            Assert.Equal(steps[0], r1.TimeToFirstTokenSeconds, 1e-12);
            Assert.Equal(0, r0.PreemptionCount);
            Assert.Equal(1, r1.PreemptionCount);

            var summary = result.Summary;
            Assert.Equal(23, summary.IterationCount);
            Assert.Equal(1, summary.PreemptionCount);
            Assert.Equal(32, summary.RecomputedTokens);
            Assert.Equal((2 * (16 + 20 - 1)) + 32, summary.ProcessedTokens);
            Assert.Equal(4.0 * 16 * 524_288, summary.KvCachePeakBytes);

            // Inter-token gaps: r0's it2..it20 (19); r1's it2..it17 (16), then the stall from the end of it17 to the end
            // of it21, then it22 and it23. Percentiles by linear interpolation between ranks over the 38 sorted gaps.
            var gaps = steps.Skip(1).Take(19).Concat(steps.Skip(1).Take(16)).ToList();
            gaps.Add(steps.Skip(17).Take(4).Sum());
            gaps.Add(steps[21]);
            gaps.Add(steps[22]);
            gaps.Sort();
            Assert.Equal(38, gaps.Count);
            Assert.Equal(gaps.Average(), summary.InterTokenLatencyMeanSeconds, 1e-12);
            Assert.Equal(Interpolated(gaps, 0.50), summary.InterTokenLatencyP50Seconds, 1e-12);
            Assert.Equal(Interpolated(gaps, 0.90), summary.InterTokenLatencyP90Seconds, 1e-12);
            Assert.Equal(Interpolated(gaps, 0.99), summary.InterTokenLatencyP99Seconds, 1e-12);
        }

        [Fact]
        public void An_iteration_that_preempts_admits_nobody()
        {
            // Three blocks of 16 tokens (reserve set as above, for a 17-token iteration: residual 17·4096·2 = 139,264 plus
            // the MLP's 17·37120·2 = 1,262,080), budget 17, two sequences at most.
            // it1: r0 (16-token prompt, 3 outputs) prefills 16 in block 1 and samples; r1 (17-token prompt, 2 outputs)
            //      gets the last budget token in block 2.
            // it2: r0 decodes over 16 and takes block 3; r1's next 16 tokens need a fourth block, so r1 preempts itself.
            //      Its freed block would hold a 16-token chunk, but an iteration that preempted admits nobody (vLLM V1).
            // it3: r0 decodes over 17 (done); r1 is readmitted with 16 of its 17 tokens in the block it freed.
            // it4: r1's last prompt token, in a block r0 freed, samples its first output; it5: r1 decodes over 17.
            const double usable = 0.9 * 85_899_345_920.0;
            double reserve = usable - 13_476_831_232.0 - (139_264 + 1_262_080) - (48.5 * 524_288);
            var deployment = new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, runtimeReserveBytes: reserve);
            var result = RunTrace(deployment, new SchedulerSettings(maxNumSeqs: 2, maxBatchedTokens: 17), new TraceEntry(0, 16, 3), new TraceEntry(0, 17, 2));
            Assert.Equal(48, result.Summary.KvCacheCapacityTokens);

            double t1 = Step(deployment, Prefill(16, 0, true), Prefill(1, 0, false));
            double t2 = Step(deployment, Decode(16));
            double t3 = Step(deployment, Decode(17), Prefill(16, 0, false));
            double t4 = Step(deployment, Decode(16));
            double t5 = Step(deployment, Decode(17));
            var r0 = result.Requests[0];
            var r1 = result.Requests[1];
            Assert.Equal(t1 + t2 + t3, r0.EndToEndSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3 + t4, r1.TimeToFirstTokenSeconds, 1e-12);
            Assert.Equal(t1 + t2 + t3 + t4 + t5, r1.EndToEndSeconds, 1e-12);
            Assert.Equal(1, r1.PreemptionCount);
            Assert.Equal(1, result.Summary.RecomputedTokens);
            Assert.Equal(5, result.Summary.IterationCount);
        }

        [Fact]
        public void Shortest_prompt_first_admits_the_short_prompt_before_an_earlier_long_one()
        {
            // One running sequence at a time. r0 runs from 0; r1 (3000 tokens) arrives at 1 ms, r2 (100) at 2 ms.
            // FCFS admits r1 when r0 finishes, SPF admits r2; either way the next one starts at r0's finish.
            var scheduler = new[] { SchedulingPolicy.FirstComeFirstServed, SchedulingPolicy.ShortestPromptFirst };
            foreach (var policy in scheduler)
            {
                var result = RunTrace(Llama, new SchedulerSettings(maxNumSeqs: 1, policy: policy),
                    new TraceEntry(0, 1000, 50), new TraceEntry(0.001, 3000, 5), new TraceEntry(0.002, 100, 5));
                var r0 = result.Requests[0];
                var longPrompt = result.Requests[1];
                var shortPrompt = result.Requests[2];
                var first = policy == SchedulingPolicy.FirstComeFirstServed ? longPrompt : shortPrompt;
                var second = policy == SchedulingPolicy.FirstComeFirstServed ? shortPrompt : longPrompt;
                Assert.Equal(r0.FinishSeconds, first.FirstScheduledSeconds);
                Assert.Equal(first.FinishSeconds, second.FirstScheduledSeconds);
                Assert.Equal(policy, result.Summary.SchedulingPolicy);
            }
        }
    }
}
