using System.Management.Automation;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.PowerShell.Efficiency;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>
    /// The parameters of the memory cmdlets that can answer for an engine: with -Engine they report the KV-cache pool the
    /// engine gives itself at start-up (Core's EngineMemoryBudget) instead of the generic estimate.
    /// </summary>
    public abstract class EngineMemoryCommand : DeploymentCommand
    {
        /// <summary>The engine whose start-up memory budget to follow (vllm, sglang, tensorrt-llm); without it, the generic estimate.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Engine { get; set; }

        /// <summary>Concurrent sequences the engine admits (vLLM's max_num_seqs), which sizes its sampler's profiling run; default the engine's. Ignored without -Engine.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? MaxSequences { get; set; }

        /// <summary>The longest sequence the engine serves (vLLM's max_model_len); default the model's position limit. Ignored without -Engine.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? MaxModelLength { get; set; }

        /// <summary>Tokens per KV-cache block; default the engine's (16 for vLLM). Ignored without -Engine.</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int? BlockSize { get; set; }

        /// <summary>No CUDA graphs (vLLM's enforce_eager): their pool is not held. Ignored without -Engine.</summary>
        [Parameter]
        public SwitchParameter EnforceEager
        {
            get => EnforceEagerRequested;
            set => EnforceEagerRequested = value.IsPresent;
        }

        /// <summary><see cref="EnforceEager"/> as a bool, which tests can set (SwitchParameter is a stub outside PowerShell).</summary>
        internal bool EnforceEagerRequested { get; set; }

        /// <summary>The engine profile named by -Engine, or null without one.</summary>
        /// <exception cref="Core.NotFoundException">No engine profile has that name.</exception>
        internal EngineProfile? EngineProfile => Engine == null ? null : EngineProfiles.Get(Engine);

        /// <summary>The engine's start-up settings: -MemoryUtilization and -MaxBatchedTokens when given, the rest from their own parameters.</summary>
        /// <exception cref="Core.InvalidInputException">A setting out of range.</exception>
        internal EngineMemorySettings EngineSettings() =>
            new EngineMemorySettings(MemoryUtilization, MaxBatchedTokens > 0 ? MaxBatchedTokens : (int?)null, MaxSequences, MaxModelLength, BlockSize, EnforceEagerRequested);
    }
}
