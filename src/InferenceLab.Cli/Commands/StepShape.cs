using InferenceLab.Core;

namespace InferenceLab.Cli.Commands
{
    /// <summary>One combination of the step options: the scenario's batch and lengths, the phase, and the decode context.</summary>
    internal sealed class StepShape
    {
        /// <summary>Creates a shape.</summary>
        public StepShape(int batchSize, int inputLength, int outputLength, int? contextLength, Phase phase)
        {
            BatchSize = batchSize;
            InputLength = inputLength;
            OutputLength = outputLength;
            ContextLength = contextLength;
            Phase = phase;
        }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence.</summary>
        public int InputLength { get; }

        /// <summary>Generated tokens per sequence.</summary>
        public int OutputLength { get; }

        /// <summary>Cached tokens of a decode step; null for the input length.</summary>
        public int? ContextLength { get; }

        /// <summary>Prefill or decode.</summary>
        public Phase Phase { get; }
    }
}
