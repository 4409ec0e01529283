using InferenceLab.Core.Efficiency;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Everything a serving simulation needs: the deployment (which must name a GPU), the workload and the scheduler.
    /// The scheduler's token budget replaces the deployment's MaxBatchedTokens, so <see cref="Deployment"/> states the
    /// chunking the simulation uses and a static estimate from it chunks the same way. With an engine that has a start-up
    /// memory model the KV cache is that engine's pool; otherwise the generic vLLM-like sizing.
    /// </summary>
    public sealed class SimulationRequest
    {
        /// <summary>Creates a request.</summary>
        /// <param name="deployment">What runs where; needs a GPU.</param>
        /// <param name="workload">The requests to serve.</param>
        /// <param name="scheduler">Scheduler limits; null means the defaults.</param>
        /// <param name="includeRequests">True to return one result object per request besides the summary.</param>
        /// <param name="engine">
        /// The engine served; when it has a memory model (<see cref="EngineProfile.Memory"/>) the KV cache is its start-up pool
        /// under the scheduler's settings. Null, or an engine without one, keeps the generic sizing. Timing comes from the
        /// deployment's efficiency factors either way.
        /// </param>
        /// <exception cref="InvalidInputException">No deployment, GPU or workload.</exception>
        public SimulationRequest(Deployment deployment, Workload workload, SchedulerSettings? scheduler = null, bool includeRequests = false, EngineProfile? engine = null)
        {
            Deployment.Require(deployment != null, "DeploymentMissing", "Model", "A simulation needs a model and a GPU.");
            Deployment.Require(workload != null, "WorkloadMissing", "RequestRate", "A simulation needs a workload: a request rate, a number of clients or a trace.");
            deployment!.RequireHardware("A serving simulation");
            Scheduler = scheduler ?? new SchedulerSettings();
            Deployment = deployment.MaxBatchedTokens == Scheduler.MaxBatchedTokens ? deployment : deployment.WithMaxBatchedTokens(Scheduler.MaxBatchedTokens);
            Workload = workload!;
            IncludeRequests = includeRequests;
            Engine = engine;
        }

        /// <summary>What runs where, with MaxBatchedTokens set to the scheduler's token budget.</summary>
        public Deployment Deployment { get; }

        /// <summary>The requests to serve.</summary>
        public Workload Workload { get; }

        /// <summary>Scheduler limits.</summary>
        public SchedulerSettings Scheduler { get; }

        /// <summary>True when the result lists every request.</summary>
        public bool IncludeRequests { get; }

        /// <summary>The engine whose start-up KV pool the simulated server gets, or null for the generic sizing.</summary>
        public EngineProfile? Engine { get; }
    }
}
