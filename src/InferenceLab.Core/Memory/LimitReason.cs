namespace InferenceLab.Core.Memory
{
    /// <summary>What limits a maximum context length or batch size (DESIGN §5).</summary>
    public enum LimitReason
    {
        /// <summary>GPU memory: one more token (or sequence) would not fit.</summary>
        Memory,

        /// <summary>The model's position limit (max_position_embeddings).</summary>
        ModelMaxPositions,

        /// <summary>Weights and the runtime reserve alone exceed the usable memory; the limit is 0.</summary>
        WeightsDoNotFit,

        /// <summary>InferenceLab's largest accepted batch size.</summary>
        BatchSizeCap,

        /// <summary>The engine's MaxModelLength (vLLM's max_model_len) the user set.</summary>
        MaxModelLength,
    }
}
