using System;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// Memory per GPU of a deployment (DESIGN §5): weights and KV cache of each pipeline stage at its TP shard, and the
    /// activation peak of a step. Constants are computed once so that limit searches cost a few multiplications per probe.
    /// </summary>
    internal sealed class MemoryModel
    {
        // Logits and router scores are fp32 (see StepCostModel).
        private const double Fp32Bytes = 4;

        private readonly Deployment deployment;
        private readonly ModelSpec model;
        private readonly LayerShapes shapes;
        private readonly PipelineStage[] stages;
        private readonly double[] stageWeightBytes;
        private readonly double kvBytesPerTokenPerLayer;
        private readonly double activationBytes;

        public MemoryModel(Deployment deployment)
        {
            this.deployment = deployment;
            model = deployment.Model;
            shapes = LayerShapes.For(model, deployment.TensorParallel);
            stages = PipelineStage.Split(model, deployment.PipelineParallel);
            kvBytesPerTokenPerLayer = Cost.StepCostModel.KvCacheBytesPerTokenPerLayer(model, deployment.KvCacheType, deployment.TensorParallel);
            activationBytes = deployment.ActivationType.BytesPerElement();

            stageWeightBytes = new double[stages.Length];
            for (int i = 0; i < stages.Length; i++)
            {
                stageWeightBytes[i] = StageWeightBytes(deployment, shapes, stages[i]);
            }

            ModelWeightBytes = ModelWeightBytesOf(deployment);
        }

        public int StageCount => stages.Length;

        /// <summary>KV bytes one token takes in one layer on one GPU.</summary>
        public double KvCacheBytesPerTokenPerLayer => kvBytesPerTokenPerLayer;

        /// <summary>The layers of stage <paramref name="stage"/>.</summary>
        public PipelineStage Stage(int stage) => stages[stage];

        /// <summary>Weights of the whole model, all GPUs together, bytes.</summary>
        public double ModelWeightBytes { get; }

        /// <summary>Usable memory per GPU: utilization × capacity; 0 without hardware.</summary>
        public double UsableBytes => deployment.Hardware == null ? 0 : deployment.MemoryUtilization * deployment.Hardware.MemoryBytes;

        public double ReserveBytes => deployment.RuntimeReserveBytes;

        /// <summary>Weights one GPU of stage <paramref name="stage"/> holds, bytes.</summary>
        public double WeightBytes(int stage) => stageWeightBytes[stage];

        /// <summary>KV bytes per token one GPU of the stage holds, every layer counted (as engines report it).</summary>
        public double KvCacheBytesPerToken(int stage) => stages[stage].Layers * kvBytesPerTokenPerLayer;

        /// <summary>KV cache one GPU of the stage holds for <paramref name="batchSize"/> sequences of <paramref name="tokens"/> tokens; window layers hold at most the window.</summary>
        public double KvCacheBytes(int stage, double batchSize, double tokens)
        {
            var s = stages[stage];
            double window = s.SlidingLayers > 0 ? Math.Min(tokens, model.SlidingWindowSize) : 0;
            return batchSize * kvBytesPerTokenPerLayer * ((s.FullLayers * tokens) + (s.SlidingLayers * window));
        }

        /// <summary>
        /// The largest transient working set of a step of <paramref name="tokens"/> new tokens with <paramref name="logitRows"/>
        /// sampled positions on one GPU of the stage: the residual stream plus the largest of the attention block's,
        /// the MLP's (or MoE's) and the LM head's buffers; activations are freed between layers.
        /// </summary>
        public double ActivationBytes(int stage, double tokens, double logitRows)
        {
            var s = stages[stage];
            double a = activationBytes;
            double h = model.HiddenSize;
            double n = tokens;
            double residual = n * h * a;
            double attention = n * (h + shapes.QkvOutputWidth + shapes.ValueWidth) * a;
            double matrices = model.GatedMlp ? 3 : 2;

            double mlp = 0;
            if (s.DenseLayers > 0)
            {
                double width = model.IntermediateSize / (double)deployment.TensorParallel;
                mlp = n * (h + (matrices * width)) * a;
            }

            if (s.MoeLayers > 0)
            {
                double k = model.ExpertsPerToken;
                double expertWidth = model.ExpertIntermediateSize / (double)deployment.TensorParallel;
                double sharedWidth = model.SharedExpertIntermediateSize / (double)deployment.TensorParallel;
                double moe = (n * h * a) + (n * model.ExpertCount * Fp32Bytes) + (n * k * (h + (matrices * expertWidth)) * a) + (n * matrices * sharedWidth * a);
                mlp = Math.Max(mlp, moe);
            }

            double head = s.IsLast ? (logitRows * h * a) + (logitRows * model.VocabularySize * Fp32Bytes) : 0;
            return residual + Math.Max(attention, Math.Max(mlp, head));
        }

        /// <summary>Per-GPU memory of every part for the busiest stage at the given batch, cached tokens and step size.</summary>
        public MemoryBreakdown Breakdown(double batchSize, double tokens, double stepTokens, double logitRows)
        {
            var busiest = default(MemoryBreakdown);
            for (int i = 0; i < stages.Length; i++)
            {
                var candidate = new MemoryBreakdown(WeightBytes(i), KvCacheBytes(i, batchSize, tokens), ActivationBytes(i, stepTokens, logitRows), ReserveBytes, KvCacheBytesPerToken(i));
                if (i == 0 || candidate.TotalBytes > busiest.TotalBytes)
                {
                    busiest = candidate;
                }
            }

            return busiest;
        }

        /// <summary>The largest prefill step of a batch: B × the chunk length (MaxBatchedTokens shared by the batch), and its sampled rows.</summary>
        public void PrefillStep(int batchSize, int promptLength, out double stepTokens, out double logitRows)
        {
            stepTokens = (double)batchSize * Time.PrefillPlan.ChunkLengthFor(deployment, batchSize, promptLength);
            logitRows = batchSize;
        }

        /// <summary>Weights of the whole model at its formats, all GPUs together, bytes: one stage holding every layer at TP 1.</summary>
        public static double ModelWeightBytesOf(Deployment deployment) =>
            StageWeightBytes(deployment, LayerShapes.For(deployment.Model, 1), PipelineStage.Split(deployment.Model, 1)[0]);

        /// <summary>
        /// Weights one GPU of <paramref name="stage"/> holds: linear weights in the weight format (routed experts only, when the
        /// format says so); embedding, LM head, norms, routers and biases in the embedding type (DESIGN §5).
        /// </summary>
        private static double StageWeightBytes(Deployment deployment, LayerShapes shapes, PipelineStage stage)
        {
            var model = deployment.Model;
            double w = deployment.LinearBytesPerWeight;
            double x = deployment.ExpertBytesPerWeight;
            double e = deployment.EmbeddingType.BytesPerElement();
            double bytes = stage.Layers * ((shapes.AttentionLinear * w) + ((shapes.AttentionBias + shapes.NormsPerLayer) * e));
            bytes += stage.DenseLayers * shapes.DenseMlp * w;
            bytes += stage.MoeLayers * ((model.ExpertCount * shapes.OneExpert * x) + (shapes.SharedExperts * w) + (shapes.Router * e));
            if (stage.IsFirst)
            {
                bytes += shapes.Embedding * e;
            }

            if (stage.IsLast)
            {
                // A tied head shares the embedding, unless the embedding lives on another stage: then it is a copy.
                double head = model.TiedEmbeddings ? (stage.IsFirst ? 0 : shapes.Embedding) : shapes.LmHead;
                bytes += (head + shapes.FinalNorm) * e;
            }

            return bytes;
        }
    }
}
