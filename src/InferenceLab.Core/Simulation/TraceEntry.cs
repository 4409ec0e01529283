namespace InferenceLab.Core.Simulation
{
    /// <summary>One request of a trace: when it arrives and how long its prompt and output are.</summary>
    public sealed class TraceEntry
    {
        /// <summary>Creates an entry.</summary>
        /// <param name="arrivalSeconds">Arrival time from the start of the trace, s.</param>
        /// <param name="inputTokens">Prompt tokens.</param>
        /// <param name="outputTokens">Tokens to generate.</param>
        /// <param name="line">1-based line of the trace file the entry comes from; 0 when built in code.</param>
        /// <exception cref="InvalidInputException">A negative or non-finite time, or a length below 1.</exception>
        public TraceEntry(double arrivalSeconds, int inputTokens, int outputTokens, long line = 0)
        {
            Deployment.Require(arrivalSeconds >= 0 && arrivalSeconds <= MaxArrivalSeconds, "TraceArrivalOutOfRange", "ArrivalSeconds", "ArrivalSeconds must be between 0 and {0}; got {1}.", MaxArrivalSeconds, arrivalSeconds);
            Deployment.Require(inputTokens >= 1, "InputLengthNotPositive", "InputLength", "A trace entry's InputLength must be at least 1 token; got {0}.", inputTokens);
            Deployment.Require(outputTokens >= 1, "OutputLengthNotPositive", "OutputLength", "A trace entry's OutputLength must be at least 1 token; got {0}.", outputTokens);
            ArrivalSeconds = arrivalSeconds;
            InputTokens = inputTokens;
            OutputTokens = outputTokens;
            Line = line;
        }

        /// <summary>Latest accepted arrival: 10^9 s (about 32 years).</summary>
        public const double MaxArrivalSeconds = 1e9;

        /// <summary>Arrival time from the start of the trace, s.</summary>
        public double ArrivalSeconds { get; }

        /// <summary>Prompt tokens.</summary>
        public int InputTokens { get; }

        /// <summary>Tokens to generate.</summary>
        public int OutputTokens { get; }

        /// <summary>1-based line of the trace file; 0 when built in code.</summary>
        public long Line { get; }
    }
}
