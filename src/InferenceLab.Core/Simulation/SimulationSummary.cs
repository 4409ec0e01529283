namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// What a serving simulation measured: latency means and percentiles, throughput, batch and KV-cache use and
    /// preemptions, with the simulation's inputs so that a CSV row stands alone. Times in seconds; percentiles
    /// interpolate linearly between ranks (NumPy's default, as vLLM's benchmark_serving reports them).
    /// </summary>
    public sealed class SimulationSummary
    {
        private readonly SimulationInputs inputs;

        internal SimulationSummary(SimulationInputs inputs, SimulationTotals totals)
        {
            this.inputs = inputs;
            TimeToFirstTokenMeanSeconds = totals.TimeToFirstToken.Mean;
            TimeToFirstTokenP50Seconds = totals.TimeToFirstToken.P50;
            TimeToFirstTokenP90Seconds = totals.TimeToFirstToken.P90;
            TimeToFirstTokenP99Seconds = totals.TimeToFirstToken.P99;
            TimePerOutputTokenMeanSeconds = totals.TimePerOutputToken.Mean;
            TimePerOutputTokenP50Seconds = totals.TimePerOutputToken.P50;
            TimePerOutputTokenP90Seconds = totals.TimePerOutputToken.P90;
            TimePerOutputTokenP99Seconds = totals.TimePerOutputToken.P99;
            InterTokenLatencyMeanSeconds = totals.InterTokenLatency.Mean;
            InterTokenLatencyP50Seconds = totals.InterTokenLatency.P50;
            InterTokenLatencyP90Seconds = totals.InterTokenLatency.P90;
            InterTokenLatencyP99Seconds = totals.InterTokenLatency.P99;
            EndToEndMeanSeconds = totals.EndToEnd.Mean;
            EndToEndP50Seconds = totals.EndToEnd.P50;
            EndToEndP90Seconds = totals.EndToEnd.P90;
            EndToEndP99Seconds = totals.EndToEnd.P99;

            RequestCount = totals.RequestCount;
            InputTokens = totals.InputTokens;
            OutputTokens = totals.OutputTokens;
            SimulatedSeconds = totals.LastFinishSeconds - totals.FirstArrivalSeconds;
            double span = SimulatedSeconds;
            RequestsPerSecond = totals.RequestCount / span;
            InputTokensPerSecond = totals.InputTokens / span;
            OutputTokensPerSecond = totals.OutputTokens / span;
            TotalTokensPerSecond = (totals.InputTokens + totals.OutputTokens) / span;
            MeanRequestsInSystem = totals.RequestSecondsInSystem / span;
            MeanRunningSequences = totals.SequenceSeconds / span;
            PeakRunningSequences = totals.PeakRunningSequences;
            IterationCount = totals.IterationCount;
            KvCacheCapacityTokens = totals.KvCacheCapacityTokens;
            KvCacheCapacityBytes = totals.KvCacheCapacityBytes;
            KvCacheMeanBytes = totals.KvCacheBlockSeconds * totals.KvCacheBytesPerBlock / span;
            KvCachePeakBytes = totals.KvCachePeakBytes;
            PreemptionCount = totals.PreemptionCount;
            RecomputedTokens = totals.RecomputedTokens;
            ProcessedTokens = totals.ProcessedTokens;
        }

        /// <summary>Mean time to first token (arrival to the end of the iteration that samples it), s.</summary>
        public double TimeToFirstTokenMeanSeconds { get; }

        /// <summary>Median time to first token, s.</summary>
        public double TimeToFirstTokenP50Seconds { get; }

        /// <summary>90th percentile of the time to first token, s.</summary>
        public double TimeToFirstTokenP90Seconds { get; }

        /// <summary>99th percentile of the time to first token, s.</summary>
        public double TimeToFirstTokenP99Seconds { get; }

        /// <summary>Mean over requests of (end-to-end − TTFT) ÷ (output − 1); requests with one output token are left out; 0 when none has more, s.</summary>
        public double TimePerOutputTokenMeanSeconds { get; }

        /// <summary>Median time per output token over requests, s.</summary>
        public double TimePerOutputTokenP50Seconds { get; }

        /// <summary>90th percentile of the time per output token over requests, s.</summary>
        public double TimePerOutputTokenP90Seconds { get; }

        /// <summary>99th percentile of the time per output token over requests, s.</summary>
        public double TimePerOutputTokenP99Seconds { get; }

        /// <summary>Mean gap between consecutive output tokens of a request, over all such gaps of all requests, s.</summary>
        public double InterTokenLatencyMeanSeconds { get; }

        /// <summary>Median inter-token gap, s.</summary>
        public double InterTokenLatencyP50Seconds { get; }

        /// <summary>90th percentile of the inter-token gaps, s.</summary>
        public double InterTokenLatencyP90Seconds { get; }

        /// <summary>99th percentile of the inter-token gaps (preemption stalls show here), s.</summary>
        public double InterTokenLatencyP99Seconds { get; }

        /// <summary>Mean end-to-end latency (arrival to last token), s.</summary>
        public double EndToEndMeanSeconds { get; }

        /// <summary>Median end-to-end latency, s.</summary>
        public double EndToEndP50Seconds { get; }

        /// <summary>90th percentile of the end-to-end latency, s.</summary>
        public double EndToEndP90Seconds { get; }

        /// <summary>99th percentile of the end-to-end latency, s.</summary>
        public double EndToEndP99Seconds { get; }

        /// <summary>Requests served (every request completes).</summary>
        public int RequestCount { get; }

        /// <summary>Prompt tokens of all requests.</summary>
        public long InputTokens { get; }

        /// <summary>Generated tokens of all requests.</summary>
        public long OutputTokens { get; }

        /// <summary>Simulated span from the first arrival to the last completion, s.</summary>
        public double SimulatedSeconds { get; }

        /// <summary>Requests completed per second over the span.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>Prompt tokens per second over the span.</summary>
        public double InputTokensPerSecond { get; }

        /// <summary>Generated tokens per second over the span.</summary>
        public double OutputTokensPerSecond { get; }

        /// <summary>Prompt and generated tokens per second over the span.</summary>
        public double TotalTokensPerSecond { get; }

        /// <summary>Time-average of the requests that have arrived and not finished (Little's L = Σ end-to-end ÷ span).</summary>
        public double MeanRequestsInSystem { get; }

        /// <summary>Time-average of the sequences in an iteration's batch, idle time counted as 0.</summary>
        public double MeanRunningSequences { get; }

        /// <summary>Most sequences in one iteration.</summary>
        public int PeakRunningSequences { get; }

        /// <summary>Iterations (forward steps) simulated.</summary>
        public long IterationCount { get; }

        /// <summary>Tokens the paged KV cache holds: blocks × block size.</summary>
        public long KvCacheCapacityTokens { get; }

        /// <summary>KV-cache bytes per GPU at capacity (the pipeline stage with the least room).</summary>
        public double KvCacheCapacityBytes { get; }

        /// <summary>Time-average of the KV-cache bytes per GPU in allocated blocks over the span.</summary>
        public double KvCacheMeanBytes { get; }

        /// <summary>Most KV-cache bytes per GPU in allocated blocks during one iteration.</summary>
        public double KvCachePeakBytes { get; }

        /// <summary>Times a running request lost its KV cache because blocks ran out (recompute preemption).</summary>
        public long PreemptionCount { get; }

        /// <summary>Tokens whose KV cache preemptions discarded and that were prefilled again.</summary>
        public long RecomputedTokens { get; }

        /// <summary>Tokens all iterations processed: Σ (input + output − 1) over requests, plus the recomputed tokens.</summary>
        public long ProcessedTokens { get; }

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
