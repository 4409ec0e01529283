namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The start-up settings that decide an engine's KV budget; a null value means the engine's default. Names follow the
    /// cmdlet parameters; vLLM calls them gpu_memory_utilization, max_num_batched_tokens, max_num_seqs, max_model_len,
    /// block_size and enforce_eager.
    /// </summary>
    public sealed class EngineMemorySettings
    {
        /// <summary>Creates settings.</summary>
        /// <exception cref="InvalidInputException">A value out of range.</exception>
        public EngineMemorySettings(double? memoryUtilization = null, int? maxBatchedTokens = null, int? maxSequences = null, int? maxModelLength = null, int? blockSize = null, bool enforceEager = false)
        {
            Deployment.Require(memoryUtilization == null || (memoryUtilization > 0 && memoryUtilization <= 1), "MemoryUtilizationOutOfRange", "MemoryUtilization", "MemoryUtilization must be greater than 0 and at most 1; got {0}.", memoryUtilization ?? 0);
            Deployment.Require(maxBatchedTokens == null || maxBatchedTokens >= 1, "MaxBatchedTokensNotPositive", "MaxBatchedTokens", "MaxBatchedTokens must be at least 1; got {0}.", maxBatchedTokens ?? 0);
            Deployment.Require(maxSequences == null || maxSequences >= 1, "MaxSequencesNotPositive", "MaxSequences", "MaxSequences must be at least 1; got {0}.", maxSequences ?? 0);
            Deployment.Require(maxModelLength == null || maxModelLength >= 1, "MaxModelLengthNotPositive", "MaxModelLength", "MaxModelLength must be at least 1 token; got {0}.", maxModelLength ?? 0);
            Deployment.Require(blockSize == null || (blockSize >= 1 && blockSize <= 1_000_000), "BlockSizeOutOfRange", "BlockSize", "BlockSize must be between 1 and 1000000 tokens; got {0}.", blockSize ?? 0);
            MemoryUtilization = memoryUtilization;
            MaxBatchedTokens = maxBatchedTokens;
            MaxSequences = maxSequences;
            MaxModelLength = maxModelLength;
            BlockSize = blockSize;
            EnforceEager = enforceEager;
        }

        /// <summary>The engine defaults.</summary>
        public static EngineMemorySettings Defaults { get; } = new EngineMemorySettings();

        /// <summary>Fraction of memory for the engine, or null for its default.</summary>
        public double? MemoryUtilization { get; }

        /// <summary>Tokens per step (the profiling run's size), or null for the default.</summary>
        public int? MaxBatchedTokens { get; }

        /// <summary>Concurrent sequences (the sampler's profiling batch), or null for the default.</summary>
        public int? MaxSequences { get; }

        /// <summary>The longest sequence served, or null for the model's position limit.</summary>
        public int? MaxModelLength { get; }

        /// <summary>Tokens per KV block, or null for the engine's default.</summary>
        public int? BlockSize { get; }

        /// <summary>True when CUDA graphs are not captured.</summary>
        public bool EnforceEager { get; }

        /// <summary>These settings with another MaxModelLength, tokens.</summary>
        internal EngineMemorySettings WithMaxModelLength(int maxModelLength) =>
            new EngineMemorySettings(MemoryUtilization, MaxBatchedTokens, MaxSequences, maxModelLength, BlockSize, EnforceEager);
    }
}
