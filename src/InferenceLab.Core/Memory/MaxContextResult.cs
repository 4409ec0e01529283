namespace InferenceLab.Core.Memory
{
    /// <summary>The longest context per sequence that fits at a batch size, and what limits it (DESIGN §5).</summary>
    public sealed class MaxContextResult
    {
        internal MaxContextResult(Deployment deployment, int batchSize, int maxContextLength, LimitReason limitedBy, string message, MemoryBreakdown atLimit, double usableBytes)
        {
            ModelName = deployment.Model.Name;
            HardwareName = deployment.Hardware!.Name;
            BatchSize = batchSize;
            WeightType = deployment.WeightFormat.Type;
            WeightGroupSize = deployment.WeightFormat.GroupSize;
            KvCacheType = deployment.KvCacheType;
            ActivationType = deployment.ActivationType;
            TensorParallel = deployment.TensorParallel;
            PipelineParallel = deployment.PipelineParallel;
            MemoryUtilization = deployment.MemoryUtilization;
            MaxContextLength = maxContextLength;
            ModelMaxPositions = deployment.Model.MaxPositionEmbeddings;
            LimitedBy = limitedBy;
            Message = message;
            WeightBytes = atLimit.WeightBytes;
            KvCacheBytes = atLimit.KvCacheBytes;
            ActivationBytes = atLimit.ActivationBytes;
            ReserveBytes = atLimit.ReserveBytes;
            TotalBytes = atLimit.TotalBytes;
            KvCacheBytesPerToken = atLimit.KvCacheBytesPerToken;
            UsableBytes = usableBytes;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Weight element type.</summary>
        public DataType WeightType { get; }

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize { get; }

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType { get; }

        /// <summary>Activation type.</summary>
        public DataType ActivationType { get; }

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel { get; }

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel { get; }

        /// <summary>Fraction of GPU memory usable.</summary>
        public double MemoryUtilization { get; }

        /// <summary>The longest context per sequence, tokens; 0 when nothing fits.</summary>
        public int MaxContextLength { get; }

        /// <summary>The model's position limit, tokens.</summary>
        public int ModelMaxPositions { get; }

        /// <summary>What limits the context.</summary>
        public LimitReason LimitedBy { get; }

        /// <summary>The limit in a sentence.</summary>
        public string Message { get; }

        /// <summary>Weights on one GPU, bytes.</summary>
        public double WeightBytes { get; }

        /// <summary>KV cache on one GPU at the limit, bytes.</summary>
        public double KvCacheBytes { get; }

        /// <summary>Activation peak on one GPU at the limit (prefill of the whole context), bytes.</summary>
        public double ActivationBytes { get; }

        /// <summary>Runtime reserve on one GPU, bytes.</summary>
        public double ReserveBytes { get; }

        /// <summary>Total on one GPU at the limit, bytes.</summary>
        public double TotalBytes { get; }

        /// <summary>KV bytes per token on one GPU.</summary>
        public double KvCacheBytesPerToken { get; }

        /// <summary>MemoryUtilization × capacity, bytes.</summary>
        public double UsableBytes { get; }
    }
}
