namespace InferenceLab.Core.Simulation
{
    /// <summary>How far a running simulation has come, reported about a hundred times per run.</summary>
    public sealed class SimulationProgress
    {
        internal SimulationProgress(int completedRequests, int totalRequests, double simulatedSeconds)
        {
            CompletedRequests = completedRequests;
            TotalRequests = totalRequests;
            SimulatedSeconds = simulatedSeconds;
        }

        /// <summary>Requests finished so far.</summary>
        public int CompletedRequests { get; }

        /// <summary>Requests in the run.</summary>
        public int TotalRequests { get; }

        /// <summary>Simulated time reached, s.</summary>
        public double SimulatedSeconds { get; }

        /// <summary>Completed share of the requests, 0 to 100.</summary>
        public int PercentComplete => TotalRequests == 0 ? 100 : (int)(100L * CompletedRequests / TotalRequests);
    }
}
