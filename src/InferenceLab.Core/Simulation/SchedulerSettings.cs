using System;
using System.Globalization;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// The simulated scheduler's limits, named as vLLM names them: at most <see cref="MaxNumSeqs"/> running sequences and
    /// <see cref="MaxBatchedTokens"/> tokens per iteration (chunked prefill), a paged KV cache of
    /// <see cref="BlockSize"/>-token blocks, and the order in which waiting requests are admitted.
    /// </summary>
    public sealed class SchedulerSettings
    {
        /// <summary>
        /// Default running-sequence limit: 256, vLLM's max_num_seqs for the OpenAI server below 70 GiB and on A100s
        /// (EngineArgs.get_batch_defaults, vLLM 0.9–0.11; 1024 on larger GPUs).
        /// </summary>
        public const int DefaultMaxNumSeqs = 256;

        /// <summary>
        /// Default token budget per iteration: 8192, vLLM's max_num_batched_tokens for the OpenAI server on GPUs of 70 GiB
        /// or more other than the A100 (EngineArgs.get_batch_defaults; 2048 on smaller GPUs, 16384 for offline LLM use).
        /// </summary>
        public const int DefaultMaxBatchedTokens = 8192;

        /// <summary>Default KV block: 16 tokens, vLLM's CacheConfig.block_size on CUDA.</summary>
        public const int DefaultBlockSize = 16;

        /// <summary>Largest accepted running-sequence limit.</summary>
        public const int MaxAcceptedSequences = 1_000_000;

        /// <summary>Largest accepted token budget per iteration.</summary>
        public const int MaxAcceptedBatchedTokens = 100_000_000;

        /// <summary>Largest accepted block size, tokens.</summary>
        public const int MaxAcceptedBlockSize = 1_048_576;

        /// <summary>Creates scheduler settings.</summary>
        /// <param name="maxNumSeqs">Most sequences running (holding KV) at once.</param>
        /// <param name="maxBatchedTokens">Most tokens one iteration processes; at least <paramref name="maxNumSeqs"/> so every running sequence can decode. 0 means <see cref="DefaultMaxBatchedTokens"/>: a simulated server always has a budget, and 0 is the "no limit" default the other cmdlets' -MaxBatchedTokens share.</param>
        /// <param name="blockSize">Tokens per KV-cache block.</param>
        /// <param name="policy">The order in which waiting requests are admitted.</param>
        /// <exception cref="InvalidInputException">A value out of range, or a token budget below the sequence limit.</exception>
        public SchedulerSettings(
            int maxNumSeqs = DefaultMaxNumSeqs,
            int maxBatchedTokens = DefaultMaxBatchedTokens,
            int blockSize = DefaultBlockSize,
            SchedulingPolicy policy = SchedulingPolicy.FirstComeFirstServed)
        {
            if (maxBatchedTokens == 0)
            {
                maxBatchedTokens = DefaultMaxBatchedTokens;
            }

            Deployment.Require(maxNumSeqs >= 1 && maxNumSeqs <= MaxAcceptedSequences, "MaxNumSeqsOutOfRange", "MaxNumSeqs", "MaxNumSeqs must be between 1 and {1}; got {0}.", maxNumSeqs, MaxAcceptedSequences);
            Deployment.Require(maxBatchedTokens >= 1 && maxBatchedTokens <= MaxAcceptedBatchedTokens, "MaxBatchedTokensOutOfRange", "MaxBatchedTokens", "MaxBatchedTokens must be between 1 and {1}; got {0}.", maxBatchedTokens, MaxAcceptedBatchedTokens);
            Deployment.Require(maxBatchedTokens >= maxNumSeqs, "MaxBatchedTokensBelowMaxNumSeqs", "MaxBatchedTokens", "MaxBatchedTokens {0} is below MaxNumSeqs {1}: every running sequence needs one token of the budget per iteration (vLLM rejects this too).", maxBatchedTokens, maxNumSeqs);
            Deployment.Require(blockSize >= 1 && blockSize <= MaxAcceptedBlockSize, "BlockSizeOutOfRange", "BlockSize", "BlockSize must be between 1 and {1} tokens; got {0}.", blockSize, MaxAcceptedBlockSize);
            Deployment.Require(Enum.IsDefined(typeof(SchedulingPolicy), policy), "SchedulingPolicyUnknown", "SchedulingPolicy", "SchedulingPolicy {0} is not one of FirstComeFirstServed, ShortestPromptFirst.", policy);
            MaxNumSeqs = maxNumSeqs;
            MaxBatchedTokens = maxBatchedTokens;
            BlockSize = blockSize;
            Policy = policy;
        }

        /// <summary>Most sequences running at once (vLLM's max_num_seqs).</summary>
        public int MaxNumSeqs { get; }

        /// <summary>Most tokens one iteration processes (vLLM's max_num_batched_tokens).</summary>
        public int MaxBatchedTokens { get; }

        /// <summary>Tokens per KV-cache block.</summary>
        public int BlockSize { get; }

        /// <summary>The admission order of waiting requests.</summary>
        public SchedulingPolicy Policy { get; }

        /// <summary>Reads a policy name: <c>fcfs</c> or <c>FirstComeFirstServed</c>, <c>spf</c> or <c>ShortestPromptFirst</c>, any case.</summary>
        /// <exception cref="InvalidInputException">Any other text.</exception>
        public static SchedulingPolicy ParsePolicy(string text)
        {
            string name = (text ?? string.Empty).Trim().ToLowerInvariant();
            switch (name)
            {
                case "fcfs":
                case "firstcomefirstserved":
                    return SchedulingPolicy.FirstComeFirstServed;
                case "spf":
                case "shortestpromptfirst":
                    return SchedulingPolicy.ShortestPromptFirst;
                default:
                    throw new InvalidInputException("SchedulingPolicyUnknown", "SchedulingPolicy", string.Format(CultureInfo.InvariantCulture, "SchedulingPolicy '{0}' is not one of fcfs (FirstComeFirstServed), spf (ShortestPromptFirst).", text));
            }
        }
    }
}
