namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// An engine's memory budget: its rule, defaults and the physical constants behind its deductions. The constants of the
    /// vLLM model are fitted to vLLM's own start-up logs (docs/memory.md); the others come from the engines' documentation.
    /// </summary>
    public sealed class EngineMemoryModel
    {
        /// <summary>Creates an engine memory model.</summary>
        /// <param name="rule">How the engine sizes its KV pool.</param>
        /// <param name="defaultMemoryUtilization">The engine's default fraction (gpu_memory_utilization, mem_fraction_static, free_gpu_memory_fraction).</param>
        /// <param name="defaultBlockSize">Tokens per KV block (page) by default.</param>
        /// <param name="defaultMaxBatchedTokens">Tokens per step by default (max_num_batched_tokens, chunked_prefill_size, max_num_tokens).</param>
        /// <param name="defaultMaxSequences">Concurrent sequences by default (max_num_seqs, max_running_requests, max_batch_size).</param>
        /// <param name="samplerLogitBuffers">fp32 vocabulary-sized buffers per sequence the sampler holds at its peak (logits, probabilities, log-probabilities, sorting).</param>
        /// <param name="forwardActivationScale">The forward pass's allocator peak over the working set InferenceLab counts (caching allocator rounding, temporaries).</param>
        /// <param name="nonTorchBytes">Memory outside the framework that grows during the forward pass on one GPU, bytes.</param>
        /// <param name="multiGpuCommunicationBytes">Extra memory outside the framework with TP above 1 (NCCL and custom all-reduce buffers), bytes.</param>
        /// <param name="contextBytes">The CUDA context before anything is loaded, bytes.</param>
        /// <param name="cudaGraphBytes">The CUDA-graph pool captured after start-up, bytes (0 in eager mode).</param>
        /// <param name="deductsCudaGraphs">True when the engine subtracts the CUDA-graph pool from the KV budget.</param>
        /// <param name="source">Where the rule and constants come from.</param>
        public EngineMemoryModel(KvBudgetRule rule, double defaultMemoryUtilization, int defaultBlockSize, int defaultMaxBatchedTokens, int defaultMaxSequences,
            double samplerLogitBuffers, double forwardActivationScale, double nonTorchBytes, double multiGpuCommunicationBytes, double contextBytes,
            double cudaGraphBytes, bool deductsCudaGraphs, string source)
        {
            Rule = rule;
            DefaultMemoryUtilization = defaultMemoryUtilization;
            DefaultBlockSize = defaultBlockSize;
            DefaultMaxBatchedTokens = defaultMaxBatchedTokens;
            DefaultMaxSequences = defaultMaxSequences;
            SamplerLogitBuffers = samplerLogitBuffers;
            ForwardActivationScale = forwardActivationScale;
            NonTorchBytes = nonTorchBytes;
            MultiGpuCommunicationBytes = multiGpuCommunicationBytes;
            ContextBytes = contextBytes;
            CudaGraphBytes = cudaGraphBytes;
            DeductsCudaGraphs = deductsCudaGraphs;
            Source = source;
        }

        /// <summary>How the engine sizes its KV pool.</summary>
        public KvBudgetRule Rule { get; }

        /// <summary>The engine's default memory fraction.</summary>
        public double DefaultMemoryUtilization { get; }

        /// <summary>Tokens per KV block by default.</summary>
        public int DefaultBlockSize { get; }

        /// <summary>Tokens per step by default.</summary>
        public int DefaultMaxBatchedTokens { get; }

        /// <summary>Concurrent sequences by default.</summary>
        public int DefaultMaxSequences { get; }

        /// <summary>fp32 vocabulary-sized buffers per sequence at the sampler's peak.</summary>
        public double SamplerLogitBuffers { get; }

        /// <summary>Allocator peak of the forward pass over InferenceLab's working set.</summary>
        public double ForwardActivationScale { get; }

        /// <summary>Memory outside the framework added by the forward pass on one GPU, bytes.</summary>
        public double NonTorchBytes { get; }

        /// <summary>Extra memory outside the framework with TP above 1, bytes.</summary>
        public double MultiGpuCommunicationBytes { get; }

        /// <summary>The CUDA context, bytes.</summary>
        public double ContextBytes { get; }

        /// <summary>The CUDA-graph pool, bytes.</summary>
        public double CudaGraphBytes { get; }

        /// <summary>True when the CUDA-graph pool is subtracted from the KV budget.</summary>
        public bool DeductsCudaGraphs { get; }

        /// <summary>Where the rule and constants come from.</summary>
        public string Source { get; }
    }
}
