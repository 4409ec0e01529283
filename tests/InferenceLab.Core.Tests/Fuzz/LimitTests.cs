using System.Collections.Generic;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;

namespace InferenceLab.Fuzz
{
    /// <summary>The limits docs/robustness.md states: at each one every estimator still computes finite numbers, and one past it is refused.</summary>
    public sealed class LimitTests
    {
        /// <summary>
        /// A model just under 1e15 parameters: 1000 layers of width 2^18 with 2048 heads of 128 and an MLP of 900,000
        /// (≈ 1000 × (4·2^36 + 3·2^18·9e5) ≈ 9.8e14), accepting the longest context an int holds.
        /// </summary>
        private static readonly ModelSpec Largest = new ModelSpec("largest", 1000, 1 << 18, 2048, 2048, 900_000, 1_000_000, int.MaxValue);

        private static readonly HardwareSpec LargestGpu = new HardwareSpec("largest-gpu", HardwareSpec.MaxBytes, HardwareSpec.MaxBytes,
            new Dictionary<DataType, double> { [DataType.Bf16] = HardwareSpec.MaxFlopsPerSecond });

        [Fact]
        public void The_largest_model_context_and_batch_compute_finite_results()
        {
            Assert.InRange(Largest.TotalParameterCount, 9e14, ParameterCounter.MaxParameters);
            var deployment = new Deployment(Largest, LargestGpu);
            var scenario = new Scenario(deployment, Scenario.MaxBatchSize, int.MaxValue - 1, 1);
            Invariant.CheckResult(MemoryEstimator.Estimate(scenario), "memory");
            Invariant.CheckResult(MemoryEstimator.EstimateContext(deployment, Scenario.MaxBatchSize, int.MaxValue), "memory at the position limit");
            Invariant.CheckResult(CostEstimator.Prefill(scenario), "prefill cost");
            Invariant.CheckResult(CostEstimator.Decode(scenario, int.MaxValue - 1), "decode cost");
            Invariant.CheckResult(LatencyEstimator.Estimate(scenario), "latency");
            Invariant.CheckResult(RooflineAnalyzer.AnalyzeOperators(scenario, Phase.Prefill), "roofline");
            Invariant.CheckResult(MemoryLimits.MaxContextLength(deployment, Scenario.MaxBatchSize), "max context");
            Invariant.CheckResult(MemoryLimits.MaxBatchSize(deployment, int.MaxValue), "max batch");
            Invariant.CheckResult(EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimeToFirstToken, EfficiencyAnalyzer.MaxMeasuredSeconds), "efficiency");
        }

        [Fact]
        public void The_longest_generation_computes_finite_results()
        {
            // Every token of an int's range generated after a one-token prompt: the closed-form decode sum, not a loop.
            var scenario = new Scenario(new Deployment(Largest, LargestGpu), 1, 1, int.MaxValue - 1);
            Invariant.CheckResult(LatencyEstimator.Estimate(scenario), "latency");
            Invariant.CheckResult(MemoryEstimator.Estimate(scenario), "memory");
        }

        [Fact]
        public void One_past_each_limit_is_invalid_input_naming_the_field()
        {
            Assert.Equal("BatchSize", Assert.Throws<InvalidInputException>(() => new Scenario(new Deployment(Largest), Scenario.MaxBatchSize + 1, 1, 1)).Field);
            Assert.Equal("LayerCount", Assert.Throws<InvalidInputException>(() => new ModelSpec("too-large", 1100, 1 << 18, 2048, 2048, 900_000, 1_000_000, 4096)).Field);
            Assert.Equal("LayerCount", Assert.Throws<InvalidInputException>(() => new ModelSpec("x", ModelSpec.MaxLayers + 1, 64, 4, 4, 128, 100, 512)).Field);
            Assert.Equal("HiddenSize", Assert.Throws<InvalidInputException>(() => new ModelSpec("x", 2, ModelSpec.MaxDimension + 1, 4, 4, 128, 100, 512)).Field);
            Assert.Equal("MemoryBytes", Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", HardwareSpec.MaxBytes * 1.01, 1e12, new Dictionary<DataType, double> { [DataType.Bf16] = 1e12 })).Field);
            Assert.Equal("bf16 peak FLOP/s", Assert.Throws<InvalidInputException>(() => new HardwareSpec("g", 1e9, 1e12, new Dictionary<DataType, double> { [DataType.Bf16] = HardwareSpec.MaxFlopsPerSecond * 1.01 })).Field);
            Assert.Equal("ComputeEfficiency", Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("e", EfficiencyProfile.MinimumFactor / 2, 1, 1)).Field);
        }
    }
}
