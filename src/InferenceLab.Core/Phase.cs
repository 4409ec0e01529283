namespace InferenceLab.Core
{
    /// <summary>The two kinds of forward step (DESIGN §4).</summary>
    public enum Phase
    {
        /// <summary>The prompt's tokens in one step (C = 0, S = prompt length).</summary>
        Prefill,

        /// <summary>One new token per sequence (S = 1) over a cache of C tokens.</summary>
        Decode,
    }
}
