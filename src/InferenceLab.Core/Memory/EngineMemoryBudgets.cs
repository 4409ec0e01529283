using System;
using System.Globalization;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The KV-cache pool an engine gives itself at start-up (issue 11): its memory fraction of the GPU, minus the
    /// deductions its rule makes, turned into whole blocks and tokens the way the engine counts them (docs/memory.md).
    /// </summary>
    public static class EngineMemoryBudgets
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        // The sampler's logits are fp32, as in StepCostModel.
        private const double LogitBytes = 4;

        /// <summary>vLLM's VLLM_FUSED_MOE_CHUNK_SIZE default: the most tokens one fused-MoE call processes.</summary>
        public const int FusedMoeChunkTokens = 32768;

        /// <summary>
        /// The budget of <paramref name="engine"/> for the deployment, with <paramref name="contextLength"/> tokens per
        /// request for the maximum concurrency. The deployment's data types, TP and PP apply; its MemoryUtilization does not
        /// (the engine's own fraction, or the one in <paramref name="settings"/>, does).
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, an engine without a memory model, or a context or setting out of range.</exception>
        public static EngineMemoryBudget Compute(Deployment deployment, EngineProfile engine, EngineMemorySettings settings, int contextLength)
        {
            var parts = Tightest(StagePools(deployment, engine, settings, contextLength));
            parts.Message = Describe(parts, engine.Name, contextLength);
            return new EngineMemoryBudget(deployment, engine.Name, engine.Memory!.Rule, contextLength, parts);
        }

        /// <summary>
        /// The longest context L per sequence such that the pool the engine sizes with max_model_len = L holds
        /// <paramref name="batchSize"/> sequences of L tokens in whole blocks on every pipeline stage; capped by
        /// <see cref="EngineMemorySettings.MaxModelLength"/> when given, else by the model's position limit. A longer
        /// max_model_len never enlarges the pool (the profiling run grows with it) and a longer sequence never takes fewer
        /// blocks, so the test is monotone and a bisection finds L.
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, an engine without a memory model, a batch or a setting out of range.</exception>
        public static EngineMaxContextResult MaxContextLength(Deployment deployment, EngineProfile engine, EngineMemorySettings settings, int batchSize)
        {
            Scenario.ValidateBatchSize(batchSize);
            settings = settings ?? EngineMemorySettings.Defaults;
            StagePools(deployment, engine, settings, 1);
            int cap = settings.MaxModelLength ?? deployment.Model.MaxPositionEmbeddings;
            bool Fits(int tokens)
            {
                foreach (var stage in StagePools(deployment, engine, settings.WithMaxModelLength(tokens), tokens))
                {
                    if (batchSize * BlocksPerSequence(stage, tokens) > stage.KvCacheBlocks)
                    {
                        return false;
                    }
                }

                return true;
            }

            EngineMaxContextResult Result(int tokens, LimitReason reason, string message)
            {
                var at = settings.WithMaxModelLength(Math.Max(1, tokens));
                var pool = Compute(deployment, engine, at, Math.Max(1, tokens));
                long needed = batchSize * BlocksPerSequence(Tightest(StagePools(deployment, engine, at, Math.Max(1, tokens))), Math.Max(1, tokens));
                return new EngineMaxContextResult(deployment, pool, batchSize, tokens, settings.MaxModelLength, tokens == 0 ? 0 : needed, reason, message);
            }

            if (!Fits(1))
            {
                var one = Compute(deployment, engine, settings.WithMaxModelLength(1), 1);
                bool weightsAlone = one.WeightBytes + one.NonTorchBytes >= one.MemoryUtilization * one.VisibleMemoryBytes;
                return Result(0, weightsAlone ? LimitReason.WeightsDoNotFit : LimitReason.Memory, weightsAlone
                    ? Format("Weights ({0:F2} GiB per GPU) and other memory ({1:F2} GiB) fill {2}'s {3:F2} GiB at MemoryUtilization {4}; no context fits. Use more GPUs (TensorParallel), a smaller weight type or a larger GPU.", one.WeightBytes / GiB, one.NonTorchBytes / GiB, engine.Name, one.MemoryUtilization * one.VisibleMemoryBytes / GiB, one.MemoryUtilization)
                    : Format("{0}'s KV pool ({1} blocks of {2} tokens) cannot hold one token for each of {3} sequences.", engine.Name, one.KvCacheBlocks, one.BlockSize, batchSize));
            }

            if (Fits(cap))
            {
                bool user = settings.MaxModelLength != null;
                return Result(cap, user ? LimitReason.MaxModelLength : LimitReason.ModelMaxPositions, user
                    ? Format("MaxModelLength {0} binds first: {1}'s KV pool holds a batch of {2} at that length.", cap, engine.Name, batchSize)
                    : Format("The model's position limit of {0} tokens binds first: {1}'s KV pool holds a batch of {2} at that length.", cap, engine.Name, batchSize));
            }

            int best = MemoryLimits.LargestFitting(1, cap, Fits);
            return Result(best, LimitReason.Memory, Format("{0}'s KV pool holds a batch of {1} at {2} tokens each; one more token each does not fit. Start it with max_model_len at most {2} for this batch.", engine.Name, batchSize, best));
        }

        /// <summary>The stage whose GPU holds the fewest tokens (the first on a tie), which the budget reports.</summary>
        private static EngineMemoryBudget.Parts Tightest(EngineMemoryBudget.Parts[] stages)
        {
            var tightest = stages[0];
            foreach (var candidate in stages)
            {
                if (candidate.KvCacheTokens < tightest.KvCacheTokens)
                {
                    tightest = candidate;
                }
            }

            return tightest;
        }

        /// <summary>
        /// Blocks one sequence of <paramref name="tokens"/> tokens takes from a stage's pool, as vLLM counts a request at
        /// start-up (its KV-cache specs' max_memory_usage_bytes): ⌈tokens ÷ block size⌉ per full-attention group, and per
        /// sliding-window group ⌈min(window − 1 + max batched tokens, tokens) ÷ block size⌉ + 1, since a chunked-prefill step
        /// may hold a window behind each of its new tokens. vLLM's log of Gemma-2-9B (tests/data, R21) bears it out.
        /// </summary>
        internal static long BlocksPerSequence(in EngineMemoryBudget.Parts pool, int tokens)
        {
            long full = ((long)tokens + pool.BlockSize - 1) / pool.BlockSize;
            long windowTokens = Math.Min(tokens, (long)pool.SlidingWindowSize - 1 + pool.MaxBatchedTokens);
            long sliding = ((windowTokens + pool.BlockSize - 1) / pool.BlockSize) + 1;
            return (pool.FullAttentionGroups * full) + (pool.SlidingWindowGroups * sliding);
        }

        /// <summary>The pool of every pipeline stage's GPU, with the settings validated and the engine's defaults applied.</summary>
        /// <exception cref="InvalidInputException">No GPU, an engine without a memory model, or a context or setting out of range.</exception>
        internal static EngineMemoryBudget.Parts[] StagePools(Deployment deployment, EngineProfile engine, EngineMemorySettings settings, int contextLength)
        {
            var hardware = deployment.RequireHardware("An engine memory budget");
            var rules = engine.Memory ?? throw new InvalidInputException("EngineHasNoMemoryBudget", "Engine",
                $"Engine '{engine.Name}' has no start-up memory budget to model; use vllm, sglang or tensorrt-llm, or leave -Engine out for the generic estimate.");
            settings = settings ?? EngineMemorySettings.Defaults;
            var model = deployment.Model;
            int maxModelLength = settings.MaxModelLength ?? model.MaxPositionEmbeddings;
            Deployment.Require(maxModelLength <= model.MaxPositionEmbeddings, "MaxModelLengthBeyondPositionLimit", "MaxModelLength", "MaxModelLength {0} exceeds {1}'s position limit of {2} tokens.", maxModelLength, model.Name, model.MaxPositionEmbeddings);
            Deployment.Require(contextLength >= 1 && contextLength <= maxModelLength, "ContextLengthOutOfRange", "ContextLength", "ContextLength must be between 1 and MaxModelLength {1}; got {0}.", contextLength, maxModelLength);

            var memory = new MemoryModel(deployment);
            var parts = new EngineMemoryBudget.Parts
            {
                MemoryUtilization = settings.MemoryUtilization ?? rules.DefaultMemoryUtilization,
                MaxBatchedTokens = settings.MaxBatchedTokens ?? rules.DefaultMaxBatchedTokens,
                MaxSequences = settings.MaxSequences ?? rules.DefaultMaxSequences,
                MaxModelLength = maxModelLength,
                EnforceEager = settings.EnforceEager,
                VisibleMemoryBytes = hardware.VisibleMemoryBytes,
                BlockSize = settings.BlockSize ?? rules.DefaultBlockSize,
                CudaGraphBytes = settings.EnforceEager ? 0 : rules.CudaGraphBytes,
                CudaGraphDeducted = rules.DeductsCudaGraphs && !settings.EnforceEager,
            };
            parts.RequestedBytes = parts.MemoryUtilization * parts.VisibleMemoryBytes;

            var stages = new EngineMemoryBudget.Parts[memory.StageCount];
            for (int stage = 0; stage < memory.StageCount; stage++)
            {
                var candidate = parts;
                Deduct(ref candidate, rules, memory, stage, deployment);
                Pool(ref candidate, memory, stage, model.SlidingWindowSize);
                stages[stage] = candidate;
            }

            return stages;
        }

        /// <summary>Each rule's deductions for one GPU of a stage, and the KV bytes that remain.</summary>
        private static void Deduct(ref EngineMemoryBudget.Parts parts, EngineMemoryModel rules, MemoryModel memory, int stage, Deployment deployment)
        {
            parts.WeightBytes = memory.WeightBytes(stage);
            double graphs = parts.CudaGraphDeducted ? parts.CudaGraphBytes : 0;
            double communication = deployment.TensorParallel > 1 ? rules.MultiGpuCommunicationBytes : 0;
            switch (rules.Rule)
            {
                case KvBudgetRule.Vllm:
                    parts.ActivationPeakBytes = ProfilingPeak(rules, memory, stage, deployment, parts);
                    parts.NonTorchBytes = rules.NonTorchBytes + communication;
                    parts.KvCacheBytes = parts.RequestedBytes - parts.WeightBytes - parts.ActivationPeakBytes - parts.NonTorchBytes - graphs;
                    break;
                case KvBudgetRule.Sglang:
                    // Activations and CUDA graphs live in the (1 − mem_fraction_static) left over, not in the pool's budget.
                    parts.RequestedBytes = parts.MemoryUtilization * parts.VisibleMemoryBytes;
                    parts.ActivationPeakBytes = 0;
                    parts.NonTorchBytes = rules.ContextBytes + communication;
                    parts.KvCacheBytes = parts.RequestedBytes - parts.WeightBytes - parts.NonTorchBytes;
                    break;
                default:
                    // TensorRT-LLM: the fraction applies to what is free once the engine and its buffers are loaded.
                    parts.ActivationPeakBytes = rules.ForwardActivationScale * memory.ActivationBytes(stage, parts.MaxBatchedTokens, 0);
                    parts.NonTorchBytes = rules.ContextBytes + communication;
                    double free = parts.VisibleMemoryBytes - parts.WeightBytes - parts.ActivationPeakBytes - parts.NonTorchBytes - graphs;
                    parts.RequestedBytes = parts.MemoryUtilization * Math.Max(0, free);
                    parts.KvCacheBytes = parts.RequestedBytes;
                    break;
            }
        }

        /// <summary>
        /// vLLM's profiling peak: a forward pass of max_num_batched_tokens tokens, then the sampler on max_num_seqs rows holding
        /// fp32 vocabulary-sized buffers. The two run one after the other, so the larger sets the peak, except that a MoE
        /// model's fused-expert workspaces stay cached and are still held while the sampler runs.
        /// </summary>
        private static double ProfilingPeak(EngineMemoryModel rules, MemoryModel memory, int stage, Deployment deployment, in EngineMemoryBudget.Parts parts)
        {
            double tokens = Math.Min(parts.MaxBatchedTokens, (double)parts.MaxSequences * parts.MaxModelLength);
            double forward = rules.ForwardActivationScale * memory.ActivationBytes(stage, tokens, 0);
            double sampler = memory.Stage(stage).IsLast
                ? rules.SamplerLogitBuffers * parts.MaxSequences * deployment.Model.VocabularySize * LogitBytes
                : 0;
            return Math.Max(forward, sampler + ExpertWorkspaceBytes(memory, stage, deployment, tokens));
        }

        /// <summary>
        /// The fused-MoE kernel's workspaces for one chunk of tokens: tokens × top-k × (max(2·N, H) + N) elements, with N the
        /// expert width on one GPU and H the hidden size (vLLM's fused_moe intermediate caches; chunks of at most
        /// <see cref="FusedMoeChunkTokens"/> tokens).
        /// </summary>
        private static double ExpertWorkspaceBytes(MemoryModel memory, int stage, Deployment deployment, double tokens)
        {
            var model = deployment.Model;
            if (memory.Stage(stage).MoeLayers == 0)
            {
                return 0;
            }

            double chunk = Math.Min(tokens, FusedMoeChunkTokens);
            double width = (double)model.ExpertIntermediateSize / deployment.TensorParallel;
            return chunk * model.ExpertsPerToken * (Math.Max(2 * width, model.HiddenSize) + width) * deployment.ActivationType.BytesPerElement();
        }

        /// <summary>
        /// Whole blocks of the pool. Layers of one attention kind share a block ("KV-cache group"); with sliding-window and
        /// full layers both present, vLLM forms groups of as many layers as the smaller kind has and lets them share one pool,
        /// so a block holds block-size tokens of one group and the printed token count is blocks × block size ÷ groups.
        /// </summary>
        private static void Pool(ref EngineMemoryBudget.Parts parts, MemoryModel memory, int stage, int slidingWindowSize)
        {
            var layers = memory.Stage(stage);
            double perLayer = memory.KvCacheBytesPerTokenPerLayer;
            int groupLayers = layers.Layers;
            parts.FullAttentionGroups = layers.SlidingLayers > 0 ? 0 : 1;
            parts.SlidingWindowGroups = layers.SlidingLayers > 0 ? 1 : 0;
            if (layers.SlidingLayers > 0 && layers.FullLayers > 0)
            {
                groupLayers = Math.Min(layers.SlidingLayers, layers.FullLayers);
                parts.SlidingWindowGroups = (layers.SlidingLayers + groupLayers - 1) / groupLayers;
                parts.FullAttentionGroups = (layers.FullLayers + groupLayers - 1) / groupLayers;
            }

            int groups = parts.FullAttentionGroups + parts.SlidingWindowGroups;
            parts.SlidingWindowSize = slidingWindowSize;
            parts.KvCacheGroups = groups;
            parts.KvCacheBytesPerToken = layers.Layers * perLayer;
            double kv = Math.Max(0, parts.KvCacheBytes);
            parts.KvCacheBytes = kv;
            double blockBytes = parts.BlockSize * groupLayers * perLayer;
            parts.KvCacheBlocks = blockBytes > 0 ? (long)Math.Floor(kv / blockBytes) : 0;
            parts.KvCacheTokens = parts.KvCacheBlocks * parts.BlockSize / groups;
        }

        private static string Describe(in EngineMemoryBudget.Parts p, string engine, int contextLength)
        {
            if (p.KvCacheTokens == 0)
            {
                return Format("{0} has no room for a KV cache: weights {1:F2} GiB, activations {2:F2} GiB and other memory {3:F2} GiB leave nothing of the {4:F2} GiB at MemoryUtilization {5}. Raise MemoryUtilization, use more GPUs or a smaller weight type.",
                    engine, p.WeightBytes / GiB, p.ActivationPeakBytes / GiB, p.NonTorchBytes / GiB, p.RequestedBytes / GiB, p.MemoryUtilization);
            }

            string pool = Format("KV cache {0:F2} GiB: {1} tokens in {2} blocks; {3:F2} requests of {4} tokens at once.", p.KvCacheBytes / GiB, p.KvCacheTokens, p.KvCacheBlocks, (double)p.KvCacheTokens / contextLength, contextLength);
            return p.KvCacheTokens < p.MaxModelLength
                ? pool + Format(" Fewer tokens than MaxModelLength {0}: {1} would refuse to start; lower MaxModelLength or raise MemoryUtilization.", p.MaxModelLength, engine)
                : pool;
        }

        private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
