using System;

namespace InferenceLab.Core.Time
{
    /// <summary>
    /// How a batch's prompts are prefilled: in one step, or in chunks of at most MaxBatchedTokens tokens per step
    /// shared by the batch (chunked prefill). Only the final chunk runs the LM head.
    /// </summary>
    internal readonly struct PrefillPlan
    {
        private PrefillPlan(int batchSize, int promptLength, int chunkLength)
        {
            BatchSize = batchSize;
            PromptLength = promptLength;
            ChunkLength = chunkLength;
        }

        public int BatchSize { get; }

        public int PromptLength { get; }

        /// <summary>Tokens per sequence per chunk.</summary>
        public int ChunkLength { get; }

        /// <summary>Full chunks before the final one.</summary>
        public long LeadingChunks => (PromptLength - 1) / ChunkLength;

        /// <summary>Tokens of the final chunk.</summary>
        public int FinalChunkLength => PromptLength - (int)(LeadingChunks * ChunkLength);

        public static PrefillPlan For(Scenario scenario) => For(scenario.Deployment, scenario.BatchSize, scenario.InputLength);

        public static PrefillPlan For(Deployment deployment, int batchSize, int promptLength)
        {
            int chunk = ChunkLengthFor(deployment, batchSize, promptLength);
            return new PrefillPlan(batchSize, promptLength, chunk);
        }

        /// <summary>Tokens per sequence per prefill step: the whole prompt, or MaxBatchedTokens shared by the batch.</summary>
        public static int ChunkLengthFor(Deployment deployment, int batchSize, int promptLength) =>
            deployment.MaxBatchedTokens > 0 && (long)batchSize * promptLength > deployment.MaxBatchedTokens
                ? Math.Max(1, deployment.MaxBatchedTokens / batchSize)
                : promptLength;

        public double Seconds(StepTimer timer)
        {
            double leading = timer.SumSeconds(BatchSize, ChunkLength, 0, ChunkLength, LeadingChunks, sampled: false);
            var final = new Cost.SequenceGroup(BatchSize, FinalChunkLength, LeadingChunks * ChunkLength, sampled: true);
            return leading + timer.Seconds(final);
        }

        public WorkSum Work(StepTimer timer)
        {
            var sum = timer.SumWork(BatchSize, ChunkLength, 0, ChunkLength, LeadingChunks, sampled: false);
            sum.Add(timer.SumWork(BatchSize, FinalChunkLength, LeadingChunks * ChunkLength, 1, 1, sampled: true));
            return sum;
        }

        public double CommunicationSeconds(StepTimer timer) =>
            (LeadingChunks * timer.CommunicationSeconds((double)BatchSize * ChunkLength)) + timer.CommunicationSeconds((double)BatchSize * FinalChunkLength);
    }
}
