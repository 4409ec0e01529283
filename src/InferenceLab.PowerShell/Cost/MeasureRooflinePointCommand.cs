using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core.Cost;

namespace InferenceLab.PowerShell.Cost
{
    /// <summary>
    /// Where a prefill or decode step sits on a GPU's roofline (DESIGN §4): arithmetic intensity, machine balance, whether
    /// memory or compute bounds it, the attainable FLOP/s and the pure-roofline time. One RooflinePoint per point; with
    /// -PerOperator one per operator that does work.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "RooflinePoint")]
    [OutputType(typeof(RooflinePoint))]
    public sealed class MeasureRooflinePointCommand : StepCommand
    {
        /// <inheritdoc />
        internal override string? HardwarePurpose => "A roofline point";

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(StepRequest request) =>
            request.PerOperator
                ? RooflineAnalyzer.AnalyzeOperators(request.Scenario, request.Phase, request.ContextLength).Cast<object>().ToArray()
                : new object[] { RooflineAnalyzer.Analyze(request.Scenario, request.Phase, request.ContextLength) };

        /// <inheritdoc />
        protected override void ProcessRecord() => Emit(Plan(), PointCount(), Compute);
    }
}
