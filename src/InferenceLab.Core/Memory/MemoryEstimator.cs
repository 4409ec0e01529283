namespace InferenceLab.Core.Memory
{
    /// <summary>Memory a deployment needs (DESIGN §5).</summary>
    public static class MemoryEstimator
    {
        /// <summary>Memory for the scenario's batch at the end of generation: KV of input + output tokens, activations of the prefill.</summary>
        public static MemoryEstimate Estimate(Scenario scenario) =>
            Compute(scenario.Deployment, scenario.BatchSize, scenario.InputLength, scenario.OutputLength);

        /// <summary>
        /// Memory for <paramref name="batchSize"/> sequences of <paramref name="inputLength"/> + <paramref name="outputLength"/>
        /// tokens; an output length of 0 means the prompt alone in the cache (<see cref="EstimateContext"/>).
        /// </summary>
        /// <exception cref="InvalidInputException">A batch or length out of range, or past the position limit.</exception>
        public static MemoryEstimate Estimate(Deployment deployment, int batchSize, int inputLength, int outputLength) =>
            outputLength == 0
                ? EstimateContext(deployment, batchSize, inputLength)
                : Estimate(new Scenario(deployment, batchSize, inputLength, outputLength));

        /// <summary>
        /// Memory for <paramref name="batchSize"/> sequences holding <paramref name="contextLength"/> tokens each, the
        /// worst case of a context that long: KV of every token and activations of prefilling all of them at once. This is
        /// the test <see cref="MemoryLimits.MaxContextLength"/> applies.
        /// </summary>
        /// <exception cref="InvalidInputException">A batch or context out of range, or past the position limit.</exception>
        public static MemoryEstimate EstimateContext(Deployment deployment, int batchSize, int contextLength)
        {
            Scenario.ValidateBatchSize(batchSize);
            ValidateContext(deployment, contextLength);
            return Compute(deployment, batchSize, contextLength, 0);
        }

        internal static void ValidateContext(Deployment deployment, int contextLength)
        {
            Deployment.Require(contextLength >= 1, "ContextLengthNotPositive", "ContextLength", "ContextLength must be at least 1 token; got {0}.", contextLength);
            Deployment.Require(contextLength <= deployment.Model.MaxPositionEmbeddings, "ContextBeyondPositionLimit", "ContextLength", "ContextLength {0} exceeds {1}'s position limit of {2} tokens.", contextLength, deployment.Model.Name, deployment.Model.MaxPositionEmbeddings);
        }

        private static MemoryEstimate Compute(Deployment deployment, int batchSize, int inputLength, int outputLength)
        {
            var memory = new MemoryModel(deployment);
            int context = inputLength + outputLength;
            memory.PrefillStep(batchSize, inputLength, out double stepTokens, out double logitRows);
            var parts = memory.Breakdown(batchSize, context, stepTokens, logitRows);
            return new MemoryEstimate(deployment, batchSize, inputLength, outputLength, context, parts, memory.ModelWeightBytes);
        }
    }
}
