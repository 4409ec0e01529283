using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-MaxBatchSize.</summary>
    internal sealed class MaxBatchRequest
    {
        public MaxBatchRequest(Deployment deployment, int contextLength, int? inputLength, EngineProfile? engine = null, EngineMemorySettings? engineSettings = null)
        {
            Engine = engine;
            EngineSettings = engineSettings ?? EngineMemorySettings.Defaults;
            Deployment = deployment;
            ContextLength = contextLength;
            InputLength = inputLength;
        }

        public Deployment Deployment { get; }

        public int ContextLength { get; }

        /// <summary>Prompt tokens, which set the activation peak; null for the whole context.</summary>
        public int? InputLength { get; }

        /// <summary>The engine whose start-up budget to report, or null for the generic limit.</summary>
        public EngineProfile? Engine { get; }

        /// <summary>The engine's start-up settings.</summary>
        public EngineMemorySettings EngineSettings { get; }

        /// <summary>The result: the engine's budget and its concurrency at the context, or the generic maximum batch.</summary>
        public object Compute() =>
            Engine != null
                ? EngineMemoryBudgets.Compute(Deployment, Engine, EngineSettings, ContextLength)
                : (object)MemoryLimits.MaxBatchSize(Deployment, ContextLength, InputLength);
    }
}
