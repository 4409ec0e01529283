using System;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Values with integer weights, for statistics over millions of inter-token gaps: every sequence that decodes in two
    /// consecutive iterations sees the same gap, the iteration's duration, so an iteration adds one value weighted by
    /// the number of such sequences. Grows by doubling; no allocation in the steady state.
    /// </summary>
    internal sealed class WeightedSamples
    {
        private double[] values = new double[1024];
        private long[] weights = new long[1024];

        public int Count { get; private set; }

        public long TotalWeight { get; private set; }

        public double WeightedSum { get; private set; }

        public void Add(double value, long weight)
        {
            if (Count == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
                Array.Resize(ref weights, weights.Length * 2);
            }

            values[Count] = value;
            weights[Count] = weight;
            Count++;
            TotalWeight += weight;
            WeightedSum += value * weight;
        }

        public double Mean => TotalWeight == 0 ? 0 : WeightedSum / TotalWeight;

        /// <summary>Sorts the values (with their weights) so that percentiles can be read.</summary>
        public void Sort() => Array.Sort(values, weights, 0, Count);

        /// <summary>The p-quantile after <see cref="Sort"/>; 0 when empty.</summary>
        public double Percentile(double p) => Percentiles.OfSortedWeighted(values, weights, Count, TotalWeight, p);
    }
}
