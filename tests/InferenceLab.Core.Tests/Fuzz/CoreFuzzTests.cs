using System;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Issue 10's fuzz of the Core inputs: random and extreme values for every model, GPU, deployment and scenario field,
    /// through every estimator. Each call gives a sane, consistent result or a documented error naming its field.
    /// </summary>
    public sealed class CoreFuzzTests
    {
        /// <summary>Cases per run in CI (INFERENCELAB_FUZZ_CASES replaces it).</summary>
        public const int DefaultCases = FuzzSettings.CoreScenarioCases;

        private static readonly EngineProfile[] Engines = { EngineProfiles.Vllm, EngineProfiles.Sglang, EngineProfiles.TensorRtLlm, EngineProfiles.Generic };

        private readonly ITestOutputHelper output;

        public CoreFuzzTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Every_estimator_gives_a_sane_result_or_a_documented_error()
        {
            var cases = FuzzSettings.Sample(ScenarioCase.Gen, FuzzSettings.Cases(DefaultCases), 1);
            int scenarios = 0;
            int run = FuzzRunner.Run(output, "Core scenarios", cases, c => scenarios += Check(c) ? 1 : 0);
            output.WriteLine($"{scenarios} of {run} cases were valid scenarios and ran every estimator; the rest stopped at a documented error.");
            output.WriteLine("Most frequent errors: " + Invariant.TopErrors(12));
            Assert.True(run >= FuzzSettings.Cases(DefaultCases));

            // Enough cases get past validation to exercise the arithmetic, not only the checks.
            Assert.True(scenarios * 4 >= run, $"only {scenarios} of {run} cases reached the estimators");
        }

        /// <summary>Builds the case's inputs and runs every estimator on them; true when the scenario was valid.</summary>
        internal static bool Check(ScenarioCase c)
        {
            var model = Invariant.Call("ModelSpec", c.Model.Build);
            if (model == null)
            {
                return false;
            }

            Invariant.Call("ParameterCounter.Count", () => ParameterCounter.Count(model));
            Invariant.Call("KvCache.BytesPerToken", () => KvCache.BytesPerToken(model, c.KvType ?? DataType.Bf16, c.TensorParallel));
            HardwareSpec? gpu = null;
            if (c.Gpu != null)
            {
                gpu = Invariant.Call("HardwareSpec", c.BuildGpu);
                if (gpu == null)
                {
                    return false;
                }
            }

            var deployment = Invariant.Call("Deployment", () => c.BuildDeployment(model, gpu));
            if (deployment == null)
            {
                return false;
            }

            Invariant.Call("MemoryEstimator.EstimateContext", () => MemoryEstimator.EstimateContext(deployment, c.Batch, c.Input));
            Invariant.Call("MemoryEstimator.Estimate(output 0)", () => MemoryEstimator.Estimate(deployment, c.Batch, c.Input, 0));
            var maxContext = Invariant.Call("MemoryLimits.MaxContextLength", () => MemoryLimits.MaxContextLength(deployment, c.Batch));
            if (maxContext != null && maxContext.LimitedBy == LimitReason.Memory && maxContext.MaxContextLength > 0)
            {
                // The limit agrees with the memory estimate: n tokens fit, n + 1 do not.
                Agree(MemoryEstimator.EstimateContext(deployment, c.Batch, maxContext.MaxContextLength).Fits == true, "MaxContextLength does not fit", maxContext.MaxContextLength);
                Agree(MemoryEstimator.EstimateContext(deployment, c.Batch, maxContext.MaxContextLength + 1).Fits == false, "MaxContextLength + 1 fits", maxContext.MaxContextLength);
            }

            var maxBatch = Invariant.Call("MemoryLimits.MaxBatchSize", () => MemoryLimits.MaxBatchSize(deployment, c.Context));
            if (maxBatch != null && maxBatch.LimitedBy == LimitReason.Memory && maxBatch.MaxBatchSize > 0)
            {
                Agree(MemoryEstimator.EstimateContext(deployment, maxBatch.MaxBatchSize, c.Context).Fits == true, "MaxBatchSize does not fit", maxBatch.MaxBatchSize);
                Agree(MemoryEstimator.EstimateContext(deployment, maxBatch.MaxBatchSize + 1, c.Context).Fits == false, "MaxBatchSize + 1 fits", maxBatch.MaxBatchSize);
            }

            Invariant.Call("MemoryLimits.MaxBatchSize(input)", () => MemoryLimits.MaxBatchSize(deployment, c.Context, c.Input <= c.Context ? c.Input : (int?)null));
            var engine = Engines[(c.Batch & int.MaxValue) % Engines.Length];
            int[] blocks = { 16, 32, 1, 0, -1, 1_000_000, 1_000_001 };
            var settings = Invariant.Call("EngineMemorySettings", () => new EngineMemorySettings(
                memoryUtilization: c.Output % 3 == 0 ? c.Utilization : (double?)null,
                maxBatchedTokens: c.MaxBatchedTokens > 0 ? c.MaxBatchedTokens : (int?)null,
                maxSequences: c.Batch,
                maxModelLength: c.Output % 4 == 0 ? c.Input : (int?)null,
                blockSize: c.Output % 5 == 0 ? blocks[(c.Input & int.MaxValue) % blocks.Length] : (int?)null,
                enforceEager: c.Input % 2 == 0));
            if (settings != null)
            {
                Invariant.Call("EngineMemoryBudgets.Compute", () => EngineMemoryBudgets.Compute(deployment, engine, settings, c.Context));
                Invariant.Call("EngineMemoryBudgets.MaxContextLength", () => EngineMemoryBudgets.MaxContextLength(deployment, engine, settings, c.Batch));
            }

            var scenario = Invariant.Call("Scenario", () => new Scenario(deployment, c.Batch, c.Input, c.Output));
            if (scenario == null)
            {
                return false;
            }

            Invariant.Call("MemoryEstimator.Estimate", () => MemoryEstimator.Estimate(scenario));
            Invariant.Call("CostEstimator.Prefill", () => CostEstimator.Prefill(scenario));
            Invariant.Call("CostEstimator.Decode", () => CostEstimator.Decode(scenario, c.Context));
            Invariant.Call("RooflineAnalyzer.Analyze(prefill)", () => RooflineAnalyzer.Analyze(scenario, Phase.Prefill));
            Invariant.Call("RooflineAnalyzer.Analyze(decode)", () => RooflineAnalyzer.Analyze(scenario, Phase.Decode, c.Context));
            Invariant.Call("RooflineAnalyzer.AnalyzeOperators", () => RooflineAnalyzer.AnalyzeOperators(scenario, Phase.Decode));
            Invariant.Call("LatencyEstimator.Estimate", () => LatencyEstimator.Estimate(scenario));
            Invariant.Call("LatencyEstimator.TimePerOutputTokenSeconds", () => LatencyEstimator.TimePerOutputTokenSeconds(scenario, c.Context));
            Invariant.Call("LatencyEstimator.DecodeSeconds", () => LatencyEstimator.DecodeSeconds(scenario, c.Context, c.Output));
            Invariant.Call("EfficiencyAnalyzer.Analyze", () => EfficiencyAnalyzer.Analyze(scenario, c.Metric, c.Measured));
            return true;
        }

        private static void Agree(bool holds, string problem, int value)
        {
            if (!holds)
            {
                throw new InvariantViolation(problem + " (" + value + ")");
            }
        }
    }
}
