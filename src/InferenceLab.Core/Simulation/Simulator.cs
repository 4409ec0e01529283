using System;
using System.Threading;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Simulates a vLLM-style server under a workload (issue 8): continuous batching with chunked prefill, a paged KV
    /// cache sized by the memory model (or, for an engine with one, its start-up pool), recompute preemption, and every
    /// iteration priced by the Core's step time.
    /// </summary>
    public static class Simulator
    {
        /// <summary>Runs a simulation to the completion of every request.</summary>
        /// <param name="request">Deployment, workload and scheduler.</param>
        /// <param name="progress">Receives about a hundred progress reports, on the calling thread; may be null.</param>
        /// <param name="cancellationToken">Stops the run with <see cref="OperationCanceledException"/>.</param>
        /// <exception cref="InvalidInputException">
        /// No GPU; no KV block fits; a request beyond the model's position limit or larger than the whole KV cache.
        /// </exception>
        public static SimulationResult Run(SimulationRequest request, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (request == null)
            {
                throw new InvalidInputException("SimulationRequestMissing", "Model", "A simulation needs a request: a deployment, a workload and scheduler settings.");
            }

            return new ServerSimulation(request).Run(progress, cancellationToken);
        }
    }
}
