namespace InferenceLab.Core.Cost
{
    /// <summary>FLOPs and bytes of one operator of a step on one GPU, summed over the layers it runs in.</summary>
    public sealed class OperatorCost
    {
        internal OperatorCost(StepCost step, OperatorKind kind, int layerCount, in OperatorWork work)
        {
            Step = step;
            Operator = kind;
            LayerCount = layerCount;
            Flops = work.Flops;
            WeightBytesRead = work.WeightBytesRead;
            KvCacheBytesRead = work.KvCacheBytesRead;
            KvCacheBytesWritten = work.KvCacheBytesWritten;
            BytesRead = work.BytesRead;
            BytesWritten = work.BytesWritten;
        }

        /// <summary>The step this operator belongs to.</summary>
        internal StepCost Step { get; }

        /// <summary>Model name.</summary>
        public string ModelName => Step.ModelName;

        /// <summary>GPU name, or empty.</summary>
        public string HardwareName => Step.HardwareName;

        /// <summary>Prefill or decode.</summary>
        public Phase Phase => Step.Phase;

        /// <summary>Sequences in the step.</summary>
        public int BatchSize => Step.BatchSize;

        /// <summary>Prompt tokens per sequence of the scenario.</summary>
        public int InputLength => Step.InputLength;

        /// <summary>Tokens each sequence processes in the step.</summary>
        public int NewTokens => Step.NewTokens;

        /// <summary>Tokens cached per sequence before the step.</summary>
        public int ContextLength => Step.ContextLength;

        /// <summary>Weight element type.</summary>
        public DataType WeightType => Step.WeightType;

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize => Step.WeightGroupSize;

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType => Step.KvCacheType;

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType => Step.ActivationType;

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel => Step.TensorParallel;

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel => Step.PipelineParallel;

        /// <summary>The operator.</summary>
        public OperatorKind Operator { get; }

        /// <summary>Layers the operator runs in (1 for once-per-step operators).</summary>
        public int LayerCount { get; }

        /// <summary>Floating-point operations, FLOPs.</summary>
        public double Flops { get; }

        /// <summary>Bytes read from memory: weights, KV cache and activations.</summary>
        public double BytesRead { get; }

        /// <summary>Bytes written to memory: KV cache and activations.</summary>
        public double BytesWritten { get; }

        /// <summary>Bytes of weights read.</summary>
        public double WeightBytesRead { get; }

        /// <summary>Bytes of KV cache read.</summary>
        public double KvCacheBytesRead { get; }

        /// <summary>Bytes of KV cache written.</summary>
        public double KvCacheBytesWritten { get; }

        /// <summary>FLOPs per byte moved; 0 when nothing moves.</summary>
        public double ArithmeticIntensityFlopsPerByte => BytesRead + BytesWritten > 0 ? Flops / (BytesRead + BytesWritten) : 0;
    }
}
