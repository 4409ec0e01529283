namespace InferenceLab.Core.Memory
{
    /// <summary>How many sequences of a context length fit at once, and the KV capacity left for them (DESIGN §5).</summary>
    public sealed class MaxBatchResult
    {
        internal MaxBatchResult(Deployment deployment, int contextLength, int inputLength, int maxBatchSize, long capacityTokens, LimitReason limitedBy, string message, MemoryBreakdown atLimit, double usableBytes, double kvBytesPerSequence)
        {
            ModelName = deployment.Model.Name;
            HardwareName = deployment.Hardware!.Name;
            ContextLength = contextLength;
            InputLength = inputLength;
            WeightType = deployment.WeightFormat.Type;
            WeightGroupSize = deployment.WeightFormat.GroupSize;
            KvCacheType = deployment.KvCacheType;
            ActivationType = deployment.ActivationType;
            TensorParallel = deployment.TensorParallel;
            PipelineParallel = deployment.PipelineParallel;
            MemoryUtilization = deployment.MemoryUtilization;
            MaxBatchSize = maxBatchSize;
            KvCacheCapacityTokens = capacityTokens;
            LimitedBy = limitedBy;
            Message = message;
            WeightBytes = atLimit.WeightBytes;
            KvCacheBytes = atLimit.KvCacheBytes;
            ActivationBytes = atLimit.ActivationBytes;
            ReserveBytes = atLimit.ReserveBytes;
            TotalBytes = atLimit.TotalBytes;
            KvCacheBytesPerToken = atLimit.KvCacheBytesPerToken;
            KvCacheBytesPerSequence = kvBytesPerSequence;
            UsableBytes = usableBytes;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Tokens each sequence holds (prompt + output).</summary>
        public int ContextLength { get; }

        /// <summary>Prompt tokens per sequence (sets the activation peak).</summary>
        public int InputLength { get; }

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

        /// <summary>The most concurrent sequences that fit; 0 when none does.</summary>
        public int MaxBatchSize { get; }

        /// <summary>Tokens of KV cache the memory left after weights, reserve and activations holds, on the tightest GPU.</summary>
        public long KvCacheCapacityTokens { get; }

        /// <summary>What limits the batch.</summary>
        public LimitReason LimitedBy { get; }

        /// <summary>The limit in a sentence.</summary>
        public string Message { get; }

        /// <summary>Weights on one GPU, bytes.</summary>
        public double WeightBytes { get; }

        /// <summary>KV cache on one GPU at the limit, bytes.</summary>
        public double KvCacheBytes { get; }

        /// <summary>Activation peak on one GPU at the limit, bytes.</summary>
        public double ActivationBytes { get; }

        /// <summary>Runtime reserve on one GPU, bytes.</summary>
        public double ReserveBytes { get; }

        /// <summary>Total on one GPU at the limit, bytes.</summary>
        public double TotalBytes { get; }

        /// <summary>KV bytes per token on one GPU.</summary>
        public double KvCacheBytesPerToken { get; }

        /// <summary>KV bytes one sequence of the context takes on one GPU (window layers capped).</summary>
        public double KvCacheBytesPerSequence { get; }

        /// <summary>MemoryUtilization × capacity, bytes.</summary>
        public double UsableBytes { get; }
    }
}
