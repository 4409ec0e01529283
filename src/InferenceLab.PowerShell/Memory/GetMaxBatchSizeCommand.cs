using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>
    /// How many sequences of a context length fit a GPU at once, and the KV-cache capacity in tokens that the memory left
    /// after weights, activations and reserve holds. One MaxBatchResult per combination of -TensorParallel,
    /// -ContextLength and -InputLength. With -Engine, the engine's start-up KV pool and its maximum concurrency at each
    /// context length instead (an EngineMemoryBudget per combination).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MaxBatchSize")]
    [OutputType(typeof(MaxBatchResult), typeof(EngineMemoryBudget))]
    public sealed class GetMaxBatchSizeCommand : EngineMemoryCommand
    {
        /// <summary>Tokens each sequence holds (prompt + output).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] ContextLength { get; set; } = null!;

        /// <summary>Prompt tokens per sequence, which set the activation peak of the prefill; by default the whole context.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[]? InputLength { get; set; }

        /// <inheritdoc />
        internal override string? HardwarePurpose => "A maximum batch size";

        /// <summary>The points of this call, one per combination, TP slowest.</summary>
        internal IEnumerable<Planned<MaxBatchRequest>> Plan()
        {
            // Without -InputLength the axis has one value that stands for "the whole context".
            var inputs = InputLength ?? new[] { 0 };
            bool whole = InputLength == null;
            return PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, ContextLength, inputs },
                (deployment, c) => new MaxBatchRequest(deployment, c[1], whole ? (int?)null : c[2], EngineProfile, Engine == null ? null : EngineSettings()),
                c => DescribePoint("TensorParallel", c[0], "ContextLength", c[1], "InputLength", whole ? (object?)null : c[2]));
        }

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(MaxBatchRequest request) => new object[] { request.Compute() };

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            Emit(Plan(), Sweep.Count(TensorParallel, ContextLength, InputLength ?? new[] { 0 }), Compute);
    }
}
