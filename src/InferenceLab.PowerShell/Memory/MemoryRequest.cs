using InferenceLab.Core;
using InferenceLab.Core.Memory;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-InferenceMemory: a deployment serving <see cref="BatchSize"/> sequences.</summary>
    internal sealed class MemoryRequest
    {
        public MemoryRequest(Deployment deployment, int batchSize, int inputLength, int outputLength)
        {
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

        /// <summary>
        /// The estimate: with an output length, at the end of generation (KV of input + output, activations of the
        /// prefill); with 0, the sequences holding the prompt alone (Core's context estimate, the test
        /// Get-MaxContextLength applies).
        /// </summary>
        public MemoryEstimate Estimate() =>
            OutputLength == 0
                ? MemoryEstimator.EstimateContext(Deployment, BatchSize, InputLength)
                : MemoryEstimator.Estimate(Deployment, BatchSize, InputLength, OutputLength);
    }
}
