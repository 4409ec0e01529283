namespace InferenceLab.Core.Cost
{
    /// <summary>The operators of a forward step (DESIGN §4), each summed over the layers it runs in.</summary>
    public enum OperatorKind
    {
        /// <summary>Token embedding lookup (bytes only).</summary>
        Embedding,

        /// <summary>Q, K and V projections (MLA: the query and latent projections).</summary>
        QkvProjection,

        /// <summary>Attention scores and weighted values on full-attention layers.</summary>
        Attention,

        /// <summary>Attention scores and weighted values on sliding-window layers.</summary>
        SlidingWindowAttention,

        /// <summary>Attention output projection.</summary>
        OutputProjection,

        /// <summary>Dense MLP (gated: three matrices; plain: two).</summary>
        Mlp,

        /// <summary>MoE router.</summary>
        Router,

        /// <summary>Routed experts: k per token; weights of the distinct experts touched.</summary>
        RoutedExperts,

        /// <summary>Shared experts of MoE layers.</summary>
        SharedExperts,

        /// <summary>Norms, residual adds and the MLP activation function.</summary>
        Elementwise,

        /// <summary>LM head on the sampled positions.</summary>
        LmHead,
    }
}
