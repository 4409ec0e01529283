using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core.Cost;

namespace InferenceLab.PowerShell.Cost
{
    /// <summary>
    /// FLOPs, bytes read and written, and arithmetic intensity of a prefill or decode step on one GPU of the
    /// tensor-parallel group (DESIGN §4). One StepCost per point; with -PerOperator one OperatorCost per operator the model
    /// has. A GPU is optional: FLOPs and bytes do not depend on it.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "InferenceCost")]
    [OutputType(typeof(StepCost), typeof(OperatorCost))]
    public sealed class MeasureInferenceCostCommand : StepCommand
    {
        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(StepRequest request)
        {
            var step = CostEstimator.Step(request.Scenario, request.Phase, request.ContextLength);
            if (!request.PerOperator)
            {
                return new object[] { step };
            }

            // The operators the model has: a dense model has no router, a model without windows no window attention.
            return step.Operators.Cast<object>().ToArray();
        }

        /// <inheritdoc />
        protected override void ProcessRecord() => Emit(Plan(), PointCount(), Compute);
    }
}
