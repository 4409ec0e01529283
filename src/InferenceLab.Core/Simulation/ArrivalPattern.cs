namespace InferenceLab.Core.Simulation
{
    /// <summary>How requests reach the simulated server.</summary>
    public enum ArrivalPattern
    {
        /// <summary>Open loop: independent arrivals at a constant rate (exponential gaps).</summary>
        Poisson,

        /// <summary>Closed loop: a fixed number of clients, each sending its next request as soon as the last one completes.</summary>
        ClosedLoop,

        /// <summary>Arrival times and lengths read from a trace.</summary>
        Trace,
    }
}
