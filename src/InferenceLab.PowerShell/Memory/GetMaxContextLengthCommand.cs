using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>
    /// The longest context per sequence that fits a GPU at a batch size, and what limits it (memory, the model's position
    /// limit, or weights that do not fit at all). One MaxContextResult per combination of -TensorParallel and -BatchSize.
    /// With -Engine, the longest context the engine's start-up KV pool holds for the batch instead (an
    /// EngineMaxContextResult per combination).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MaxContextLength")]
    [OutputType(typeof(MaxContextResult), typeof(EngineMaxContextResult))]
    public sealed class GetMaxContextLengthCommand : EngineMemoryCommand
    {
        /// <summary>Concurrent sequences; default 1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] BatchSize { get; set; } = { 1 };

        /// <inheritdoc />
        internal override string? HardwarePurpose => "A maximum context length";

        /// <summary>The points of this call, one per combination, TP slowest.</summary>
        internal IEnumerable<Planned<MaxContextRequest>> Plan() =>
            PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, BatchSize },
                (deployment, c) => new MaxContextRequest(deployment, c[1], EngineProfile, Engine == null ? null : EngineSettings()),
                c => DescribePoint("TensorParallel", c[0], "BatchSize", c[1]));

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(MaxContextRequest request) =>
            new object[] { request.Compute() };

        /// <inheritdoc />
        protected override void ProcessRecord() => Emit(Plan(), Sweep.Count(TensorParallel, BatchSize), Compute);
    }
}
