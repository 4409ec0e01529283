using System;
using System.Globalization;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// The paged KV cache a simulated server gets, sized as vLLM sizes it after its profiling run: on each GPU, the usable
    /// fraction of memory less the weights, the runtime reserve and the activations of the largest iteration the scheduler
    /// can form (MaxBatchedTokens tokens, up to MaxNumSeqs sampled rows), divided by the KV bytes per token of every
    /// layer the GPU holds. The tightest pipeline stage sets the number of blocks. With an engine that has a start-up memory
    /// model, the cache is instead that engine's pool (EngineMemoryBudgets) under the scheduler's settings.
    /// </summary>
    internal sealed class KvBlockCapacity
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        private KvBlockCapacity(long blocks, int blockSize, double bytesPerToken)
        {
            Blocks = blocks;
            BlockSize = blockSize;
            BytesPerToken = bytesPerToken;
        }

        /// <summary>Blocks in the cache.</summary>
        public long Blocks { get; }

        /// <summary>Tokens per block.</summary>
        public int BlockSize { get; }

        /// <summary>KV bytes per token on one GPU of the stage that sets the capacity.</summary>
        public double BytesPerToken { get; }

        /// <summary>Tokens the cache holds: blocks × block size.</summary>
        public long CapacityTokens => Blocks * BlockSize;

        /// <summary>Bytes per GPU of the binding stage that <paramref name="blocks"/> blocks occupy.</summary>
        public double BytesOf(double blocks) => blocks * BlockSize * BytesPerToken;

        /// <summary>
        /// Sizes the cache of a deployment under scheduler settings: the start-up pool of <paramref name="engine"/> when it
        /// has a memory model, else the generic rule.
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, or not even one block fits.</exception>
        public static KvBlockCapacity For(Deployment deployment, SchedulerSettings scheduler, EngineProfile? engine = null)
        {
            if (engine?.Memory != null)
            {
                return ForEngine(deployment, scheduler, engine);
            }


            var hardware = deployment.RequireHardware("A serving simulation");
            var memory = new MemoryModel(deployment);
            double usable = memory.UsableBytes;
            double stepTokens = scheduler.MaxBatchedTokens;
            double logitRows = Math.Min(scheduler.MaxNumSeqs, scheduler.MaxBatchedTokens);

            long tokens = long.MaxValue;
            double bytesPerToken = 0;
            double tightestBudget = 0;
            for (int stage = 0; stage < memory.StageCount; stage++)
            {
                double budget = usable - memory.WeightBytes(stage) - memory.ReserveBytes - memory.ActivationBytes(stage, stepTokens, logitRows);
                double perToken = memory.KvCacheBytesPerToken(stage);
                long stageTokens = KvCache.CapacityTokens(budget, perToken);
                if (stageTokens < tokens)
                {
                    tokens = stageTokens;
                    bytesPerToken = perToken;
                    tightestBudget = budget;
                }
            }

            long blocks = tokens / scheduler.BlockSize;
            if (blocks < 1)
            {
                string message = string.Format(
                    CultureInfo.InvariantCulture,
                    "No KV-cache block of {0} tokens fits on {1}: {2:F2} GiB usable per GPU (MemoryUtilization {3}) less weights, the {4:F2} GiB reserve and the activations of a {5}-token iteration leave {6:F2} GiB. Use more GPUs, a smaller weight or KV type, a higher MemoryUtilization or a smaller MaxBatchedTokens.",
                    scheduler.BlockSize,
                    hardware.Name,
                    usable / GiB,
                    deployment.MemoryUtilization,
                    memory.ReserveBytes / GiB,
                    scheduler.MaxBatchedTokens,
                    tightestBudget / GiB);
                throw new InvalidInputException("KvCacheDoesNotFit", "MemoryUtilization", message);
            }

            return new KvBlockCapacity(blocks, scheduler.BlockSize, bytesPerToken);
        }

        /// <summary>
        /// The engine's start-up pool, computed by EngineMemoryBudgets (the one place its rule lives) with the scheduler's
        /// max_num_batched_tokens, max_num_seqs and block size, the deployment's MemoryUtilization, and max_model_len the
        /// model's position limit (the simulator has no setting for it; in vLLM's rule it only caps the profiling run at
        /// max_num_seqs × max_model_len tokens, which is far above max_num_batched_tokens at any realistic setting).
        /// </summary>
        private static KvBlockCapacity ForEngine(Deployment deployment, SchedulerSettings scheduler, EngineProfile engine)
        {
            var settings = new EngineMemorySettings(deployment.MemoryUtilization, scheduler.MaxBatchedTokens, scheduler.MaxNumSeqs, maxModelLength: null, scheduler.BlockSize);
            var budget = EngineMemoryBudgets.Compute(deployment, engine, settings, contextLength: 1);

            // The budget reports the tightest stage. Its KvCacheTokens counts tokens as vLLM prints them: as if every layer
            // stored every token (for a hybrid sliding-window model, blocks × block size ÷ KV-cache groups, since the groups
            // share one pool). A simulator block holds block-size tokens of every layer of the stage, so that figure divided by
            // the block size is the number of simulator blocks; this treats window layers as holding every token, as the
            // engine's printed capacity does.
            long blocks = budget.KvCacheTokens / scheduler.BlockSize;
            if (blocks < 1)
            {
                string message = string.Format(
                    CultureInfo.InvariantCulture,
                    "No KV-cache block of {0} tokens fits in {1}'s start-up pool on {2}: {3} Use more GPUs, a smaller weight or KV type, a higher MemoryUtilization or smaller MaxBatchedTokens and MaxNumSeqs.",
                    scheduler.BlockSize,
                    engine.Name,
                    budget.HardwareName,
                    budget.Message);
                throw new InvalidInputException("KvCacheDoesNotFit", "MemoryUtilization", message);
            }

            return new KvBlockCapacity(blocks, scheduler.BlockSize, budget.KvCacheBytesPerToken);
        }
    }
}
