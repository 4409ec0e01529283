using System.Collections.Generic;

namespace InferenceLab.Core.Simulation
{
    /// <summary>The outcome of a serving simulation: the summary and, when asked for, every request.</summary>
    public sealed class SimulationResult
    {
        internal SimulationResult(SimulationSummary summary, IReadOnlyList<SimulatedRequest> requests)
        {
            Summary = summary;
            Requests = requests;
        }

        /// <summary>Latency, throughput and KV-cache statistics of the run.</summary>
        public SimulationSummary Summary { get; }

        /// <summary>One object per request in arrival order; empty unless the request asked for them.</summary>
        public IReadOnlyList<SimulatedRequest> Requests { get; }
    }
}
