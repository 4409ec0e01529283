using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>
    /// Memory one GPU needs to serve a batch: weights, KV cache, activations, reserve, total, usable memory, whether it
    /// fits and the headroom. One MemoryEstimate per combination of -TensorParallel, -BatchSize, -InputLength and
    /// -OutputLength; without -Hardware the fit fields stay empty. With -Engine, the KV-cache pool the engine gives itself
    /// at start-up instead (an EngineMemoryBudget per combination), its concurrency at input + output tokens.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "InferenceMemory")]
    [OutputType(typeof(MemoryEstimate), typeof(EngineMemoryBudget))]
    public sealed class GetInferenceMemoryCommand : EngineMemoryCommand
    {
        /// <summary>Concurrent sequences; default 1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] BatchSize { get; set; } = { 1 };

        /// <summary>Prompt tokens per sequence.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] InputLength { get; set; } = null!;

        /// <summary>Generated tokens per sequence; 0 (the default) for the prompt alone in the cache.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] OutputLength { get; set; } = { 0 };

        /// <summary>The points of this call, one per combination, TP slowest.</summary>
        internal IEnumerable<Planned<MemoryRequest>> Plan() =>
            PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, BatchSize, InputLength, OutputLength },
                (deployment, c) => new MemoryRequest(deployment, c[1], c[2], c[3], EngineProfile, Engine == null ? null : EngineSettings()),
                c => DescribePoint("TensorParallel", c[0], "BatchSize", c[1], "InputLength", c[2], "OutputLength", c[3]));

        /// <summary>The Core call of one point.</summary>
        internal static IEnumerable<object> Compute(MemoryRequest request) => new object[] { request.Compute() };

        /// <inheritdoc />
        protected override void ProcessRecord() =>
            Emit(Plan(), Sweep.Count(TensorParallel, BatchSize, InputLength, OutputLength), Compute);
    }
}
