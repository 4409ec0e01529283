using System;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Percentiles by linear interpolation between closest ranks (Hyndman and Fan's type 7, NumPy's default, which vLLM's
    /// benchmark_serving uses): the p-quantile of n sorted values is at rank h = p·(n − 1).
    /// </summary>
    internal static class Percentiles
    {
        /// <summary>The p-quantile of the first <paramref name="count"/> values of an ascending array; 0 when empty.</summary>
        public static double OfSorted(double[] sorted, int count, double p)
        {
            if (count == 0)
            {
                return 0;
            }

            double h = p * (count - 1);
            int low = (int)Math.Floor(h);
            int high = Math.Min(low + 1, count - 1);
            return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
        }

        /// <summary>
        /// The p-quantile of weighted values, as if each value were repeated weight times (ascending values, positive weights).
        /// </summary>
        public static double OfSortedWeighted(double[] sorted, long[] weights, int count, long totalWeight, double p)
        {
            if (totalWeight == 0)
            {
                return 0;
            }

            double h = p * (totalWeight - 1);
            long low = (long)Math.Floor(h);
            double lowValue = ValueAtRank(sorted, weights, count, low);
            double highValue = ValueAtRank(sorted, weights, count, Math.Min(low + 1, totalWeight - 1));
            return lowValue + ((h - low) * (highValue - lowValue));
        }

        private static double ValueAtRank(double[] sorted, long[] weights, int count, long rank)
        {
            long seen = 0;
            for (int i = 0; i < count; i++)
            {
                seen += weights[i];
                if (rank < seen)
                {
                    return sorted[i];
                }
            }

            return sorted[count - 1];
        }
    }
}
