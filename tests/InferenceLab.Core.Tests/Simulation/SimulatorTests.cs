using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Simulation
{
    /// <summary>
    /// Whole runs checked against independent sources: queueing identities (Little's law), the static latency
    /// estimate for the equivalent batch, and the workload's own token counts.
    /// </summary>
    public sealed class SimulatorTests
    {
        private static readonly Deployment Llama = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80);

        /// <summary>The same deployment with the scheduler's default token budget, for static estimates that chunk alike.</summary>
        private static readonly Deployment LlamaChunked = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80, maxBatchedTokens: SchedulerSettings.DefaultMaxBatchedTokens);

        private static SimulationResult Run(Deployment deployment, Workload workload, SchedulerSettings? scheduler = null) =>
            Simulator.Run(new SimulationRequest(deployment, workload, scheduler, includeRequests: true));

        [Fact]
        public void Every_request_completes_and_token_counts_are_conserved()
        {
            // Lengths drawn again from the same seed's streams give the expected totals; each request's times are ordered.
            var workload = Workload.Poisson(6, 800, LengthDistribution.Uniform(50, 3000), LengthDistribution.LogNormal(200, 0.8, 1500), seed: 5);
            var result = Run(Llama, workload);
            var arrivals = new double[800];
            var inputs = new int[800];
            var outputs = new int[800];
            workload.Generate(arrivals, inputs, outputs);

            Assert.Equal(800, result.Requests.Count);
            long expectedInput = 0;
            long expectedOutput = 0;
            for (int i = 0; i < 800; i++)
            {
                var request = result.Requests[i];
                Assert.Equal(i, request.Index);
                Assert.Equal(arrivals[i], request.ArrivalSeconds);
                Assert.Equal(inputs[i], request.InputTokens);
                Assert.Equal(outputs[i], request.OutputTokens);
                Assert.True(request.ArrivalSeconds <= request.FirstScheduledSeconds);
                Assert.True(request.FirstScheduledSeconds < request.FirstTokenSeconds);
                Assert.True(request.FirstTokenSeconds <= request.FinishSeconds);
                Assert.Equal(request.OutputTokens == 1, request.FirstTokenSeconds == request.FinishSeconds);
                expectedInput += inputs[i];
                expectedOutput += outputs[i];
            }

            var summary = result.Summary;
            Assert.Equal(800, summary.RequestCount);
            Assert.Equal(expectedInput, summary.InputTokens);
            Assert.Equal(expectedOutput, summary.OutputTokens);
            Assert.Equal(expectedInput + expectedOutput - 800 + summary.RecomputedTokens, summary.ProcessedTokens);
            Assert.Equal(expectedOutput / summary.SimulatedSeconds, summary.OutputTokensPerSecond, 1e-9);
            Assert.Equal(800 / summary.SimulatedSeconds, summary.RequestsPerSecond, 1e-9);
            Assert.Equal(result.Requests.Max(r => r.FinishSeconds) - arrivals[0], summary.SimulatedSeconds, 1e-9);
        }

        [Fact]
        public void Littles_law_holds_on_a_long_run()
        {
            // L = λW: the time-average number of requests in the system (swept from the requests' arrival and finish
            // events) against the offered rate times the mean end-to-end latency, below saturation (about 5.2 per second
            // for this deployment). 4000 Poisson arrivals estimate the rate to about 1/√4000 ≈ 1.6%, so the two agree
            // within a few percent.
            const double rate = 4;
            var result = Run(Llama, Workload.Poisson(rate, 4000, LengthDistribution.Uniform(100, 2000), LengthDistribution.Uniform(20, 400), seed: 21));
            var events = result.Requests.SelectMany(r => new[] { (time: r.ArrivalSeconds, delta: 1), (time: r.FinishSeconds, delta: -1) })
                .OrderBy(e => e.time).ThenBy(e => e.delta).ToList();
            double area = 0;
            int inSystem = 0;
            for (int i = 0; i < events.Count; i++)
            {
                if (i > 0)
                {
                    area += inSystem * (events[i].time - events[i - 1].time);
                }

                inSystem += events[i].delta;
            }

            double span = events[events.Count - 1].time - events[0].time;
            double timeAverage = area / span;
            var summary = result.Summary;
            Assert.Equal(timeAverage, summary.MeanRequestsInSystem, timeAverage * 1e-9);
            Assert.Equal(rate * summary.EndToEndMeanSeconds, timeAverage, timeAverage * 0.04);
            Assert.True(summary.MeanRequestsInSystem > 2, "the run should queue requests for the law to say something");
        }

        [Theory]
        [InlineData(8192)]
        [InlineData(512)]
        public void At_a_very_low_rate_TTFT_and_TPOT_are_the_static_batch_1_estimates(int maxBatchedTokens)
        {
            // At 1e-4 requests per second each request finds the server empty (checked below), so its TTFT is the
            // static prefill of one sequence (chunked by the same budget) and its TPOT the static mean decode step.
            var scheduler = new SchedulerSettings(maxBatchedTokens: maxBatchedTokens);
            var result = Run(Llama, Workload.Poisson(1e-4, 20, LengthDistribution.Fixed(2048), LengthDistribution.Fixed(256), seed: 4), scheduler);
            var requests = result.Requests;
            for (int i = 1; i < requests.Count; i++)
            {
                Assert.True(requests[i].ArrivalSeconds > requests[i - 1].FinishSeconds, "each request must run alone");
            }

            var single = new Scenario(new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80, maxBatchedTokens: maxBatchedTokens), 1, 2048, 256);
            double ttft = LatencyEstimator.TimeToFirstTokenSeconds(single);
            double tpot = LatencyEstimator.Estimate(single).TimePerOutputTokenSeconds;
            foreach (var request in requests)
            {
                Assert.Equal(ttft, request.TimeToFirstTokenSeconds, ttft * 1e-9);
                Assert.Equal(tpot, request.TimePerOutputTokenSeconds, tpot * 1e-9);
                Assert.Equal(0.0, request.QueueSeconds);
            }

            Assert.Equal(ttft, result.Summary.TimeToFirstTokenP99Seconds, ttft * 1e-9);
            Assert.Equal(tpot, result.Summary.InterTokenLatencyMeanSeconds, tpot * 1e-9);
            Assert.Equal(0, result.Summary.PreemptionCount);
        }

        [Fact]
        public void One_closed_loop_client_sends_each_request_when_the_last_one_finishes()
        {
            var result = Run(Llama, Workload.ClosedLoop(1, 5, LengthDistribution.Fixed(1000), LengthDistribution.Fixed(100)));
            var single = LatencyEstimator.Estimate(new Scenario(LlamaChunked, 1, 1000, 100));
            Assert.Equal(0.0, result.Requests[0].ArrivalSeconds);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(single.EndToEndSeconds, result.Requests[i].EndToEndSeconds, single.EndToEndSeconds * 1e-9);
                if (i > 0)
                {
                    Assert.Equal(result.Requests[i - 1].FinishSeconds, result.Requests[i].ArrivalSeconds);
                }
            }

            Assert.Equal(1 / single.EndToEndSeconds, result.Summary.RequestsPerSecond, 1e-9);
            Assert.Equal(1.0, result.Summary.MeanRequestsInSystem, 1e-9);
            Assert.Equal(1, result.Summary.Clients);
            Assert.Equal(ArrivalPattern.ClosedLoop, result.Summary.Arrival);
        }

        [Fact]
        public void At_saturation_output_throughput_approaches_the_static_estimate_at_the_max_num_seqs_batch()
        {
            // 128 clients against MaxNumSeqs 64 keep 64 sequences running. The static estimate of a batch of 64 prefills
            // them together and then decodes them together; continuous batching mixes the same work into iterations that
            // read the weights once for decodes and prefill chunks alike, and the run has a start and a drain. The two
            // agree within 5%.
            var scheduler = new SchedulerSettings(maxNumSeqs: 64);
            var result = Run(Llama, Workload.ClosedLoop(128, 2000, LengthDistribution.Fixed(1024), LengthDistribution.Fixed(256)), scheduler);
            var batch = LatencyEstimator.Estimate(new Scenario(LlamaChunked, 64, 1024, 256));
            Assert.Equal(64, result.Summary.PeakRunningSequences);
            Assert.Equal(batch.OutputTokensPerSecond, result.Summary.OutputTokensPerSecond, batch.OutputTokensPerSecond * 0.05);
        }

        [Fact]
        public void At_saturation_output_throughput_approaches_the_static_estimate_at_the_largest_batch_the_KV_cache_holds()
        {
            // MaxNumSeqs 1024 never binds; the KV cache does. The static estimate at the largest batch of 2048 + 256-token
            // sequences that fits (MemoryLimits.MaxBatchSize) is the independent figure; preemptions near the cache's edge
            // and the run's start and drain cost a few percent.
            var scheduler = new SchedulerSettings(maxNumSeqs: 1024);
            int largest = MemoryLimits.MaxBatchSize(LlamaChunked, 2048 + 256, 2048).MaxBatchSize;
            var result = Run(Llama, Workload.ClosedLoop(2 * largest, 20 * largest, LengthDistribution.Fixed(2048), LengthDistribution.Fixed(256)), scheduler);
            var batch = LatencyEstimator.Estimate(new Scenario(LlamaChunked, largest, 2048, 256));
            Assert.InRange(largest, 50, 1000);
            Assert.Equal(batch.OutputTokensPerSecond, result.Summary.OutputTokensPerSecond, batch.OutputTokensPerSecond * 0.05);
        }

        [Fact]
        public void Percentiles_do_not_decrease_as_the_arrival_rate_rises()
        {
            // The same seed at a higher rate replays the same requests closer together (WorkloadTests), so waiting can
            // only grow: TTFT and end-to-end percentiles never fall. TPOT grows with the running batch while the server
            // keeps up (up to 5 per second here, where the achieved rate is the offered one); past saturation (about
            // 5.2 per second) the KV cache pins the batch, TPOT stops depending on the rate and only TTFT keeps growing.
            SimulationSummary? previous = null;
            foreach (double rate in new[] { 0.5, 2, 4, 5, 6, 8, 10, 12 })
            {
                var summary = Run(Llama, Workload.Poisson(rate, 600, LengthDistribution.Uniform(100, 3000), LengthDistribution.Uniform(10, 500), seed: 8)).Summary;
                if (previous != null)
                {
                    var checkedNow = rate <= 5 ? AllPercentiles(summary) : QueueingPercentiles(summary);
                    var checkedBefore = rate <= 5 ? AllPercentiles(previous) : QueueingPercentiles(previous);
                    foreach (var (name, before, now) in checkedBefore.Zip(checkedNow, (a, b) => (a.name, a.value, b.value)))
                    {
                        Assert.True(now >= before, $"{name} fell from {before} to {now} when the rate rose to {rate}");
                    }
                }

                if (rate <= 5)
                {
                    Assert.Equal(rate, summary.RequestsPerSecond, rate * 0.1);
                }

                previous = summary;
            }

            Assert.True(previous!.RequestsPerSecond < 6, "the highest rates should be past saturation");
        }

        [Fact]
        public void The_same_seed_gives_identical_results_and_another_seed_does_not()
        {
            Workload Make(int seed) => Workload.Poisson(9, 500, LengthDistribution.LogNormal(1000, 0.7, 6000), LengthDistribution.Uniform(1, 400), seed);
            var first = Run(Llama, Make(77));
            var second = Run(Llama, Make(77));
            var other = Run(Llama, Make(78));

            foreach (var property in typeof(SimulationSummary).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.Equal(property.GetValue(first.Summary), property.GetValue(second.Summary));
            }

            for (int i = 0; i < first.Requests.Count; i++)
            {
                foreach (var property in typeof(SimulatedRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Assert.Equal(property.GetValue(first.Requests[i]), property.GetValue(second.Requests[i]));
                }
            }

            Assert.NotEqual(first.Summary.TimeToFirstTokenMeanSeconds, other.Summary.TimeToFirstTokenMeanSeconds);
            Assert.Equal(77, first.Summary.Seed);
        }

        [Fact]
        public void A_KV_cache_too_small_for_the_load_preempts_recovers_and_completes_every_request()
        {
            // MemoryUtilization 0.202 of 80 GiB: 17,351,667,876 B usable − 16,060,522,496 B of bf16 weights − 1 GiB reserve
            // − about 26 MB of activations for a 256-token iteration ≈ 191 MB, about 1,450 tokens of Llama-3-8B KV
            // (131,072 B each), against requests of up to 300 tokens arriving 20 per second, 32 at a time.
            var deployment = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80, memoryUtilization: 0.202);
            var scheduler = new SchedulerSettings(maxNumSeqs: 32, maxBatchedTokens: 256);
            var result = Run(deployment, Workload.Poisson(20, 300, LengthDistribution.Uniform(20, 200), LengthDistribution.Uniform(1, 100), seed: 2), scheduler);
            var summary = result.Summary;
            Assert.InRange(summary.KvCacheCapacityTokens, 1_300, 1_600);
            Assert.True(summary.PreemptionCount > 0);
            Assert.True(summary.RecomputedTokens > 0);
            Assert.Equal(summary.PreemptionCount, result.Requests.Sum(r => (long)r.PreemptionCount));
            Assert.All(result.Requests, r => Assert.True(r.FinishSeconds >= r.FirstTokenSeconds && r.FirstTokenSeconds > r.ArrivalSeconds));
            Assert.Equal(result.Requests.Sum(r => (long)r.InputTokens + r.OutputTokens - 1) + summary.RecomputedTokens, summary.ProcessedTokens);
            Assert.True(summary.KvCachePeakBytes <= summary.KvCacheCapacityBytes);
            Assert.True(summary.KvCacheMeanBytes <= summary.KvCachePeakBytes);
        }

        [Fact]
        public void A_trace_run_carries_its_file_and_lines()
        {
            var entries = new[] { new TraceEntry(0.5, 300, 20, 3), new TraceEntry(0, 200, 10, 2) };
            var result = Simulator.Run(new SimulationRequest(Llama, Workload.FromTrace(entries, "load.csv"), includeRequests: true));
            Assert.Equal("load.csv", result.Summary.TracePath);
            Assert.Equal(ArrivalPattern.Trace, result.Summary.Arrival);
            Assert.Equal(string.Empty, result.Summary.InputLengths);
            Assert.Equal(new long[] { 2, 3 }, result.Requests.Select(r => r.TraceLine).ToArray());
            Assert.Equal(0.5, result.Requests[1].ArrivalSeconds);
        }

        [Fact]
        public void The_requests_deployment_chunks_by_the_schedulers_budget_and_keeps_everything_else()
        {
            var deployment = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80, kvCacheType: DataType.Fp8, memoryUtilization: 0.8,
                runtimeReserveBytes: 5e8, maxBatchedTokens: 100, efficiency: EfficiencyProfile.Roofline);
            var request = new SimulationRequest(deployment, Workload.Poisson(1, 1, LengthDistribution.Fixed(5), LengthDistribution.Fixed(2)), new SchedulerSettings(maxBatchedTokens: 2048));
            Assert.Equal(2048, request.Deployment.MaxBatchedTokens);
            Assert.Equal(DataType.Fp8, request.Deployment.KvCacheType);
            Assert.Equal(0.8, request.Deployment.MemoryUtilization);
            Assert.Equal(5e8, request.Deployment.RuntimeReserveBytes);
            Assert.Same(EfficiencyProfile.Roofline, request.Deployment.Efficiency);
            Assert.Same(TestModels.A100Sxm80, request.Deployment.Hardware);
        }

        [Fact]
        public void Without_the_per_request_switch_only_the_summary_is_returned()
        {
            var result = Simulator.Run(new SimulationRequest(Llama, Workload.Poisson(1, 10, LengthDistribution.Fixed(100), LengthDistribution.Fixed(10))));
            Assert.Empty(result.Requests);
            Assert.Equal(10, result.Summary.RequestCount);
        }

        [Fact]
        public void Progress_is_reported_up_to_every_request_and_cancellation_stops_the_run()
        {
            var reports = new List<SimulationProgress>();
            var request = new SimulationRequest(Llama, Workload.Poisson(5, 1000, LengthDistribution.Fixed(500), LengthDistribution.Fixed(50)));
            Simulator.Run(request, new SynchronousProgress(reports.Add));
            Assert.InRange(reports.Count, 50, 101);
            Assert.Equal(1000, reports[reports.Count - 1].CompletedRequests);
            Assert.Equal(100, reports[reports.Count - 1].PercentComplete);

            using (var cancel = new System.Threading.CancellationTokenSource())
            {
                cancel.Cancel();
                Assert.Throws<OperationCanceledException>(() => Simulator.Run(request, null, cancel.Token));
                var tiny = new SimulationRequest(Llama, Workload.Poisson(5, 1, LengthDistribution.Fixed(5), LengthDistribution.Fixed(2)));
                Assert.Throws<OperationCanceledException>(() => Simulator.Run(tiny, null, cancel.Token));
            }
        }

        [Fact]
        public void No_output_number_is_NaN_infinite_or_negative()
        {
            var result = Run(Llama, Workload.Poisson(3, 50, LengthDistribution.Fixed(200), LengthDistribution.Fixed(1)));
            foreach (var property in typeof(SimulationSummary).GetProperties().Where(p => p.PropertyType == typeof(double)))
            {
                double value = (double)property.GetValue(result.Summary)!;
                Assert.False(double.IsNaN(value) || double.IsInfinity(value) || value < 0, property.Name + " = " + value);
            }

            // One output token each: no time per output token and no inter-token gaps, reported as 0.
            Assert.Equal(0.0, result.Summary.TimePerOutputTokenP99Seconds);
            Assert.Equal(0.0, result.Summary.InterTokenLatencyMeanSeconds);
        }

        private static IEnumerable<(string name, double value)> QueueingPercentiles(SimulationSummary s)
        {
            yield return ("TTFT p50", s.TimeToFirstTokenP50Seconds);
            yield return ("TTFT p90", s.TimeToFirstTokenP90Seconds);
            yield return ("TTFT p99", s.TimeToFirstTokenP99Seconds);
            yield return ("E2E p50", s.EndToEndP50Seconds);
            yield return ("E2E p90", s.EndToEndP90Seconds);
            yield return ("E2E p99", s.EndToEndP99Seconds);
        }

        private static IEnumerable<(string name, double value)> AllPercentiles(SimulationSummary s)
        {
            foreach (var item in QueueingPercentiles(s))
            {
                yield return item;
            }

            yield return ("TPOT p50", s.TimePerOutputTokenP50Seconds);
            yield return ("TPOT p90", s.TimePerOutputTokenP90Seconds);
            yield return ("TPOT p99", s.TimePerOutputTokenP99Seconds);
        }

        private sealed class SynchronousProgress : IProgress<SimulationProgress>
        {
            private readonly Action<SimulationProgress> report;

            public SynchronousProgress(Action<SimulationProgress> report) => this.report = report;

            public void Report(SimulationProgress value) => report(value);
        }
    }
}
