namespace InferenceLab.Core.Simulation
{
    /// <summary>Mean and percentiles of one latency over a run, s.</summary>
    internal struct LatencyStatistics
    {
        public double Mean;
        public double P50;
        public double P90;
        public double P99;
    }
}
