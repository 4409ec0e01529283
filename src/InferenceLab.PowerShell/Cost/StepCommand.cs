using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core;

namespace InferenceLab.PowerShell.Cost
{
    /// <summary>
    /// The parameters of the cmdlets that look at one forward step (DESIGN §4): which phase, the batch, the prompt, the
    /// cached context of a decode step, and whether to break the step into its operators.
    /// </summary>
    public abstract class StepCommand : DeploymentCommand
    {
        /// <summary>Prefill, Decode, or both (the default): one result per phase.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public Phase[] Phase { get; set; } = { Core.Phase.Prefill, Core.Phase.Decode };

        /// <summary>Sequences in the step; default 1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] BatchSize { get; set; } = { 1 };

        /// <summary>Prompt tokens per sequence: the tokens of a prefill step, and the default context of a decode step.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] InputLength { get; set; } = null!;

        /// <summary>Tokens each sequence has cached before a decode step; by default the input length. Prefill ignores it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[]? ContextLength { get; set; }

        /// <summary>Emit one object per operator (QKV projection, attention, MLP, LM head...) instead of one per step.</summary>
        [Parameter]
        public SwitchParameter PerOperator
        {
            get => PerOperatorRequested;
            set => PerOperatorRequested = value.IsPresent;
        }

        /// <summary>
        /// <see cref="PerOperator"/> as a bool. SwitchParameter's members are stubs in PowerShellStandard.Library, so tests
        /// set this instead (DESIGN §10).
        /// </summary>
        internal bool PerOperatorRequested { get; set; }

        /// <summary>
        /// The points of this call: for each TP degree, batch and prompt, a prefill step and a decode step per context.
        /// A prefill is the same whatever the decode context, so it is planned once.
        /// </summary>
        internal IEnumerable<Planned<StepRequest>> Plan()
        {
            var contexts = ContextLength;
            var phases = Phase;
            return PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, BatchSize, InputLength, Indices(phases.Length), Indices(contexts?.Length ?? 1) },
                (deployment, c) =>
                {
                    var phase = phases[c[3]];
                    if (phase == Core.Phase.Prefill && c[4] > 0)
                    {
                        return null;
                    }

                    int? context = phase == Core.Phase.Decode ? contexts?[c[4]] : null;
                    return new StepRequest(new Scenario(deployment, c[1], c[2], 1), phase, context, PerOperatorRequested);
                },
                c =>
                {
                    var phase = phases[c[3]];
                    object? context = phase == Core.Phase.Decode ? contexts?[c[4]] : null;
                    return DescribePoint("TensorParallel", c[0], "BatchSize", c[1], "InputLength", c[2], "Phase", phase, "ContextLength", context);
                });
        }

        /// <summary>How many points <see cref="Plan"/> yields.</summary>
        internal long PointCount()
        {
            int contexts = ContextLength?.Length ?? 1;
            long perShape = Phase.Sum(p => p == Core.Phase.Prefill ? 1L : contexts);
            return Sweep.Count(TensorParallel, BatchSize, InputLength) * perShape;
        }

        private static int[] Indices(int count) => Enumerable.Range(0, count).ToArray();
    }
}
