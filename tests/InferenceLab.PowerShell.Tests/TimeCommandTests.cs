using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Time;
using InferenceLab.PowerShell.Efficiency;
using InferenceLab.PowerShell.Time;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Measure-InferenceLatency and Measure-InferenceEfficiency: the scenarios they plan and what Core returns.</summary>
    public sealed class TimeCommandTests
    {
        [Fact]
        public void Latency_plans_one_scenario_per_combination_with_the_generic_profile_unless_Roofline()
        {
            var cmd = new MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, TensorParallel = new[] { 1, 2 }, InputLength = new[] { 512 }, OutputLength = new[] { 64, 128 } };

            var scenarios = cmd.Plan().Select(p => p.Request!).ToArray();

            Assert.Equal(new[] { (1, 64), (1, 128), (2, 64), (2, 128) }, scenarios.Select(s => (s.TensorParallel, s.OutputLength)));
            Assert.All(scenarios, s => Assert.Same(EngineProfiles.Generic.Efficiency, s.Efficiency));
            Assert.Equal(4, cmd.ScenarioCount());

            cmd.RooflineRequested = true;
            Assert.All(cmd.Plan(), p => Assert.Same(EfficiencyProfile.Roofline, p.Request!.Efficiency));
        }

        [Fact]
        public void Roofline_TPOT_of_Llama2_7B_on_an_A100_is_its_weights_over_the_bandwidth()
        {
            var cmd = new MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, RooflineRequested = true };

            var estimate = (LatencyEstimate)MeasureInferenceLatencyCommand.Compute(cmd.Plan().Single().Request!).Single();

            // A batch-1 decode step reads every weight but the embedding table: 13,476,831,232 − 32000 × 4096 × 2 =
            // 13,214,687,232 B, 6.48 ms at 2.039e12 B/s; the KV cache of 512–639 tokens adds 0.27–0.34 GB, 0.13–0.16 ms.
            Assert.InRange(estimate.TimePerOutputTokenSeconds, 6.6e-3, 6.7e-3);
            Assert.Equal("roofline", estimate.Efficiency);
            Assert.Equal(estimate.TimeToFirstTokenSeconds + estimate.DecodeSeconds, estimate.EndToEndSeconds, 12);
            Assert.Equal(128 / estimate.EndToEndSeconds, estimate.OutputTokensPerSecond, 6);
        }

        [Fact]
        public void Latency_without_a_GPU_fails_once()
        {
            var cmd = new MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, InputLength = new[] { 512 }, OutputLength = new[] { 128 } };
            Assert.Equal("HardwareMissing", Assert.Single(cmd.Plan()).Error!.ErrorId);
        }

        [Fact]
        public void Efficiency_plans_one_report_per_scenario_and_measurement_given()
        {
            var cmd = new MeasureInferenceEfficiencyCommand
            {
                Model = Known.Llama2_7B,
                Hardware = Known.A100,
                BatchSize = new[] { 1, 8 },
                InputLength = new[] { 512 },
                OutputLength = new[] { 128 },
                TimeToFirstTokenSeconds = 0.05,
                OutputTokensPerSecond = 90,
            };

            var requests = cmd.Plan().Select(p => p.Request!).ToArray();

            Assert.Equal(
                new[] { (1, MeasuredMetric.TimeToFirstToken, 0.05), (1, MeasuredMetric.OutputThroughput, 90), (8, MeasuredMetric.TimeToFirstToken, 0.05), (8, MeasuredMetric.OutputThroughput, 90) },
                requests.Select(r => (r.Scenario.BatchSize, r.Metric, r.MeasuredValue)));
        }

        [Fact]
        public void Efficiency_without_a_measurement_is_one_error()
        {
            var cmd = new MeasureInferenceEfficiencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 } };

            var error = Assert.Single(cmd.Plan()).Error!;

            Assert.Equal("MeasurementMissing", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public void A_measured_TPOT_equal_to_the_roofline_reaches_all_of_the_roofline_and_all_of_the_bandwidth()
        {
            var latency = new MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, RooflineRequested = true };
            var bound = (LatencyEstimate)MeasureInferenceLatencyCommand.Compute(latency.Plan().Single().Request!).Single();

            // The latency estimate pipes into the efficiency cmdlet by property name; this is the same binding by hand.
            var cmd = new MeasureInferenceEfficiencyCommand
            {
                Model = Known.Llama2_7B,
                Hardware = Known.A100,
                InputLength = new[] { bound.InputLength },
                OutputLength = new[] { bound.OutputLength },
                TimePerOutputTokenSeconds = bound.TimePerOutputTokenSeconds,
            };
            var report = (EfficiencyReport)MeasureInferenceEfficiencyCommand.Compute(cmd.Plan().Single().Request!).Single();

            // Measured = roofline, so the fraction is 1; every batch-1 decode operator is memory-bound, so the roofline
            // time is bytes ÷ bandwidth and the achieved bandwidth is the peak: MBU = 1.
            Assert.Equal(1.0, report.RooflineFraction, 9);
            Assert.Equal(1.0, report.ModelBandwidthUtilization, 6);
            Assert.Equal(MeasuredMetric.TimePerOutputToken, report.Metric);
        }

        [Fact]
        public void A_bad_measurement_is_Cores_error_for_that_point()
        {
            var cmd = new MeasureInferenceEfficiencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, TimeToFirstTokenSeconds = -1 };
            var error = Assert.Throws<InvalidInputException>(() => MeasureInferenceEfficiencyCommand.Compute(cmd.Plan().Single().Request!));
            Assert.Equal("MeasuredValueNotPositive", error.ErrorId);
        }
    }
}
