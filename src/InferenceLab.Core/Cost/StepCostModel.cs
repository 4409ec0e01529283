using System;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Cost
{
    /// <summary>
    /// The per-operator FLOPs and bytes of one forward step on one GPU of a tensor-parallel group, summed over all
    /// layers a step passes through (DESIGN §4). Model-dependent constants are computed once; a step of any shape,
    /// or a mixed batch of sequence groups, is then a few dozen multiplications. Weights are read once per step.
    /// </summary>
    internal sealed class StepCostModel
    {
        /// <summary>Number of <see cref="OperatorKind"/> values.</summary>
        public const int OperatorCount = 11;

        // Elementwise FLOPs per element: an RMSNorm (square, sum, rsqrt-scale, weight) plus a residual add is ~5;
        // SiLU·up is ~5 (exp, add, divide, two multiplies); GELU ~4. Small next to any GEMM; listed so they are not zero.
        private const double NormAndResidualFlopsPerElement = 5;
        private const double GatedActivationFlopsPerElement = 5;
        private const double PlainActivationFlopsPerElement = 4;

        // Logits are produced in fp32, as vLLM, TensorRT-LLM and llama.cpp do before sampling.
        private const double LogitBytes = 4;

        // Unfused attention (no flash attention) writes the fp32 score matrix, reads it for the softmax, writes the
        // probabilities and reads them for the product with V: four passes of 4 bytes per score (ggml's KQ, soft_max, KQV).
        private const double UnfusedScoreBytesPerPair = 4 * 4;

        private readonly ModelSpec model;
        private readonly LayerShapes shapes;
        private readonly double activationBytes;
        private readonly double weightBytes;
        private readonly double expertWeightBytes;
        private readonly double embeddingBytes;
        private readonly double kvBytesPerTokenPerLayer;
        private readonly double mlpMatrices;
        private readonly double flopsPerPairExpanded;
        private readonly double flopsPerPairAbsorbed;
        private readonly bool flashAttention;
        private readonly double decodeKvReadsPerKvHead;

        public StepCostModel(Deployment scenario, int tensorParallel)
        {
            model = scenario.Model;
            TensorParallel = tensorParallel;
            shapes = LayerShapes.For(model, tensorParallel);
            activationBytes = scenario.ActivationType.BytesPerElement();
            weightBytes = scenario.LinearBytesPerWeight;
            expertWeightBytes = scenario.ExpertBytesPerWeight;
            embeddingBytes = scenario.EmbeddingType.BytesPerElement();
            flashAttention = scenario.Efficiency.FlashAttention;
            decodeKvReadsPerKvHead = scenario.Efficiency.SharesKvAcrossQueryGroups || model.UsesLatentAttention
                ? 1
                : shapes.QueryHeadsPerGpu / shapes.KeyValueHeadsPerGpu;
            mlpMatrices = model.GatedMlp ? 3 : 2;
            kvBytesPerTokenPerLayer = KvCacheBytesPerTokenPerLayer(model, scenario.KvCacheType, tensorParallel);
            CommunicationBytesPerElement = Math.Max(activationBytes, 2);

            double qh = shapes.QueryHeadsPerGpu;
            if (model.UsesLatentAttention)
            {
                double qkHead = model.QkNopeHeadDimension + model.QkRopeHeadDimension;

                // Expanded (prefill): scores over nope+rope, values over v. Absorbed (decode): W_UK and W_UV fold into
                // the query and output, so scores run over the latent plus rope and values over the latent.
                flopsPerPairExpanded = 2 * qh * qkHead + 2 * qh * model.ValueHeadDimension;
                flopsPerPairAbsorbed = 2 * qh * (model.KvLoraRank + model.QkRopeHeadDimension) + 2 * qh * model.KvLoraRank;
            }
            else
            {
                double d = model.HeadDimension;
                flopsPerPairExpanded = 4 * qh * d;
                flopsPerPairAbsorbed = flopsPerPairExpanded;
            }
        }

        /// <summary>The tensor-parallel degree the costs are sharded for.</summary>
        public int TensorParallel { get; }

        /// <summary>Bytes per element of hidden states on the interconnect (at least 16-bit).</summary>
        public double CommunicationBytesPerElement { get; }

        /// <summary>Bytes of KV cache one token occupies in one layer on one GPU (MLA: the latent, replicated across TP).</summary>
        public static double KvCacheBytesPerTokenPerLayer(ModelSpec model, DataType kvCacheType, int tensorParallel)
        {
            double elements = model.UsesLatentAttention
                ? model.KvLoraRank + model.QkRopeHeadDimension
                : 2 * LayerShapes.KeyValueHeadsPerGpuFor(model, tensorParallel) * model.HeadDimension;
            return elements * kvCacheType.BytesPerElement();
        }

        /// <summary>
        /// Query-key pairs one sequence's attention evaluates in one layer: Σ_{i=1..S} min(C+i, W) for flash attention,
        /// which skips masked blocks; otherwise S × the keys present.
        /// </summary>
        public static double AttentionPairs(double newTokens, double cachedTokens, double window, bool flashAttention)
        {
            if (!flashAttention)
            {
                return newTokens * KeysRead(newTokens, cachedTokens, window);
            }

            double s = newTokens;
            double c = cachedTokens;
            if (c + s <= window)
            {
                return (s * c) + (s * (s + 1) / 2);
            }

            if (c >= window - 1)
            {
                return s * window;
            }

            double m = window - c;
            return (m * c) + (m * (m + 1) / 2) + ((s - m) * window);
        }

        /// <summary>KV rows attention reads for one sequence in one layer: the last W−1 cached tokens (all, without a window) plus the S new ones.</summary>
        public static double KeysRead(double newTokens, double cachedTokens, double window) =>
            Math.Min(cachedTokens, window - 1) + newTokens;

        /// <summary>Evaluates one step of a single group of sequences into <paramref name="work"/>.</summary>
        public StepTotals Evaluate(in SequenceGroup group, OperatorWork[] work)
        {
            var totals = default(StepTotals);
            Accumulate(group, ref totals);
            Fill(totals, work);
            return totals;
        }

        /// <summary>Evaluates one step of a mixed batch (the first <paramref name="groupCount"/> groups) into <paramref name="work"/>.</summary>
        public StepTotals Evaluate(SequenceGroup[] groups, int groupCount, OperatorWork[] work)
        {
            var totals = default(StepTotals);
            for (int i = 0; i < groupCount; i++)
            {
                Accumulate(groups[i], ref totals);
            }

            Fill(totals, work);
            return totals;
        }

        /// <summary>The KV cache C values at which the sliding-window layers stop being affine in C (for closed-form sums).</summary>
        public void WindowBreakpoints(int newTokens, out double affineUpTo, out double constantFrom)
        {
            if (model.SlidingWindowLayerCount == 0)
            {
                affineUpTo = double.PositiveInfinity;
                constantFrom = double.PositiveInfinity;
                return;
            }

            double w = model.SlidingWindowSize;
            affineUpTo = w - newTokens;
            constantFrom = w - 1;
        }

        private void Accumulate(in SequenceGroup group, ref StepTotals totals)
        {
            double n = group.Count;
            double s = group.NewTokens;
            double c = group.CachedTokens;
            bool absorbed = model.UsesLatentAttention && group.NewTokens == 1;
            double flopsPerPair = absorbed ? flopsPerPairAbsorbed : flopsPerPairExpanded;

            // A decode kernel that does not share K/V within a query group reads each KV head once per query head.
            double keyReads = group.NewTokens == 1 ? decodeKvReadsPerKvHead : 1;

            totals.Tokens += n * s;
            totals.Sequences += n;
            if (group.Sampled)
            {
                totals.LogitRows += n;
            }

            if (model.FullAttentionLayerCount > 0)
            {
                double pairs = AttentionPairs(s, c, double.PositiveInfinity, flashAttention);
                totals.FullAttentionFlopsPerLayer += n * pairs * flopsPerPair;
                totals.FullScoreBytesPerLayer += flashAttention ? 0 : n * pairs * shapes.QueryHeadsPerGpu * UnfusedScoreBytesPerPair;
                totals.FullKeysReadPerLayer += n * keyReads * KeysRead(s, c, double.PositiveInfinity);
            }

            if (model.SlidingWindowLayerCount > 0)
            {
                double w = model.SlidingWindowSize;
                double pairs = AttentionPairs(s, c, w, flashAttention);
                totals.SlidingAttentionFlopsPerLayer += n * pairs * flopsPerPair;
                totals.SlidingScoreBytesPerLayer += flashAttention ? 0 : n * pairs * shapes.QueryHeadsPerGpu * UnfusedScoreBytesPerPair;
                totals.SlidingKeysReadPerLayer += n * keyReads * KeysRead(s, c, w);
            }

            if (model.UsesLatentAttention)
            {
                // kv_b runs on the new tokens when absorbed, on every attended token's latent when expanded.
                totals.LatentUpTokensPerLayer += absorbed ? n * s : n * (c + s);
            }
        }

        private void Fill(in StepTotals t, OperatorWork[] work)
        {
            double h = model.HiddenSize;
            double a = activationBytes;
            double tp = TensorParallel;
            double layers = model.LayerCount;
            double denseLayers = model.LayerCount - model.MoeLayerCount;
            double moeLayers = model.MoeLayerCount;
            double n = t.Tokens;

            ref var embedding = ref work[(int)OperatorKind.Embedding];
            embedding = default;
            embedding.WeightBytesRead = Math.Min(n, model.VocabularySize) * h * embeddingBytes / tp;
            embedding.ActivationBytesWritten = n * h * a;

            ref var qkv = ref work[(int)OperatorKind.QkvProjection];
            qkv = default;
            double projectedOnNewTokens = shapes.QueryProjection + shapes.KeyValueProjection - shapes.LatentUpProjection;
            qkv.Flops = layers * ((2 * n * projectedOnNewTokens) + (2 * t.LatentUpTokensPerLayer * shapes.LatentUpProjection));
            qkv.WeightBytesRead = layers * (((shapes.QueryProjection + shapes.KeyValueProjection) * weightBytes) + (shapes.AttentionBias * embeddingBytes));
            qkv.ActivationBytesRead = layers * n * h * a;
            qkv.ActivationBytesWritten = layers * n * shapes.QkvOutputWidth * a;
            qkv.GemmTokens = n;

            FillAttention(ref work[(int)OperatorKind.Attention], model.FullAttentionLayerCount, t.FullAttentionFlopsPerLayer, t.FullKeysReadPerLayer, t.FullScoreBytesPerLayer, n);
            FillAttention(ref work[(int)OperatorKind.SlidingWindowAttention], model.SlidingWindowLayerCount, t.SlidingAttentionFlopsPerLayer, t.SlidingKeysReadPerLayer, t.SlidingScoreBytesPerLayer, n);

            ref var output = ref work[(int)OperatorKind.OutputProjection];
            output = default;
            output.Flops = layers * 2 * n * shapes.OutputProjection;
            output.WeightBytesRead = layers * shapes.OutputProjection * weightBytes;
            output.ActivationBytesRead = layers * n * shapes.ValueWidth * a;
            output.ActivationBytesWritten = layers * n * h * a;
            output.GemmTokens = n;

            double denseWidth = model.IntermediateSize / tp;
            FillMlp(ref work[(int)OperatorKind.Mlp], denseLayers, shapes.DenseMlp, denseWidth, n, n);

            ref var router = ref work[(int)OperatorKind.Router];
            router = default;
            if (moeLayers > 0)
            {
                router.Flops = moeLayers * 2 * n * shapes.Router;
                router.WeightBytesRead = moeLayers * shapes.Router * embeddingBytes;
                router.ActivationBytesRead = moeLayers * n * h * a;
                router.ActivationBytesWritten = moeLayers * n * model.ExpertCount * LogitBytes;
                router.GemmTokens = n;
            }

            ref var experts = ref work[(int)OperatorKind.RoutedExperts];
            experts = default;
            double expertWidth = model.ExpertIntermediateSize / tp;
            if (moeLayers > 0 && n > 0)
            {
                double k = model.ExpertsPerToken;
                double distinct = LayerShapes.DistinctExperts(model.ExpertCount, model.ExpertsPerToken, n);
                experts.Flops = moeLayers * 2 * n * k * shapes.OneExpert;
                experts.WeightBytesRead = moeLayers * distinct * shapes.OneExpert * expertWeightBytes;
                experts.ActivationBytesRead = moeLayers * n * k * (h + expertWidth) * a;
                experts.ActivationBytesWritten = moeLayers * n * k * (h + ((mlpMatrices - 1) * expertWidth)) * a;
                experts.GemmTokens = n * k / distinct;
            }

            double sharedWidth = model.SharedExpertIntermediateSize / tp;
            FillMlp(ref work[(int)OperatorKind.SharedExperts], moeLayers, shapes.SharedExperts, sharedWidth, n, n);

            ref var elementwise = ref work[(int)OperatorKind.Elementwise];
            elementwise = default;
            double activatedWidth = (denseLayers * denseWidth) + (moeLayers * ((model.ExpertsPerToken * expertWidth) + sharedWidth));
            double activationFlops = model.GatedMlp ? GatedActivationFlopsPerElement : PlainActivationFlopsPerElement;
            double activationReads = mlpMatrices - 1;
            elementwise.Flops = (layers * 2 * NormAndResidualFlopsPerElement * n * h) + (NormAndResidualFlopsPerElement * n * h) + (activationFlops * n * activatedWidth);
            elementwise.WeightBytesRead = ((layers * shapes.NormsPerLayer) + shapes.FinalNorm) * embeddingBytes;
            elementwise.ActivationBytesRead = ((layers * 4 * n * h) + (n * h) + (activationReads * n * activatedWidth)) * a;
            elementwise.ActivationBytesWritten = ((layers * 4 * n * h) + (n * h) + (n * activatedWidth)) * a;

            ref var lmHead = ref work[(int)OperatorKind.LmHead];
            lmHead = default;
            if (t.LogitRows > 0)
            {
                double vocabularyPerGpu = model.VocabularySize / tp;
                lmHead.Flops = 2 * t.LogitRows * h * vocabularyPerGpu;
                lmHead.WeightBytesRead = h * vocabularyPerGpu * embeddingBytes;
                lmHead.ActivationBytesRead = t.LogitRows * h * a;
                lmHead.ActivationBytesWritten = t.LogitRows * vocabularyPerGpu * LogitBytes;
                lmHead.GemmTokens = t.LogitRows;
            }
        }

        private void FillAttention(ref OperatorWork attention, double layerCount, double flopsPerLayer, double keysReadPerLayer, double scoreBytesPerLayer, double tokens)
        {
            attention = default;
            if (layerCount == 0)
            {
                return;
            }

            attention.Flops = layerCount * flopsPerLayer;
            attention.KvCacheBytesRead = layerCount * keysReadPerLayer * kvBytesPerTokenPerLayer;
            attention.KvCacheBytesWritten = layerCount * tokens * kvBytesPerTokenPerLayer;
            attention.ActivationBytesRead = layerCount * ((tokens * shapes.QueryWidth * activationBytes) + (scoreBytesPerLayer / 2));
            attention.ActivationBytesWritten = layerCount * ((tokens * shapes.ValueWidth * activationBytes) + (scoreBytesPerLayer / 2));
        }

        private void FillMlp(ref OperatorWork mlp, double layerCount, double parametersPerLayer, double widthPerGpu, double tokens, double gemmTokens)
        {
            mlp = default;
            if (layerCount == 0 || parametersPerLayer == 0)
            {
                return;
            }

            double h = model.HiddenSize;
            double a = activationBytes;
            mlp.Flops = layerCount * 2 * tokens * parametersPerLayer;
            mlp.WeightBytesRead = layerCount * parametersPerLayer * weightBytes;
            mlp.ActivationBytesRead = layerCount * tokens * (h + widthPerGpu) * a;
            mlp.ActivationBytesWritten = layerCount * tokens * (h + ((mlpMatrices - 1) * widthPerGpu)) * a;
            mlp.GemmTokens = gemmTokens;
        }
    }
}
