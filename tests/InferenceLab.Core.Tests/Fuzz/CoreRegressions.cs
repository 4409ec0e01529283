using System.Collections.Generic;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Tests;

namespace InferenceLab.Fuzz
{
    /// <summary>Failures the Core fuzz found, each kept as the smallest case that showed it (issue 10).</summary>
    public sealed class CoreRegressions
    {
        private static readonly Dictionary<DataType, double> A100Peaks = new Dictionary<DataType, double> { [DataType.Bf16] = 312e12 };

        [Fact]
        public void Regression_GPU_without_peaks_names_PeakFlopsPerSecond_in_its_message()
        {
            var error = Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", 80e9, 2e12, new Dictionary<DataType, double>()));
            Assert.Equal("PeakFlopsMissing", error.ErrorId);
            Assert.Contains("PeakFlopsPerSecond", error.Message);
        }

        [Fact]
        public void Regression_denormal_bandwidth_is_invalid_input_not_an_infinite_machine_balance()
        {
            // 312e12 FLOP/s ÷ 5e-324 B/s overflowed to an infinite balance and infinite times.
            var error = Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", 80e9, double.Epsilon, A100Peaks));
            Assert.Equal("MemoryBandwidthBytesPerSecond", error.Field);
            Assert.Equal("MemoryBandwidthBytesPerSecondOutOfRange", error.ErrorId);
        }

        [Fact]
        public void Regression_peak_rate_of_1e_minus_300_is_invalid_input_not_an_infinite_prefill_time()
        {
            var peaks = new Dictionary<DataType, double> { [DataType.Fp8] = 1e-300 };
            var error = Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", 80e9, 2e12, peaks));
            Assert.Equal("fp8 peak FLOP/s", error.Field);
        }

        [Fact]
        public void Regression_memory_of_double_MaxValue_is_invalid_input_not_a_negative_KV_token_count()
        {
            // 1.8e308 bytes of memory made vLLM's KV pool overflow the 64-bit block count into a negative token count.
            var error = Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", double.MaxValue, 2e12, A100Peaks));
            Assert.Equal("MemoryBytes", error.Field);
        }

        [Fact]
        public void The_largest_accepted_GPU_still_gives_a_finite_engine_budget()
        {
            var huge = new HardwareSpec("g", HardwareSpec.MaxBytes, HardwareSpec.MaxBytes, new Dictionary<DataType, double> { [DataType.Fp16] = HardwareSpec.MaxFlopsPerSecond });
            var budget = EngineMemoryBudgets.Compute(new Deployment(TestModels.Llama2_7B, huge), EngineProfiles.Vllm, EngineMemorySettings.Defaults, 4096);
            Invariant.CheckResult(budget, "budget");

            // 0.9 × 1e18 B of pool over 524,288 B per token (Llama-2-7B fp16, DESIGN §8) is about 1.7e12 tokens.
            Assert.InRange(budget.KvCacheTokens, 1.5e12, 1.8e12);
        }

        [Fact]
        public void Regression_efficiency_of_1e_minus_300_is_invalid_input_not_an_infinite_time()
        {
            var error = Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("e", 1e-300, 1, 1));
            Assert.Equal("ComputeEfficiency", error.Field);
            Assert.Equal("ComputeEfficiencyTooSmall", error.ErrorId);
        }

        [Fact]
        public void The_smallest_accepted_efficiency_and_GPU_give_finite_times()
        {
            var slow = new HardwareSpec("g", 1e12, HardwareSpec.MinFigure, new Dictionary<DataType, double> { [DataType.Bf16] = HardwareSpec.MinFigure });
            var crawl = new EfficiencyProfile("crawl", EfficiencyProfile.MinimumFactor, EfficiencyProfile.MinimumFactor, EfficiencyProfile.MinimumFactor, 1e9, EfficiencyProfile.MinimumFactor);
            var scenario = new Scenario(new Deployment(TestModels.Mixtral8x7B, slow, efficiency: crawl), 1000, 30000, 2000);
            Invariant.CheckResult(Core.Time.LatencyEstimator.Estimate(scenario), "latency");
            Invariant.CheckResult(RooflineAnalyzer.Analyze(scenario, Phase.Prefill), "roofline");
        }
    
        [Theory]
        [InlineData(MeasuredMetric.TimePerOutputToken, 5e-324)]
        [InlineData(MeasuredMetric.TimePerOutputToken, 1.7976931348623157e308)]
        [InlineData(MeasuredMetric.OutputThroughput, 1e300)]
        public void Regression_measurement_meaning_an_absurd_time_is_invalid_input_not_infinite_rates(MeasuredMetric metric, double value)
        {
            // 5e-324 s of TPOT gave infinite achieved FLOP/s; 1.8e308 s × 129 steps an infinite measured time.
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 1, 512, 130);
            var error = Assert.Throws<InvalidInputException>(() => EfficiencyAnalyzer.Analyze(scenario, metric, value));
            Assert.Equal("MeasuredValueOutOfRange", error.ErrorId);
            Assert.Equal(metric.ToString(), error.Field);
        }

        [Fact]
        public void Measurements_at_the_accepted_limits_give_finite_reports()
        {
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 1, 512, 1);
            Invariant.CheckResult(EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimeToFirstToken, EfficiencyAnalyzer.MinMeasuredSeconds), "fastest");
            Invariant.CheckResult(EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimeToFirstToken, EfficiencyAnalyzer.MaxMeasuredSeconds), "slowest");
        }
    
        [Fact]
        public void Regression_trace_request_beyond_the_position_limit_names_TracePath_in_field_and_message()
        {
            // The error said Field = InputLength while its message spoke only of "the request on line 2 of trace.csv":
            // a trace run has no InputLength parameter, so the field at fault is the trace's.
            var toy = new ModelSpec("toy", 2, 64, 4, 2, 128, 100, 512);
            var workload = Core.Simulation.Workload.FromTrace(new[] { new Core.Simulation.TraceEntry(0, 128, 16, 1), new Core.Simulation.TraceEntry(0.5, 512, 32, 2) }, "trace.csv");
            var error = Assert.Throws<InvalidInputException>(() => Core.Simulation.Simulator.Run(new Core.Simulation.SimulationRequest(new Deployment(toy, TestModels.A100Sxm80), workload)));
            Assert.Equal("ContextBeyondPositionLimit", error.ErrorId);
            Assert.Equal("TracePath", error.Field);
            Assert.Contains("TracePath trace.csv, line 2: the request has 512 + 32 = 544 tokens", error.Message);
        }
    
        [Fact]
        public void Regression_request_rate_of_5e_minus_324_is_invalid_input_not_NaN_latencies()
        {
            // 1 ÷ 5e-324 is an infinite gap between arrivals; infinity − infinity made every TTFT NaN.
            var error = Assert.Throws<InvalidInputException>(() => Core.Simulation.Workload.Poisson(double.Epsilon, 5, Core.Simulation.LengthDistribution.Fixed(16), Core.Simulation.LengthDistribution.Fixed(16)));
            Assert.Equal("RequestRateTooSmall", error.ErrorId);
            Assert.Equal("RequestRate", error.Field);
        }

        [Fact]
        public void The_slowest_accepted_request_rate_simulates_finite_latencies()
        {
            var workload = Core.Simulation.Workload.Poisson(Core.Simulation.Workload.MinRequestRatePerSecond, 20, Core.Simulation.LengthDistribution.Fixed(128), Core.Simulation.LengthDistribution.Fixed(16));
            var result = Core.Simulation.Simulator.Run(new Core.Simulation.SimulationRequest(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), workload));
            Invariant.CheckResult(result.Summary, "summary");
        }
    
        [Theory]
        [InlineData("llama\n2")]
        [InlineData("gpu\u001b[31m")]
        public void Regression_names_with_control_characters_are_invalid_input(string name)
        {
            // A name is printed in tables and messages; a newline or an ANSI escape in it garbled the console.
            var model = Assert.Throws<InvalidInputException>(() => new ModelSpec(name, 2, 64, 4, 4, 128, 100, 512));
            Assert.Equal("ModelNameInvalid", model.ErrorId);
            Assert.DoesNotContain('\n', model.Message);
            var gpu = Assert.Throws<InvalidInputException>(() => new HardwareSpec(name, 1e9, 1e9, A100Peaks));
            Assert.Equal("HardwareNameInvalid", gpu.ErrorId);
            Assert.DoesNotContain('\u001b', gpu.Message);
        }
    }
}
