namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The longest context per sequence that an engine's start-up KV pool holds for a batch of sequences at once (vLLM's
    /// "maximum model length" that fits), what limits it, and the pool at that length. Bytes and tokens throughout.
    /// </summary>
    public sealed class EngineMaxContextResult
    {
        internal EngineMaxContextResult(Deployment deployment, EngineMemoryBudget pool, int batchSize, int maxContextLength, int? requestedMaxModelLength, long blocksNeeded, LimitReason limitedBy, string message)
        {
            ModelName = pool.ModelName;
            HardwareName = pool.HardwareName;
            Engine = pool.Engine;
            BatchSize = batchSize;
            WeightType = pool.WeightType;
            WeightGroupSize = pool.WeightGroupSize;
            KvCacheType = pool.KvCacheType;
            ActivationType = pool.ActivationType;
            TensorParallel = pool.TensorParallel;
            PipelineParallel = pool.PipelineParallel;
            MemoryUtilization = pool.MemoryUtilization;
            MaxBatchedTokens = pool.MaxBatchedTokens;
            MaxSequences = pool.MaxSequences;
            MaxModelLength = requestedMaxModelLength;
            BlockSize = pool.BlockSize;
            EnforceEager = pool.EnforceEager;
            MaxContextLength = maxContextLength;
            ModelMaxPositions = deployment.Model.MaxPositionEmbeddings;
            LimitedBy = limitedBy;
            Message = message;
            WeightBytes = pool.WeightBytes;
            ActivationPeakBytes = pool.ActivationPeakBytes;
            NonTorchBytes = pool.NonTorchBytes;
            KvCacheBytes = pool.KvCacheBytes;
            KvCacheBytesPerToken = pool.KvCacheBytesPerToken;
            KvCacheTokens = pool.KvCacheTokens;
            KvCacheBlocks = pool.KvCacheBlocks;
            KvCacheBlocksNeeded = blocksNeeded;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Engine profile name.</summary>
        public string Engine { get; }

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

        /// <summary>The engine's memory fraction applied.</summary>
        public double MemoryUtilization { get; }

        /// <summary>Tokens of the profiling step.</summary>
        public int MaxBatchedTokens { get; }

        /// <summary>Sequences of the sampler's profiling batch.</summary>
        public int MaxSequences { get; }

        /// <summary>The MaxModelLength given, tokens; null when the model's position limit is the cap.</summary>
        public int? MaxModelLength { get; }

        /// <summary>Tokens per KV block.</summary>
        public int BlockSize { get; }

        /// <summary>True when CUDA graphs are not captured.</summary>
        public bool EnforceEager { get; }

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

        /// <summary>Activation peak of the profiling run with MaxModelLength at the limit, bytes.</summary>
        public double ActivationPeakBytes { get; }

        /// <summary>Memory outside the framework deducted, bytes.</summary>
        public double NonTorchBytes { get; }

        /// <summary>The KV-cache pool on one GPU with MaxModelLength at the limit, bytes.</summary>
        public double KvCacheBytes { get; }

        /// <summary>KV bytes per token the engine counts on one GPU, every layer.</summary>
        public double KvCacheBytesPerToken { get; }

        /// <summary>Tokens the pool holds, as the engine prints them.</summary>
        public long KvCacheTokens { get; }

        /// <summary>Blocks in the pool.</summary>
        public long KvCacheBlocks { get; }

        /// <summary>Blocks the batch of sequences at the limit takes from the pool.</summary>
        public long KvCacheBlocksNeeded { get; }
    }
}
