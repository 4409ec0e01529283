using InferenceLab.Core.Cost;

namespace InferenceLab.Core.Time
{
    /// <summary>
    /// How long a batch of requests takes (DESIGN §6): time to the first token, per output token, the whole request,
    /// and the throughput that follows. Times in seconds; throughputs for the whole deployment unless named per GPU.
    /// </summary>
    public sealed class LatencyEstimate
    {
        internal LatencyEstimate(Scenario scenario, Parts parts)
        {
            var model = scenario.Model;
            ModelName = model.Name;
            HardwareName = scenario.Hardware!.Name;
            Efficiency = scenario.Efficiency.Name;
            BatchSize = scenario.BatchSize;
            InputLength = scenario.InputLength;
            OutputLength = scenario.OutputLength;
            WeightType = scenario.WeightFormat.Type;
            WeightGroupSize = scenario.WeightFormat.GroupSize;
            KvCacheType = scenario.KvCacheType;
            ActivationType = scenario.ActivationType;
            TensorParallel = scenario.TensorParallel;
            PipelineParallel = scenario.PipelineParallel;
            GpuCount = scenario.GpuCount;
            MaxBatchedTokens = scenario.MaxBatchedTokens;
            TimeToFirstTokenSeconds = parts.PrefillSeconds;
            DecodeSeconds = parts.DecodeSeconds;
            TimePerOutputTokenSeconds = parts.MeanDecodeStepSeconds;
            EndToEndSeconds = parts.PrefillSeconds + parts.DecodeSeconds;
            CommunicationSeconds = parts.CommunicationSeconds;
            PrefillBound = parts.PrefillBound;
            DecodeBound = parts.DecodeBound;
            PeakRateType = parts.PeakRateType;
            PeakRateNote = parts.PeakRateNote;

            double batch = scenario.BatchSize;
            OutputTokensPerSecond = batch * scenario.OutputLength / EndToEndSeconds;
            TotalTokensPerSecond = batch * (scenario.InputLength + scenario.OutputLength) / EndToEndSeconds;
            OutputTokensPerSecondPerGpu = OutputTokensPerSecond / scenario.GpuCount;
            PrefillTokensPerSecond = batch * scenario.InputLength / TimeToFirstTokenSeconds;
            DecodeTokensPerSecondPerSequence = 1 / TimePerOutputTokenSeconds;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Efficiency profile the times assume (<c>roofline</c> for the pure bound).</summary>
        public string Efficiency { get; }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence.</summary>
        public int InputLength { get; }

        /// <summary>Generated tokens per sequence.</summary>
        public int OutputLength { get; }

        /// <summary>Weight element type.</summary>
        public DataType WeightType { get; }

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize { get; }

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType { get; }

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType { get; }

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel { get; }

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel { get; }

        /// <summary>GPUs: TP × PP.</summary>
        public int GpuCount { get; }

        /// <summary>Most tokens per step (chunked prefill); 0 for no limit.</summary>
        public int MaxBatchedTokens { get; }

        /// <summary>Time of the prefill (the sum of its chunks when chunked), which yields the first token, s.</summary>
        public double TimeToFirstTokenSeconds { get; }

        /// <summary>Mean time of a decode step over the request; with one output token, the step that would follow, s.</summary>
        public double TimePerOutputTokenSeconds { get; }

        /// <summary>Time of all decode steps (output − 1 of them), s.</summary>
        public double DecodeSeconds { get; }

        /// <summary>Prefill plus decode, s.</summary>
        public double EndToEndSeconds { get; }

        /// <summary>Part of the end-to-end time spent in TP/PP communication, s.</summary>
        public double CommunicationSeconds { get; }

        /// <summary>Generated tokens per second, all sequences: B × output ÷ end-to-end.</summary>
        public double OutputTokensPerSecond { get; }

        /// <summary>Prompt and generated tokens per second, all sequences.</summary>
        public double TotalTokensPerSecond { get; }

        /// <summary><see cref="OutputTokensPerSecond"/> ÷ GPUs.</summary>
        public double OutputTokensPerSecondPerGpu { get; }

        /// <summary>Prompt tokens per second during the prefill.</summary>
        public double PrefillTokensPerSecond { get; }

        /// <summary>Tokens per second one sequence sees while decoding: 1 ÷ TPOT.</summary>
        public double DecodeTokensPerSecondPerSequence { get; }

        /// <summary>The roofline bound of the prefill step.</summary>
        public RooflineBound PrefillBound { get; }

        /// <summary>The roofline bound of the first decode step.</summary>
        public RooflineBound DecodeBound { get; }

        /// <summary>The type whose peak rate applies.</summary>
        public DataType PeakRateType { get; }

        /// <summary>Explains a fallback peak; empty otherwise.</summary>
        public string PeakRateNote { get; }

        internal struct Parts
        {
            public double PrefillSeconds;
            public double DecodeSeconds;
            public double MeanDecodeStepSeconds;
            public double CommunicationSeconds;
            public RooflineBound PrefillBound;
            public RooflineBound DecodeBound;
            public DataType PeakRateType;
            public string PeakRateNote;
        }
    }
}
