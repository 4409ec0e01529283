using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.PowerShell.Efficiency
{
    /// <summary>
    /// What a measured time to first token, time per output token or output throughput says about a deployment
    /// (DESIGN §6): achieved FLOP/s and bandwidth per GPU, MFU, MBU, and the fraction of the roofline reached. One
    /// EfficiencyReport per measurement given and per combination of -TensorParallel, -BatchSize, -InputLength and
    /// -OutputLength. The measurement parameters are named as Measure-InferenceLatency's output, so an estimate or a CSV
    /// of benchmark rows pipes in by property name.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "InferenceEfficiency")]
    [OutputType(typeof(EfficiencyReport))]
    public sealed class MeasureInferenceEfficiencyCommand : ScenarioCommand
    {
        /// <summary>Measured time to first token (the prefill), seconds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? TimeToFirstTokenSeconds { get; set; }

        /// <summary>Measured mean time per output token over the request's decode steps, seconds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? TimePerOutputTokenSeconds { get; set; }

        /// <summary>Measured output tokens per second of the whole deployment, prefill included.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? OutputTokensPerSecond { get; set; }

        /// <inheritdoc />
        internal override string? HardwarePurpose => "An efficiency report";

        /// <summary>The measurements given, in the order TTFT, TPOT, throughput.</summary>
        internal IReadOnlyList<KeyValuePair<MeasuredMetric, double>> Measurements()
        {
            var given = new List<KeyValuePair<MeasuredMetric, double>>();
            if (TimeToFirstTokenSeconds is double ttft)
            {
                given.Add(new KeyValuePair<MeasuredMetric, double>(MeasuredMetric.TimeToFirstToken, ttft));
            }

            if (TimePerOutputTokenSeconds is double tpot)
            {
                given.Add(new KeyValuePair<MeasuredMetric, double>(MeasuredMetric.TimePerOutputToken, tpot));
            }

            if (OutputTokensPerSecond is double throughput)
            {
                given.Add(new KeyValuePair<MeasuredMetric, double>(MeasuredMetric.OutputThroughput, throughput));
            }

            return given;
        }

        /// <summary>The points of this call: one per scenario and measurement, TP slowest, the measurement fastest.</summary>
        internal IEnumerable<Planned<EfficiencyRequest>> Plan()
        {
            var measurements = Measurements();
            if (measurements.Count == 0)
            {
                var missing = new InvalidInputException(
                    "MeasurementMissing",
                    "TimeToFirstTokenSeconds",
                    "Give at least one measurement: -TimeToFirstTokenSeconds, -TimePerOutputTokenSeconds or -OutputTokensPerSecond.");
                return new[] { Planned<EfficiencyRequest>.Failed(missing, DescribePoint()) };
            }

            return PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, BatchSize, InputLength, OutputLength, Enumerable.Range(0, measurements.Count).ToArray() },
                (deployment, c) => new EfficiencyRequest(new Scenario(deployment, c[1], c[2], c[3]), measurements[c[4]].Key, measurements[c[4]].Value),
                c => DescribePoint("TensorParallel", c[0], "BatchSize", c[1], "InputLength", c[2], "OutputLength", c[3], "Metric", measurements[c[4]].Key));
        }

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(EfficiencyRequest request) =>
            new object[] { EfficiencyAnalyzer.Analyze(request.Scenario, request.Metric, request.MeasuredValue) };

        /// <inheritdoc />
        protected override void ProcessRecord() => Emit(Plan(), ScenarioCount() * System.Math.Max(1, Measurements().Count), Compute);
    }
}
