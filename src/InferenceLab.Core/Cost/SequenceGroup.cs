namespace InferenceLab.Core.Cost
{
    /// <summary>
    /// Sequences that take part in one step in the same way: each processes <see cref="NewTokens"/> tokens over a
    /// cache of <see cref="CachedTokens"/>. A step is one group (a static batch) or several (a mixed batch).
    /// </summary>
    public readonly struct SequenceGroup
    {
        /// <summary>Creates a group.</summary>
        /// <param name="count">Sequences in the group.</param>
        /// <param name="newTokens">Tokens each sequence processes in this step (S).</param>
        /// <param name="cachedTokens">Tokens each sequence already holds in the KV cache (C).</param>
        /// <param name="sampled">True when the step ends each sequence's last new token with a sampled next token (LM head).</param>
        public SequenceGroup(int count, int newTokens, long cachedTokens, bool sampled)
        {
            Count = count;
            NewTokens = newTokens;
            CachedTokens = cachedTokens;
            Sampled = sampled;
        }

        /// <summary>Sequences in the group.</summary>
        public int Count { get; }

        /// <summary>Tokens each sequence processes (S).</summary>
        public int NewTokens { get; }

        /// <summary>Tokens each sequence already holds (C).</summary>
        public long CachedTokens { get; }

        /// <summary>True when the LM head runs on each sequence's last position.</summary>
        public bool Sampled { get; }
    }
}
