using System.Collections.Generic;

namespace InferenceLab.Core.Cost
{
    /// <summary>
    /// FLOPs and bytes of one forward step (DESIGN §4) on one GPU of the tensor-parallel group, summed over all
    /// layers the step passes through (with pipeline parallelism, over every stage in turn). At TP 1 this is
    /// the whole model; <see cref="ModelFlops"/> is always the whole model's work.
    /// </summary>
    public sealed class StepCost
    {
        private readonly List<OperatorCost> operators = new List<OperatorCost>(StepCostModel.OperatorCount);

        internal StepCost(Scenario scenario, Phase phase, int newTokens, int contextLength, OperatorWork[] work, double modelFlops, double allReduceBytes, int allReduceCount)
        {
            var model = scenario.Model;
            ModelName = model.Name;
            HardwareName = scenario.Hardware?.Name ?? string.Empty;
            Phase = phase;
            BatchSize = scenario.BatchSize;
            InputLength = scenario.InputLength;
            NewTokens = newTokens;
            ContextLength = contextLength;
            WeightType = scenario.WeightFormat.Type;
            WeightGroupSize = scenario.WeightFormat.GroupSize;
            KvCacheType = scenario.KvCacheType;
            ActivationType = scenario.ActivationType;
            TensorParallel = scenario.TensorParallel;
            PipelineParallel = scenario.PipelineParallel;
            ModelFlops = modelFlops;
            AllReduceBytes = allReduceBytes;
            AllReduceCount = allReduceCount;

            for (int i = 0; i < work.Length; i++)
            {
                var kind = (OperatorKind)i;
                Flops += work[i].Flops;
                BytesRead += work[i].BytesRead;
                BytesWritten += work[i].BytesWritten;
                WeightBytesRead += work[i].WeightBytesRead;
                KvCacheBytesRead += work[i].KvCacheBytesRead;
                KvCacheBytesWritten += work[i].KvCacheBytesWritten;
                int layers = LayersOf(model, kind);
                if (layers > 0)
                {
                    operators.Add(new OperatorCost(this, kind, layers, work[i]));
                }
            }
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name, or empty when the cost was asked without one.</summary>
        public string HardwareName { get; }

        /// <summary>Prefill or decode.</summary>
        public Phase Phase { get; }

        /// <summary>Sequences in the step (B).</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence of the scenario.</summary>
        public int InputLength { get; }

        /// <summary>Tokens each sequence processes in this step (S).</summary>
        public int NewTokens { get; }

        /// <summary>Tokens each sequence had cached before the step (C).</summary>
        public int ContextLength { get; }

        /// <summary>Weight element type.</summary>
        public DataType WeightType { get; }

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize { get; }

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType { get; }

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType { get; }

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel { get; }

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel { get; }

        /// <summary>FLOPs on one GPU of the TP group, FLOPs.</summary>
        public double Flops { get; }

        /// <summary>FLOPs of the whole model for this step, all GPUs together, FLOPs.</summary>
        public double ModelFlops { get; }

        /// <summary>Bytes read on one GPU.</summary>
        public double BytesRead { get; }

        /// <summary>Bytes written on one GPU.</summary>
        public double BytesWritten { get; }

        /// <summary>Bytes of weights read on one GPU.</summary>
        public double WeightBytesRead { get; }

        /// <summary>Bytes of KV cache read on one GPU.</summary>
        public double KvCacheBytesRead { get; }

        /// <summary>Bytes of KV cache written on one GPU.</summary>
        public double KvCacheBytesWritten { get; }

        /// <summary>FLOPs per byte moved on one GPU.</summary>
        public double ArithmeticIntensityFlopsPerByte => BytesRead + BytesWritten > 0 ? Flops / (BytesRead + BytesWritten) : 0;

        /// <summary>Tensor-parallel all-reduces in the step (two per layer; 0 at TP 1).</summary>
        public int AllReduceCount { get; }

        /// <summary>Bytes each GPU contributes to all-reduces in the step (B·S·H per all-reduce).</summary>
        public double AllReduceBytes { get; }

        /// <summary>The operators this model has (no router on a dense model, no sliding-window attention without a window), in execution order.</summary>
        public IReadOnlyList<OperatorCost> Operators => operators;

        private static int LayersOf(Models.ModelSpec model, OperatorKind kind)
        {
            switch (kind)
            {
                case OperatorKind.Attention: return model.FullAttentionLayerCount;
                case OperatorKind.SlidingWindowAttention: return model.SlidingWindowLayerCount;
                case OperatorKind.Mlp: return model.LayerCount - model.MoeLayerCount;
                case OperatorKind.Router:
                case OperatorKind.RoutedExperts:
                case OperatorKind.SharedExperts: return model.MoeLayerCount;
                case OperatorKind.Embedding:
                case OperatorKind.LmHead: return 1;
                default: return model.LayerCount;
            }
        }
    }
}
