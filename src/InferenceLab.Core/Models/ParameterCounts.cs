namespace InferenceLab.Core.Models
{
    /// <summary>A model's parameters by part, computed from its architecture.</summary>
    public sealed class ParameterCounts
    {
        internal ParameterCounts(long embedding, long lmHead, long attention, long denseMlp, long routedExperts, long activeRoutedExperts, long sharedExperts, long routers, long norms)
        {
            Embedding = embedding;
            LmHead = lmHead;
            Attention = attention;
            DenseMlp = denseMlp;
            RoutedExperts = routedExperts;
            SharedExperts = sharedExperts;
            Routers = routers;
            Norms = norms;
            Total = embedding + lmHead + attention + denseMlp + routedExperts + sharedExperts + routers + norms;
            Active = Total - routedExperts + activeRoutedExperts;
        }

        /// <summary>Every parameter of the model.</summary>
        public long Total { get; }

        /// <summary>Parameters one token uses: routed experts counted k of E; embedding and LM head included.</summary>
        public long Active { get; }

        /// <summary>Token embedding.</summary>
        public long Embedding { get; }

        /// <summary>LM head; 0 when tied to the embedding.</summary>
        public long LmHead { get; }

        /// <summary>Attention projections (and their biases) of all layers.</summary>
        public long Attention { get; }

        /// <summary>Dense MLPs of all dense layers.</summary>
        public long DenseMlp { get; }

        /// <summary>All routed experts of all MoE layers.</summary>
        public long RoutedExperts { get; }

        /// <summary>Shared experts of all MoE layers.</summary>
        public long SharedExperts { get; }

        /// <summary>Routers of all MoE layers.</summary>
        public long Routers { get; }

        /// <summary>Norm weights of all layers and the final norm.</summary>
        public long Norms { get; }
    }
}
