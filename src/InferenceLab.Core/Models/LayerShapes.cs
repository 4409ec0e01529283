using System;

namespace InferenceLab.Core.Models
{
    /// <summary>
    /// Parameter counts of each piece of a model as one GPU of a tensor-parallel group holds it. At TP 1 these
    /// are the model's own counts. This is the single place that knows the matrix shapes and how TP shards them:
    /// heads, MLP and expert widths and the vocabulary split; norms, routers and (when n_kv &lt; TP) KV heads
    /// are replicated; MLA's latent down-projections are replicated (DESIGN §4, §5).
    /// </summary>
    internal sealed class LayerShapes
    {
        private LayerShapes(ModelSpec model, int tensorParallel)
        {
            double h = model.HiddenSize;
            double tp = tensorParallel;
            double mlpMatrices = model.GatedMlp ? 3 : 2;
            QueryHeadsPerGpu = model.AttentionHeadCount / tp;
            KeyValueHeadsPerGpu = KeyValueHeadsPerGpuFor(model, tensorParallel);

            if (model.UsesLatentAttention)
            {
                double qkHead = model.QkNopeHeadDimension + model.QkRopeHeadDimension;
                double queryPerGpu = model.QLoraRank > 0
                    ? h * model.QLoraRank + model.QLoraRank * QueryHeadsPerGpu * qkHead
                    : h * QueryHeadsPerGpu * qkHead;
                double latentDown = h * (model.KvLoraRank + model.QkRopeHeadDimension);
                double latentUp = model.KvLoraRank * QueryHeadsPerGpu * (model.QkNopeHeadDimension + model.ValueHeadDimension);
                QueryWidth = QueryHeadsPerGpu * qkHead;
                ValueWidth = QueryHeadsPerGpu * model.ValueHeadDimension;
                QkvOutputWidth = QueryWidth + model.KvLoraRank + model.QkRopeHeadDimension;
                QueryProjection = queryPerGpu;
                KeyValueProjection = latentDown + latentUp;
                LatentUpProjection = latentUp;
                OutputProjection = QueryHeadsPerGpu * model.ValueHeadDimension * h;
                AttentionBias = 0;
                NormsPerLayer = 2 * h + model.QLoraRank + model.KvLoraRank;
            }
            else
            {
                double d = model.HeadDimension;
                QueryWidth = QueryHeadsPerGpu * d;
                ValueWidth = QueryHeadsPerGpu * d;
                QkvOutputWidth = (QueryHeadsPerGpu + (2 * KeyValueHeadsPerGpu)) * d;
                QueryProjection = h * QueryHeadsPerGpu * d;
                KeyValueProjection = 2 * h * KeyValueHeadsPerGpu * d;
                LatentUpProjection = 0;
                OutputProjection = QueryHeadsPerGpu * d * h;
                AttentionBias = model.AttentionBias ? (QueryHeadsPerGpu + 2 * KeyValueHeadsPerGpu) * d : 0;
                NormsPerLayer = 2 * h;
            }

            DenseMlp = mlpMatrices * h * model.IntermediateSize / tp;
            Router = h * model.ExpertCount;
            OneExpert = mlpMatrices * h * model.ExpertIntermediateSize / tp;
            SharedExperts = mlpMatrices * h * model.SharedExpertIntermediateSize / tp;
            Embedding = (double)model.VocabularySize * h / tp;
            LmHead = model.TiedEmbeddings ? 0 : Embedding;
            FinalNorm = h;
        }

        /// <summary>Query heads one GPU computes.</summary>
        public double QueryHeadsPerGpu { get; }

        /// <summary>KV heads one GPU holds: n_kv / TP, or one replicated head when n_kv &lt; TP.</summary>
        public double KeyValueHeadsPerGpu { get; }

        /// <summary>Elements of the queries of one token on one GPU (heads × query/key head width).</summary>
        public double QueryWidth { get; }

        /// <summary>Elements of one token's attention output on one GPU (heads × value head width).</summary>
        public double ValueWidth { get; }

        /// <summary>Elements the Q/K/V projection writes per token on one GPU (MLA: queries plus the latent and rope key).</summary>
        public double QkvOutputWidth { get; }

        /// <summary>Q projection (MLA: q_a and q_b), per layer.</summary>
        public double QueryProjection { get; }

        /// <summary>K and V projections (MLA: kv_a with rope plus kv_b), per layer.</summary>
        public double KeyValueProjection { get; }

        /// <summary>MLA kv_b (latent to per-head K and V), per layer; 0 otherwise.</summary>
        public double LatentUpProjection { get; }

        /// <summary>Output projection, per layer.</summary>
        public double OutputProjection { get; }

        /// <summary>Q, K and V biases, per layer.</summary>
        public double AttentionBias { get; }

        /// <summary>Norm weights, per layer (two norms; MLA adds its latent norms).</summary>
        public double NormsPerLayer { get; }

        /// <summary>Dense MLP matrices, per dense layer.</summary>
        public double DenseMlp { get; }

        /// <summary>Router, per MoE layer (replicated).</summary>
        public double Router { get; }

        /// <summary>One routed expert's matrices, per MoE layer.</summary>
        public double OneExpert { get; }

        /// <summary>All shared experts' matrices, per MoE layer.</summary>
        public double SharedExperts { get; }

        /// <summary>Token embedding matrix.</summary>
        public double Embedding { get; }

        /// <summary>LM head matrix; 0 when tied to the embedding.</summary>
        public double LmHead { get; }

        /// <summary>Final norm.</summary>
        public double FinalNorm { get; }

        /// <summary>Linear weights of attention, per layer (the part a weight format quantizes).</summary>
        public double AttentionLinear => QueryProjection + KeyValueProjection + OutputProjection;

        /// <summary>Shapes of <paramref name="model"/> at tensor-parallel degree <paramref name="tensorParallel"/>.</summary>
        public static LayerShapes For(ModelSpec model, int tensorParallel) => new LayerShapes(model, tensorParallel);

        /// <summary>KV heads per GPU: split when n_kv ≥ TP, else one replicated head (MLA: not applicable).</summary>
        public static double KeyValueHeadsPerGpuFor(ModelSpec model, int tensorParallel) =>
            model.KeyValueHeadCount >= tensorParallel ? (double)model.KeyValueHeadCount / tensorParallel : 1;

        /// <summary>The expected number of distinct routed experts N routed tokens touch in one layer: E·(1 − (1 − k/E)^N).</summary>
        public static double DistinctExperts(int expertCount, int expertsPerToken, double routedTokens)
        {
            if (expertCount == 0 || routedTokens <= 0)
            {
                return 0;
            }

            double untouched = Math.Pow(1 - (double)expertsPerToken / expertCount, routedTokens);
            double distinct = expertCount * (1 - untouched);

            // At least the k experts one token picks, at most all of them.
            return Math.Min(expertCount, Math.Max(expertsPerToken, distinct));
        }
    }
}
