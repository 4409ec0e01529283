namespace InferenceLab.Core.Simulation
{
    /// <summary>The order in which the simulated scheduler admits waiting requests.</summary>
    public enum SchedulingPolicy
    {
        /// <summary>First come, first served: the earliest arrival first (vLLM's default).</summary>
        FirstComeFirstServed,

        /// <summary>Shortest prompt first; ties in arrival order.</summary>
        ShortestPromptFirst,
    }
}
