namespace InferenceLab.Core.Cost
{
    /// <summary>The sums over a step's sequence groups that its operator costs depend on.</summary>
    internal struct StepTotals
    {
        /// <summary>New tokens in the step (N = Σ count·S).</summary>
        public double Tokens;

        /// <summary>Sequences in the step.</summary>
        public double Sequences;

        /// <summary>Positions the LM head runs on.</summary>
        public double LogitRows;

        public double FullAttentionFlopsPerLayer;
        public double FullKeysReadPerLayer;
        public double SlidingAttentionFlopsPerLayer;
        public double SlidingKeysReadPerLayer;

        /// <summary>Bytes of score matrices unfused attention moves per full-attention layer.</summary>
        public double FullScoreBytesPerLayer;

        /// <summary>Bytes of score matrices unfused attention moves per sliding-window layer.</summary>
        public double SlidingScoreBytesPerLayer;

        /// <summary>Tokens MLA's kv_b up-projection runs on, per layer.</summary>
        public double LatentUpTokensPerLayer;
    }
}
