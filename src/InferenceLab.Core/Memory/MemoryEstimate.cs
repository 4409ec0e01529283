namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// Memory one GPU needs to serve a batch (DESIGN §5): weights, KV cache, activation peak and runtime reserve, and
    /// whether they fit the usable memory. With pipeline parallelism, the busiest stage's GPU. Bytes throughout; the
    /// fit fields are null when no GPU was given.
    /// </summary>
    public sealed class MemoryEstimate
    {
        internal MemoryEstimate(Deployment deployment, int batchSize, int inputLength, int outputLength, int contextLength, MemoryBreakdown parts, double modelWeightBytes)
        {
            ModelName = deployment.Model.Name;
            HardwareName = deployment.Hardware?.Name ?? string.Empty;
            BatchSize = batchSize;
            InputLength = inputLength;
            OutputLength = outputLength;
            ContextLength = contextLength;
            WeightType = deployment.WeightFormat.Type;
            WeightGroupSize = deployment.WeightFormat.GroupSize;
            KvCacheType = deployment.KvCacheType;
            ActivationType = deployment.ActivationType;
            TensorParallel = deployment.TensorParallel;
            PipelineParallel = deployment.PipelineParallel;
            GpuCount = deployment.GpuCount;
            MemoryUtilization = deployment.MemoryUtilization;
            WeightBytes = parts.WeightBytes;
            KvCacheBytes = parts.KvCacheBytes;
            ActivationBytes = parts.ActivationBytes;
            ReserveBytes = parts.ReserveBytes;
            TotalBytes = parts.TotalBytes;
            KvCacheBytesPerToken = parts.KvCacheBytesPerToken;
            ModelWeightBytes = modelWeightBytes;
            Dominant = DominantOf(parts);

            if (deployment.Hardware != null)
            {
                MemoryBytes = deployment.Hardware.MemoryBytes;
                UsableBytes = deployment.MemoryUtilization * deployment.Hardware.MemoryBytes;
                Fits = TotalBytes <= UsableBytes;
                HeadroomBytes = Fits == true ? UsableBytes - TotalBytes : 0;
                ShortfallBytes = Fits == true ? 0 : TotalBytes - UsableBytes;
            }
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name, or empty.</summary>
        public string HardwareName { get; }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence (the prefill that sets the activation peak).</summary>
        public int InputLength { get; }

        /// <summary>Generated tokens per sequence.</summary>
        public int OutputLength { get; }

        /// <summary>Tokens each sequence holds in the KV cache: input + output.</summary>
        public int ContextLength { get; }

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

        /// <summary>GPUs: TP × PP.</summary>
        public int GpuCount { get; }

        /// <summary>Fraction of GPU memory usable.</summary>
        public double MemoryUtilization { get; }

        /// <summary>Weights on one GPU, bytes.</summary>
        public double WeightBytes { get; }

        /// <summary>KV cache on one GPU, bytes.</summary>
        public double KvCacheBytes { get; }

        /// <summary>Activation peak on one GPU, bytes.</summary>
        public double ActivationBytes { get; }

        /// <summary>Runtime reserve on one GPU, bytes.</summary>
        public double ReserveBytes { get; }

        /// <summary>Weights + KV cache + activations + reserve on one GPU, bytes.</summary>
        public double TotalBytes { get; }

        /// <summary>KV cache one token takes on one GPU across its layers, bytes.</summary>
        public double KvCacheBytesPerToken { get; }

        /// <summary>Weights of the whole model, all GPUs together, bytes.</summary>
        public double ModelWeightBytes { get; }

        /// <summary>The largest part.</summary>
        public MemoryComponent Dominant { get; }

        /// <summary>GPU memory capacity, bytes; null without a GPU.</summary>
        public double? MemoryBytes { get; }

        /// <summary>MemoryUtilization × capacity, bytes; null without a GPU.</summary>
        public double? UsableBytes { get; }

        /// <summary>True when the total fits the usable memory; null without a GPU.</summary>
        public bool? Fits { get; }

        /// <summary>Usable minus total when it fits, else 0, bytes; null without a GPU.</summary>
        public double? HeadroomBytes { get; }

        /// <summary>Total minus usable when it does not fit, else 0, bytes; null without a GPU.</summary>
        public double? ShortfallBytes { get; }

        private static MemoryComponent DominantOf(in MemoryBreakdown parts)
        {
            var dominant = MemoryComponent.Weights;
            double largest = parts.WeightBytes;
            if (parts.KvCacheBytes > largest)
            {
                dominant = MemoryComponent.KvCache;
                largest = parts.KvCacheBytes;
            }

            if (parts.ActivationBytes > largest)
            {
                dominant = MemoryComponent.Activations;
                largest = parts.ActivationBytes;
            }

            return parts.ReserveBytes > largest ? MemoryComponent.Reserve : dominant;
        }
    }
}
