using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Time;

namespace InferenceLab.PowerShell.Time
{
    /// <summary>
    /// Time to first token, time per output token, decode and end-to-end time, and output and total tokens per second of a
    /// batch of requests (DESIGN §6), with an engine's calibrated efficiency factors (-Engine; generic by default), or the
    /// pure roofline bound with -Roofline. One
    /// LatencyEstimate per combination of -TensorParallel, -BatchSize, -InputLength and -OutputLength.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "InferenceLatency")]
    [OutputType(typeof(LatencyEstimate))]
    public sealed class MeasureInferenceLatencyCommand : ScenarioCommand
    {
        /// <summary>The pure roofline bound: peak compute and bandwidth, no overheads (efficiency 1.0 / 1.0 / 0).</summary>
        [Parameter]
        public SwitchParameter Roofline
        {
            get => RooflineRequested;
            set => RooflineRequested = value.IsPresent;
        }

        /// <summary><see cref="Roofline"/> as a bool, which tests can set (SwitchParameter is a stub outside PowerShell).</summary>
        internal bool RooflineRequested { get; set; }

        /// <inheritdoc />
        internal override string? HardwarePurpose => "A latency estimate";

        /// <inheritdoc />
        internal override bool PureRoofline => RooflineRequested;

        /// <summary>The points of this call: one scenario per combination.</summary>
        internal IEnumerable<Planned<Scenario>> Plan() => PlanScenarios(scenario => scenario);

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(Scenario scenario) => new object[] { LatencyEstimator.Estimate(scenario) };

        /// <inheritdoc />
        protected override void ProcessRecord() => Emit(Plan(), ScenarioCount(), Compute);
    }
}
