using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-InferenceMemory: a deployment serving <see cref="BatchSize"/> sequences.</summary>
    internal sealed class MemoryRequest
    {
        public MemoryRequest(Deployment deployment, int batchSize, int inputLength, int outputLength, EngineProfile? engine = null, EngineMemorySettings? engineSettings = null)
        {
            Engine = engine;
            EngineSettings = engineSettings ?? EngineMemorySettings.Defaults;
            Deployment = deployment;
            BatchSize = batchSize;
            InputLength = inputLength;
            OutputLength = outputLength;
        }

        public Deployment Deployment { get; }

        public int BatchSize { get; }

        public int InputLength { get; }

        /// <summary>Generated tokens; 0 asks for the prompt alone in the cache.</summary>
        public int OutputLength { get; }

        /// <summary>The engine whose start-up budget to report, or null for the generic estimate.</summary>
        public EngineProfile? Engine { get; }

        /// <summary>The engine's start-up settings.</summary>
        public EngineMemorySettings EngineSettings { get; }

        /// <summary>The result: the engine's budget with requests of input + output tokens, or the generic estimate.</summary>
        public object Compute() =>
            Engine != null
                ? EngineMemoryBudgets.Compute(Deployment, Engine, EngineSettings, InputLength + OutputLength)
                : (object)Estimate();

        /// <summary>
        /// The estimate: with an output length, at the end of generation; with 0, the sequences holding the prompt alone
        /// (Core's rule: the test Get-MaxContextLength applies).
        /// </summary>
        public MemoryEstimate Estimate() => MemoryEstimator.Estimate(Deployment, BatchSize, InputLength, OutputLength);
    }
}
