using InferenceLab.Core;

namespace InferenceLab.Cli.Commands
{
    /// <summary>One combination of the step options: the batch, the prompt, the decode context and the phase.</summary>
    internal sealed class StepShape
    {
        /// <summary>Creates a shape.</summary>
        public StepShape(int batchSize, int inputLength, int? contextLength, Phase phase)
        {
            BatchSize = batchSize;
            InputLength = inputLength;
            ContextLength = contextLength;
            Phase = phase;
        }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence.</summary>
        public int InputLength { get; }

        /// <summary>Cached tokens of a decode step; null for the input length.</summary>
        public int? ContextLength { get; }

        /// <summary>Prefill or decode.</summary>
        public Phase Phase { get; }

        /// <summary>The scenario of the step: one output token, which plays no part in a single step (as the cmdlets build it).</summary>
        public Scenario ScenarioOf(Deployment deployment) => new Scenario(deployment, BatchSize, InputLength, 1);
    }
}
