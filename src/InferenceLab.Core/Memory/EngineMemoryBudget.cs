namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The KV-cache pool an engine gives itself at start-up on one GPU (the tightest pipeline stage), every deduction by
    /// name, and how many requests of a length it can hold at once. Bytes throughout; tokens as the engine prints them.
    /// </summary>
    public sealed class EngineMemoryBudget
    {
        internal EngineMemoryBudget(Deployment deployment, string engine, KvBudgetRule rule, int contextLength, Parts parts)
        {
            ModelName = deployment.Model.Name;
            HardwareName = deployment.Hardware!.Name;
            Engine = engine;
            Rule = rule;
            ContextLength = contextLength;
            WeightType = deployment.WeightFormat.Type;
            WeightGroupSize = deployment.WeightFormat.GroupSize;
            KvCacheType = deployment.KvCacheType;
            ActivationType = deployment.ActivationType;
            TensorParallel = deployment.TensorParallel;
            PipelineParallel = deployment.PipelineParallel;
            MemoryUtilization = parts.MemoryUtilization;
            MaxBatchedTokens = parts.MaxBatchedTokens;
            MaxSequences = parts.MaxSequences;
            MaxModelLength = parts.MaxModelLength;
            EnforceEager = parts.EnforceEager;
            VisibleMemoryBytes = parts.VisibleMemoryBytes;
            RequestedBytes = parts.RequestedBytes;
            WeightBytes = parts.WeightBytes;
            ActivationPeakBytes = parts.ActivationPeakBytes;
            NonTorchBytes = parts.NonTorchBytes;
            CudaGraphBytes = parts.CudaGraphBytes;
            CudaGraphDeducted = parts.CudaGraphDeducted;
            KvCacheBytes = parts.KvCacheBytes;
            KvCacheBytesPerToken = parts.KvCacheBytesPerToken;
            BlockSize = parts.BlockSize;
            KvCacheGroups = parts.KvCacheGroups;
            KvCacheBlocks = parts.KvCacheBlocks;
            KvCacheTokens = parts.KvCacheTokens;
            MaxConcurrency = contextLength > 0 ? (double)parts.KvCacheTokens / contextLength : 0;
            FitsMaxModelLength = parts.KvCacheTokens >= parts.MaxModelLength;
            Message = parts.Message;
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Engine profile name.</summary>
        public string Engine { get; }

        /// <summary>How the engine sizes its pool.</summary>
        public KvBudgetRule Rule { get; }

        /// <summary>Tokens per request for <see cref="MaxConcurrency"/>.</summary>
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

        /// <summary>The memory fraction applied.</summary>
        public double MemoryUtilization { get; }

        /// <summary>Tokens of the profiling step.</summary>
        public int MaxBatchedTokens { get; }

        /// <summary>Sequences of the sampler's profiling batch.</summary>
        public int MaxSequences { get; }

        /// <summary>The longest sequence served, tokens.</summary>
        public int MaxModelLength { get; }

        /// <summary>True when CUDA graphs are not captured.</summary>
        public bool EnforceEager { get; }

        /// <summary>Memory the driver reports for the GPU, bytes.</summary>
        public double VisibleMemoryBytes { get; }

        /// <summary>The engine's share: fraction × memory (vLLM's "requested memory"), bytes.</summary>
        public double RequestedBytes { get; }

        /// <summary>Weights on one GPU as the engine shards them, bytes.</summary>
        public double WeightBytes { get; }

        /// <summary>Activation peak of the engine's profiling run (forward or sampler, whichever is larger), bytes; 0 when the rule keeps activations outside the budget.</summary>
        public double ActivationPeakBytes { get; }

        /// <summary>Memory outside the framework deducted (CUDA context growth, NCCL buffers with TP above 1), bytes.</summary>
        public double NonTorchBytes { get; }

        /// <summary>The CUDA-graph pool, bytes (0 in eager mode).</summary>
        public double CudaGraphBytes { get; }

        /// <summary>True when the CUDA-graph pool was subtracted from the budget (vLLM 0.19 captures after sizing, so not).</summary>
        public bool CudaGraphDeducted { get; }

        /// <summary>The KV-cache pool on one GPU, bytes.</summary>
        public double KvCacheBytes { get; }

        /// <summary>KV bytes per token the engine counts on one GPU (every layer, as vLLM reports its token capacity).</summary>
        public double KvCacheBytesPerToken { get; }

        /// <summary>Tokens per block.</summary>
        public int BlockSize { get; }

        /// <summary>KV-cache groups sharing the block pool (2 for alternating sliding-window and full layers).</summary>
        public int KvCacheGroups { get; }

        /// <summary>Blocks in the pool.</summary>
        public long KvCacheBlocks { get; }

        /// <summary>Tokens the pool holds, as the engine prints them: blocks × block size ÷ groups.</summary>
        public long KvCacheTokens { get; }

        /// <summary>Requests of <see cref="ContextLength"/> tokens the pool holds at once: tokens ÷ context.</summary>
        public double MaxConcurrency { get; }

        /// <summary>True when one request of <see cref="MaxModelLength"/> fits (vLLM refuses to start otherwise).</summary>
        public bool FitsMaxModelLength { get; }

        /// <summary>A sentence on the result: what limits it, or why nothing fits.</summary>
        public string Message { get; }

        internal struct Parts
        {
            public double MemoryUtilization;
            public int MaxBatchedTokens;
            public int MaxSequences;
            public int MaxModelLength;
            public bool EnforceEager;
            public double VisibleMemoryBytes;
            public double RequestedBytes;
            public double WeightBytes;
            public double ActivationPeakBytes;
            public double NonTorchBytes;
            public double CudaGraphBytes;
            public bool CudaGraphDeducted;
            public double KvCacheBytes;
            public double KvCacheBytesPerToken;
            public int BlockSize;
            public int KvCacheGroups;
            public long KvCacheBlocks;
            public long KvCacheTokens;
            public int FullAttentionGroups;
            public int SlidingWindowGroups;
            public int SlidingWindowSize;
            public string Message;
        }
    }
}
