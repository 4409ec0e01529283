using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-MaxContextLength.</summary>
    internal sealed class MaxContextRequest
    {
        public MaxContextRequest(Deployment deployment, int batchSize, EngineProfile? engine = null, EngineMemorySettings? engineSettings = null)
        {
            Deployment = deployment;
            BatchSize = batchSize;
            Engine = engine;
            EngineSettings = engineSettings ?? EngineMemorySettings.Defaults;
        }

        public Deployment Deployment { get; }

        public int BatchSize { get; }

        /// <summary>The engine whose start-up KV pool bounds the context, or null for the generic limit.</summary>
        public EngineProfile? Engine { get; }

        /// <summary>The engine's start-up settings.</summary>
        public EngineMemorySettings EngineSettings { get; }

        /// <summary>The result: the longest context the engine's pool holds for the batch, or the generic maximum context.</summary>
        public object Compute() =>
            Engine != null
                ? EngineMemoryBudgets.MaxContextLength(Deployment, Engine, EngineSettings, BatchSize)
                : (object)MemoryLimits.MaxContextLength(Deployment, BatchSize);
    }
}
