namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// One request of a simulation: when it arrived, was first scheduled, produced its first token and finished, with
    /// the simulation's inputs so that a CSV row stands alone. Times in seconds from the start of the simulation.
    /// </summary>
    public sealed class SimulatedRequest
    {
        private readonly SimulationInputs inputs;

        internal SimulatedRequest(SimulationInputs inputs, int index, long traceLine, double arrivalSeconds, int inputTokens, int outputTokens,
            double firstScheduledSeconds, double firstTokenSeconds, double finishSeconds, int preemptionCount)
        {
            this.inputs = inputs;
            Index = index;
            TraceLine = traceLine;
            ArrivalSeconds = arrivalSeconds;
            InputTokens = inputTokens;
            OutputTokens = outputTokens;
            FirstScheduledSeconds = firstScheduledSeconds;
            FirstTokenSeconds = firstTokenSeconds;
            FinishSeconds = finishSeconds;
            PreemptionCount = preemptionCount;
            QueueSeconds = firstScheduledSeconds - arrivalSeconds;
            TimeToFirstTokenSeconds = firstTokenSeconds - arrivalSeconds;
            EndToEndSeconds = finishSeconds - arrivalSeconds;
            TimePerOutputTokenSeconds = outputTokens > 1 ? (finishSeconds - firstTokenSeconds) / (outputTokens - 1) : 0;
        }

        /// <summary>Position of the request in arrival order, from 0.</summary>
        public int Index { get; }

        /// <summary>Line of the trace file the request comes from; 0 for generated workloads.</summary>
        public long TraceLine { get; }

        /// <summary>Arrival time, s.</summary>
        public double ArrivalSeconds { get; }

        /// <summary>Prompt tokens.</summary>
        public int InputTokens { get; }

        /// <summary>Generated tokens.</summary>
        public int OutputTokens { get; }

        /// <summary>Start of the first iteration that processed the request, s.</summary>
        public double FirstScheduledSeconds { get; }

        /// <summary>End of the iteration that produced the first output token, s.</summary>
        public double FirstTokenSeconds { get; }

        /// <summary>End of the iteration that produced the last output token, s.</summary>
        public double FinishSeconds { get; }

        /// <summary>Waiting time before the first iteration that processed the request, s.</summary>
        public double QueueSeconds { get; }

        /// <summary>Time to first token: first token − arrival, s.</summary>
        public double TimeToFirstTokenSeconds { get; }

        /// <summary>Time per output token after the first: (finish − first token) ÷ (output − 1); 0 for a single output token, s.</summary>
        public double TimePerOutputTokenSeconds { get; }

        /// <summary>End-to-end latency: finish − arrival, s.</summary>
        public double EndToEndSeconds { get; }

        /// <summary>Times the request lost its KV cache to a preemption and was recomputed.</summary>
        public int PreemptionCount { get; }

        /// <summary>Model name.</summary>
        public string ModelName => inputs.ModelName;

        /// <summary>GPU name.</summary>
        public string HardwareName => inputs.HardwareName;

        /// <summary>Efficiency profile.</summary>
        public string Efficiency => inputs.Efficiency;

        /// <summary>Weight element type.</summary>
        public DataType WeightType => inputs.WeightType;

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize => inputs.WeightGroupSize;

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType => inputs.KvCacheType;

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType => inputs.ActivationType;

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel => inputs.TensorParallel;

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel => inputs.PipelineParallel;

        /// <summary>GPUs: TP × PP.</summary>
        public int GpuCount => inputs.GpuCount;

        /// <summary>Fraction of GPU memory usable.</summary>
        public double MemoryUtilization => inputs.MemoryUtilization;

        /// <summary>How requests arrived.</summary>
        public ArrivalPattern Arrival => inputs.Arrival;

        /// <summary>Offered Poisson rate, requests per second; 0 for other arrivals.</summary>
        public double RequestRatePerSecond => inputs.RequestRatePerSecond;

        /// <summary>Closed-loop clients; 0 for other arrivals.</summary>
        public int Clients => inputs.Clients;

        /// <summary>Trace file; empty for generated workloads.</summary>
        public string TracePath => inputs.TracePath;

        /// <summary>Prompt length distribution (text form); empty for a trace.</summary>
        public string InputLengths => inputs.InputLengths;

        /// <summary>Output length distribution (text form); empty for a trace.</summary>
        public string OutputLengths => inputs.OutputLengths;

        /// <summary>Seed of the random arrivals and lengths.</summary>
        public int Seed => inputs.Seed;

        /// <summary>Most running sequences.</summary>
        public int MaxNumSeqs => inputs.MaxNumSeqs;

        /// <summary>Most tokens per iteration.</summary>
        public int MaxBatchedTokens => inputs.MaxBatchedTokens;

        /// <summary>Tokens per KV-cache block.</summary>
        public int BlockSize => inputs.BlockSize;

        /// <summary>Admission order of waiting requests.</summary>
        public SchedulingPolicy SchedulingPolicy => inputs.SchedulingPolicy;
    }
}
