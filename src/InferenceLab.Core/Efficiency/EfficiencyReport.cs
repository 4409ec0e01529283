namespace InferenceLab.Core.Efficiency
{
    /// <summary>
    /// What a measured TTFT, TPOT or throughput says about a deployment (DESIGN §6): the FLOP/s and bandwidth it
    /// achieved per GPU, MFU, MBU, and how close it comes to the pure roofline for the same work.
    /// </summary>
    public sealed class EfficiencyReport
    {
        internal EfficiencyReport(Scenario scenario, MeasuredMetric metric, double measuredValue, double measuredSeconds, double modelFlops, double flopsPerGpu, double bytesPerGpu, double rooflineSeconds, double predictedSeconds)
        {
            var hardware = scenario.Hardware!;
            var peak = hardware.ResolvePeak(scenario.ActivationType);
            ModelName = scenario.Model.Name;
            HardwareName = hardware.Name;
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
            Metric = metric;
            MeasuredValue = measuredValue;
            MeasuredSeconds = measuredSeconds;
            ModelFlops = modelFlops;
            FlopsPerGpu = flopsPerGpu;
            BytesPerGpu = bytesPerGpu;
            PeakFlopsPerSecond = peak.FlopsPerSecond;
            MemoryBandwidthBytesPerSecond = hardware.MemoryBandwidthBytesPerSecond;
            AchievedFlopsPerSecond = flopsPerGpu / measuredSeconds;
            AchievedBytesPerSecond = bytesPerGpu / measuredSeconds;
            ModelFlopsUtilization = modelFlops / (measuredSeconds * peak.FlopsPerSecond * scenario.GpuCount);
            ModelBandwidthUtilization = AchievedBytesPerSecond / hardware.MemoryBandwidthBytesPerSecond;
            RooflineSeconds = rooflineSeconds;
            RooflineFraction = rooflineSeconds / measuredSeconds;
            PredictedSeconds = predictedSeconds;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>The efficiency profile of <see cref="PredictedSeconds"/>.</summary>
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

        /// <summary>Which figure was measured.</summary>
        public MeasuredMetric Metric { get; }

        /// <summary>The figure as given: seconds for TTFT and TPOT, tokens/s for throughput.</summary>
        public double MeasuredValue { get; }

        /// <summary>The time span the figure implies for the work below, s.</summary>
        public double MeasuredSeconds { get; }

        /// <summary>FLOPs of the whole model over that span, all GPUs.</summary>
        public double ModelFlops { get; }

        /// <summary>FLOPs one GPU does over that span.</summary>
        public double FlopsPerGpu { get; }

        /// <summary>Bytes one GPU moves over that span.</summary>
        public double BytesPerGpu { get; }

        /// <summary>Dense peak that applies per GPU, FLOP/s.</summary>
        public double PeakFlopsPerSecond { get; }

        /// <summary>Peak bandwidth per GPU, B/s.</summary>
        public double MemoryBandwidthBytesPerSecond { get; }

        /// <summary>FLOPs per GPU ÷ measured time, FLOP/s.</summary>
        public double AchievedFlopsPerSecond { get; }

        /// <summary>Bytes per GPU ÷ measured time, B/s.</summary>
        public double AchievedBytesPerSecond { get; }

        /// <summary>MFU: model FLOPs ÷ (time × peak × GPUs), a fraction.</summary>
        public double ModelFlopsUtilization { get; }

        /// <summary>MBU: achieved bandwidth ÷ peak bandwidth, a fraction.</summary>
        public double ModelBandwidthUtilization { get; }

        /// <summary>Pure-roofline time of the same work (operator rooflines summed, no overheads), s.</summary>
        public double RooflineSeconds { get; }

        /// <summary>Roofline time ÷ measured time: the fraction of the roofline the deployment reaches.</summary>
        public double RooflineFraction { get; }

        /// <summary>InferenceLab's estimate of the same span with the scenario's efficiency profile, s.</summary>
        public double PredictedSeconds { get; }
    }
}
