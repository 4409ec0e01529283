namespace InferenceLab.Core.Simulation
{
    /// <summary>What a simulation measured, before it becomes a public <see cref="SimulationSummary"/>.</summary>
    internal sealed class SimulationTotals
    {
        public LatencyStatistics TimeToFirstToken;
        public LatencyStatistics TimePerOutputToken;
        public LatencyStatistics InterTokenLatency;
        public LatencyStatistics EndToEnd;
        public int RequestCount;
        public long InputTokens;
        public long OutputTokens;
        public double FirstArrivalSeconds;
        public double LastFinishSeconds;
        public double RequestSecondsInSystem;
        public double SequenceSeconds;
        public int PeakRunningSequences;
        public long IterationCount;
        public long KvCacheCapacityTokens;
        public double KvCacheCapacityBytes;
        public double KvCacheBlockSeconds;
        public double KvCachePeakBytes;
        public double KvCacheBytesPerBlock;
        public long PreemptionCount;
        public long RecomputedTokens;
        public long ProcessedTokens;
    }
}
