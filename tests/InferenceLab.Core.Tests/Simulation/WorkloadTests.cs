using InferenceLab.Core.Simulation;

namespace InferenceLab.Core.Tests.Simulation
{
    public sealed class WorkloadTests
    {
        private static readonly LengthDistribution Prompt = LengthDistribution.Uniform(10, 1000);
        private static readonly LengthDistribution Output = LengthDistribution.Fixed(5);

        [Fact]
        public void Poisson_gaps_average_one_over_the_rate()
        {
            // 100,000 exponential gaps of mean 1/4 s: the last arrival estimates 100000/4 = 25,000 s with a standard
            // deviation of √100000/4 ≈ 79 s.
            int n = 100_000;
            var workload = Workload.Poisson(4, n, Prompt, Output, seed: 9);
            var arrivals = new double[n];
            workload.Generate(arrivals, new int[n], new int[n]);
            for (int i = 1; i < n; i++)
            {
                Assert.True(arrivals[i] >= arrivals[i - 1]);
            }

            Assert.Equal(25_000, arrivals[n - 1], 400.0);
        }

        [Fact]
        public void A_higher_rate_compresses_the_same_arrival_pattern_and_keeps_the_lengths()
        {
            int n = 1000;
            var slow = Workload.Poisson(2, n, Prompt, Output, seed: 3);
            var fast = Workload.Poisson(8, n, Prompt, Output, seed: 3);
            var slowArrivals = new double[n];
            var fastArrivals = new double[n];
            var slowInputs = new int[n];
            var fastInputs = new int[n];
            slow.Generate(slowArrivals, slowInputs, new int[n]);
            fast.Generate(fastArrivals, fastInputs, new int[n]);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(slowArrivals[i] / 4, fastArrivals[i], slowArrivals[i] * 1e-15);
                Assert.Equal(slowInputs[i], fastInputs[i]);
            }
        }

        [Fact]
        public void A_trace_is_served_in_arrival_order_with_ties_in_file_order()
        {
            var workload = Workload.FromTrace(new[] { new TraceEntry(2, 10, 1, 1), new TraceEntry(1, 20, 1, 2), new TraceEntry(1, 30, 1, 3) }, "t.csv");
            Assert.Equal(new long[] { 2, 3, 1 }, new[] { workload.Trace[0].Line, workload.Trace[1].Line, workload.Trace[2].Line });
            var arrivals = new double[3];
            var inputs = new int[3];
            workload.Generate(arrivals, inputs, new int[3]);
            Assert.Equal(new[] { 1.0, 1.0, 2.0 }, arrivals);
            Assert.Equal(new[] { 20, 30, 10 }, inputs);
        }
    }
}
