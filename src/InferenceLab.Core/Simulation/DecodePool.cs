using InferenceLab.Core.Cost;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Single sampled tokens of one iteration (decodes), pooled into at most four sequence groups of the same step cost.
    /// A decode's cost is affine in its cached length C (attention reads C + 1 keys, scores C + 1 pairs) except on
    /// sliding-window layers, where it is constant from C = W − 1 on. So the decodes on each side of W − 1 are
    /// represented by groups at ⌊ΣC/n⌋ and ⌊ΣC/n⌋ + 1 with the same count and the same ΣC: the same FLOPs and bytes,
    /// for any batch, in O(1) groups.
    /// </summary>
    internal struct DecodePool
    {
        private readonly long window;
        private long shortCount;
        private long shortContext;
        private long longCount;
        private long longContext;

        /// <summary>Creates an empty pool for a model whose sliding-window layers see <paramref name="window"/> tokens (0: none).</summary>
        public DecodePool(long window)
        {
            this.window = window;
            shortCount = 0;
            shortContext = 0;
            longCount = 0;
            longContext = 0;
        }

        /// <summary>Adds one sequence that processes one token over <paramref name="cachedTokens"/> cached tokens and samples.</summary>
        public void Add(long cachedTokens)
        {
            if (window > 0 && cachedTokens >= window - 1)
            {
                longCount++;
                longContext += cachedTokens;
            }
            else
            {
                shortCount++;
                shortContext += cachedTokens;
            }
        }

        /// <summary>Appends the pooled groups (at most four) to <paramref name="groups"/>.</summary>
        public void AppendTo(SequenceGroup[] groups, ref int groupCount)
        {
            Append(groups, ref groupCount, shortCount, shortContext);
            Append(groups, ref groupCount, longCount, longContext);
        }

        private static void Append(SequenceGroup[] groups, ref int groupCount, long sequences, long contextSum)
        {
            if (sequences == 0)
            {
                return;
            }

            long mean = contextSum / sequences;
            long above = contextSum - (mean * sequences);
            if (sequences > above)
            {
                groups[groupCount++] = new SequenceGroup((int)(sequences - above), 1, mean, sampled: true);
            }

            if (above > 0)
            {
                groups[groupCount++] = new SequenceGroup((int)above, 1, mean + 1, sampled: true);
            }
        }
    }
}
