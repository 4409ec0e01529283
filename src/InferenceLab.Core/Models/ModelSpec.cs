using System;
using System.Collections.Generic;
using System.Globalization;

namespace InferenceLab.Core.Models
{
    /// <summary>
    /// A decoder-only transformer's architecture, as its config.json describes it (DESIGN §3). Immutable and
    /// validated on construction; parameter counts and every cost are computed from these fields.
    /// </summary>
    public sealed class ModelSpec
    {
        /// <summary>Largest accepted layer count.</summary>
        public const int MaxLayers = 100_000;

        /// <summary>Largest accepted width of any dimension (hidden, intermediate, head, rank).</summary>
        public const int MaxDimension = 10_000_000;

        /// <summary>Largest accepted head count and expert count.</summary>
        public const int MaxCount = 1_000_000;

        /// <summary>Creates a model; a zero or omitted optional field means the feature is absent.</summary>
        /// <param name="name">Catalog name, lowercase and hyphenated (<c>llama-2-7b</c>).</param>
        /// <param name="layerCount">Transformer blocks.</param>
        /// <param name="hiddenSize">Width of the residual stream.</param>
        /// <param name="attentionHeadCount">Query heads.</param>
        /// <param name="keyValueHeadCount">Key/value heads: equal to the heads for MHA, fewer for GQA, 1 for MQA; 0 means equal to the heads.</param>
        /// <param name="intermediateSize">Width of the dense MLP; 0 only when every layer is MoE.</param>
        /// <param name="vocabularySize">Tokens in the vocabulary.</param>
        /// <param name="maxPositionEmbeddings">The longest sequence the model accepts, in tokens.</param>
        /// <param name="headDimension">Width of one attention head; 0 means hidden size / heads.</param>
        /// <param name="gatedMlp">True for gate, up and down matrices (SwiGLU, GeGLU); false for up and down.</param>
        /// <param name="tiedEmbeddings">True when the LM head shares the embedding matrix.</param>
        /// <param name="attentionBias">True when the Q, K and V projections carry biases (Qwen2, gpt-oss).</param>
        /// <param name="nativeType">The data type of the published weights' unquantized tensors (torch_dtype).</param>
        /// <param name="weightFormat">How the checkpoint stores its linear weights when quantized (GPTQ int4/g128, FP8, MXFP4); null means <paramref name="nativeType"/>.</param>
        /// <param name="slidingWindowSize">Tokens a sliding-window layer attends to; 0 without sliding windows.</param>
        /// <param name="slidingWindowLayerCount">How many layers use the window; null means all when a window is set.</param>
        /// <param name="expertCount">Routed experts per MoE layer; 0 for a dense model.</param>
        /// <param name="expertsPerToken">Routed experts each token uses (k).</param>
        /// <param name="expertIntermediateSize">Intermediate width of one routed expert.</param>
        /// <param name="sharedExpertIntermediateSize">Total intermediate width of the shared experts of a MoE layer; 0 without.</param>
        /// <param name="denseLayerCount">Leading layers with a dense MLP before the first MoE layer.</param>
        /// <param name="qLoraRank">MLA query compression rank; 0 when queries are not compressed.</param>
        /// <param name="kvLoraRank">MLA latent KV rank; 0 for ordinary attention.</param>
        /// <param name="qkRopeHeadDimension">MLA rotary part of a query/key head.</param>
        /// <param name="qkNopeHeadDimension">MLA non-rotary part of a query/key head.</param>
        /// <param name="valueHeadDimension">MLA value head width.</param>
        /// <param name="architecture">The Hugging Face architecture class (LlamaForCausalLM), for information.</param>
        /// <param name="aliases">Other names: the Hugging Face id, vendor spellings.</param>
        /// <param name="source">Where the figures come from (config.json address).</param>
        /// <param name="publishedParameterCount">The parameter count the publisher states; 0 when unknown.</param>
        /// <param name="publishedParameterSource">Where that count is stated.</param>
        /// <exception cref="InvalidInputException">A field out of range or inconsistent with another.</exception>
        public ModelSpec(
            string name,
            int layerCount,
            int hiddenSize,
            int attentionHeadCount,
            int keyValueHeadCount,
            int intermediateSize,
            int vocabularySize,
            int maxPositionEmbeddings,
            int headDimension = 0,
            bool gatedMlp = true,
            bool tiedEmbeddings = false,
            bool attentionBias = false,
            DataType nativeType = DataType.Bf16,
            WeightFormat? weightFormat = null,
            int slidingWindowSize = 0,
            int? slidingWindowLayerCount = null,
            int expertCount = 0,
            int expertsPerToken = 0,
            int expertIntermediateSize = 0,
            int sharedExpertIntermediateSize = 0,
            int denseLayerCount = 0,
            int qLoraRank = 0,
            int kvLoraRank = 0,
            int qkRopeHeadDimension = 0,
            int qkNopeHeadDimension = 0,
            int valueHeadDimension = 0,
            string? architecture = null,
            IReadOnlyList<string>? aliases = null,
            string? source = null,
            long publishedParameterCount = 0,
            string? publishedParameterSource = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidInputException("ModelNameMissing", "Name", "A model needs a name.");
            }

            if (PrintableText.HasControl(name))
            {
                throw new InvalidInputException("ModelNameInvalid", "Name", "Name '" + name + "' holds control characters; a model's name is printed in tables and messages.");
            }

            Name = name.Trim();
            RequireRange(layerCount, 1, MaxLayers, "LayerCount");
            RequireRange(hiddenSize, 1, MaxDimension, "HiddenSize");
            RequireRange(attentionHeadCount, 1, MaxCount, "AttentionHeadCount");
            if (keyValueHeadCount == 0)
            {
                keyValueHeadCount = attentionHeadCount;
            }

            RequireRange(keyValueHeadCount, 1, attentionHeadCount, "KeyValueHeadCount");
            if (attentionHeadCount % keyValueHeadCount != 0)
            {
                throw Invalid("KeyValueHeadsDoNotDivideHeads", "KeyValueHeadCount", "KeyValueHeadCount {0} must divide AttentionHeadCount {1}: each KV head serves a whole group of query heads.", keyValueHeadCount, attentionHeadCount);
            }

            if (headDimension == 0 && kvLoraRank == 0)
            {
                if (hiddenSize % attentionHeadCount != 0)
                {
                    throw Invalid("HeadDimensionUnknown", "HeadDimension", "HiddenSize {0} is not a multiple of AttentionHeadCount {1}; give HeadDimension explicitly.", hiddenSize, attentionHeadCount);
                }

                headDimension = hiddenSize / attentionHeadCount;
            }

            RequireRange(intermediateSize, 0, MaxDimension, "IntermediateSize");
            RequireRange(vocabularySize, 1, 1_000_000_000, "VocabularySize");
            RequireRange(maxPositionEmbeddings, 1, int.MaxValue, "MaxPositionEmbeddings");

            RequireRange(slidingWindowSize, 0, int.MaxValue, "SlidingWindowSize");
            int windowLayers = slidingWindowLayerCount ?? (slidingWindowSize > 0 ? layerCount : 0);
            RequireRange(windowLayers, 0, layerCount, "SlidingWindowLayerCount");
            if (windowLayers > 0 && slidingWindowSize == 0)
            {
                throw Invalid("SlidingWindowSizeMissing", "SlidingWindowSize", "SlidingWindowLayerCount is {0} but SlidingWindowSize is 0; give the window in tokens.", windowLayers);
            }

            RequireRange(expertCount, 0, MaxCount, "ExpertCount");
            RequireRange(denseLayerCount, 0, layerCount, "DenseLayerCount");
            if (expertCount > 0)
            {
                RequireRange(expertsPerToken, 1, expertCount, "ExpertsPerToken");
                RequireRange(expertIntermediateSize, 1, MaxDimension, "ExpertIntermediateSize");
                RequireRange(sharedExpertIntermediateSize, 0, MaxDimension, "SharedExpertIntermediateSize");
                if (denseLayerCount > 0 && intermediateSize == 0)
                {
                    throw Invalid("IntermediateSizeMissing", "IntermediateSize", "DenseLayerCount is {0}, so the dense MLP needs an IntermediateSize.", denseLayerCount);
                }
            }
            else
            {
                if (expertsPerToken != 0 || expertIntermediateSize != 0 || sharedExpertIntermediateSize != 0 || denseLayerCount != 0)
                {
                    throw Invalid("ExpertCountMissing", "ExpertCount", "ExpertsPerToken, ExpertIntermediateSize, SharedExpertIntermediateSize and DenseLayerCount describe MoE layers; set ExpertCount too.");
                }

                RequireRange(intermediateSize, 1, MaxDimension, "IntermediateSize");
            }

            RequireRange(kvLoraRank, 0, MaxDimension, "KvLoraRank");
            if (kvLoraRank > 0)
            {
                RequireRange(qLoraRank, 0, MaxDimension, "QLoraRank");
                RequireRange(qkRopeHeadDimension, 0, MaxDimension, "QkRopeHeadDimension");
                RequireRange(qkNopeHeadDimension, 1, MaxDimension, "QkNopeHeadDimension");
                RequireRange(valueHeadDimension, 1, MaxDimension, "ValueHeadDimension");
                if (headDimension == 0)
                {
                    headDimension = qkNopeHeadDimension + qkRopeHeadDimension;
                }
            }
            else if (qLoraRank != 0 || qkRopeHeadDimension != 0 || qkNopeHeadDimension != 0 || valueHeadDimension != 0)
            {
                throw Invalid("KvLoraRankMissing", "KvLoraRank", "QLoraRank, QkRopeHeadDimension, QkNopeHeadDimension and ValueHeadDimension describe multi-head latent attention; set KvLoraRank too.");
            }

            RequireRange(headDimension, 1, MaxDimension, "HeadDimension");
            if (publishedParameterCount < 0)
            {
                throw Invalid("PublishedParameterCountNegative", "PublishedParameterCount", "PublishedParameterCount must not be negative; got {0}.", publishedParameterCount);
            }

            LayerCount = layerCount;
            HiddenSize = hiddenSize;
            AttentionHeadCount = attentionHeadCount;
            KeyValueHeadCount = keyValueHeadCount;
            HeadDimension = headDimension;
            IntermediateSize = intermediateSize;
            GatedMlp = gatedMlp;
            VocabularySize = vocabularySize;
            TiedEmbeddings = tiedEmbeddings;
            AttentionBias = attentionBias;
            MaxPositionEmbeddings = maxPositionEmbeddings;
            NativeType = nativeType;
            WeightFormat = weightFormat ?? WeightFormat.Plain(nativeType);
            SlidingWindowSize = windowLayers > 0 ? slidingWindowSize : 0;
            SlidingWindowLayerCount = windowLayers;
            ExpertCount = expertCount;
            ExpertsPerToken = expertsPerToken;
            ExpertIntermediateSize = expertIntermediateSize;
            SharedExpertIntermediateSize = sharedExpertIntermediateSize;
            DenseLayerCount = denseLayerCount;
            QLoraRank = qLoraRank;
            KvLoraRank = kvLoraRank;
            QkRopeHeadDimension = qkRopeHeadDimension;
            QkNopeHeadDimension = qkNopeHeadDimension;
            ValueHeadDimension = valueHeadDimension;
            Architecture = architecture ?? string.Empty;
            Aliases = aliases ?? Array.Empty<string>();
            Source = source ?? string.Empty;
            PublishedParameterCount = publishedParameterCount;
            PublishedParameterSource = publishedParameterSource ?? string.Empty;
            Parameters = ParameterCounter.Compute(this);
        }

        /// <summary>Catalog name, lowercase and hyphenated.</summary>
        public string Name { get; }

        /// <summary>Other names the model is known by (Hugging Face id, vendor spellings).</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The Hugging Face architecture class, for information.</summary>
        public string Architecture { get; }

        /// <summary>Transformer blocks.</summary>
        public int LayerCount { get; }

        /// <summary>Width of the residual stream (H).</summary>
        public int HiddenSize { get; }

        /// <summary>Query heads (n_h).</summary>
        public int AttentionHeadCount { get; }

        /// <summary>Key/value heads (n_kv): MHA = heads, GQA fewer, MQA 1.</summary>
        public int KeyValueHeadCount { get; }

        /// <summary>Width of one attention head (d); for MLA the query/key width, nope + rope.</summary>
        public int HeadDimension { get; }

        /// <summary>Width of the dense MLP (I).</summary>
        public int IntermediateSize { get; }

        /// <summary>True for a gated MLP (three matrices), false for a plain one (two).</summary>
        public bool GatedMlp { get; }

        /// <summary>Tokens in the vocabulary (V).</summary>
        public int VocabularySize { get; }

        /// <summary>True when the LM head shares the embedding matrix.</summary>
        public bool TiedEmbeddings { get; }

        /// <summary>True when Q, K and V projections carry biases.</summary>
        public bool AttentionBias { get; }

        /// <summary>The longest sequence the model accepts, in tokens.</summary>
        public int MaxPositionEmbeddings { get; }

        /// <summary>Data type of the published weights' unquantized tensors.</summary>
        public DataType NativeType { get; }

        /// <summary>How the checkpoint stores its linear weights: the native type, or its quantization format.</summary>
        public WeightFormat WeightFormat { get; }

        /// <summary>Tokens a sliding-window layer attends to; 0 without sliding windows.</summary>
        public int SlidingWindowSize { get; }

        /// <summary>Layers that use the sliding window.</summary>
        public int SlidingWindowLayerCount { get; }

        /// <summary>Layers that attend to the whole context.</summary>
        public int FullAttentionLayerCount => LayerCount - SlidingWindowLayerCount;

        /// <summary>Routed experts per MoE layer (E); 0 for a dense model.</summary>
        public int ExpertCount { get; }

        /// <summary>Routed experts per token (k).</summary>
        public int ExpertsPerToken { get; }

        /// <summary>Intermediate width of one routed expert (I_e).</summary>
        public int ExpertIntermediateSize { get; }

        /// <summary>Total intermediate width of a MoE layer's shared experts; 0 without.</summary>
        public int SharedExpertIntermediateSize { get; }

        /// <summary>Leading layers with a dense MLP before the first MoE layer.</summary>
        public int DenseLayerCount { get; }

        /// <summary>Layers with a MoE block.</summary>
        public int MoeLayerCount => IsMixtureOfExperts ? LayerCount - DenseLayerCount : 0;

        /// <summary>True when the model routes tokens to experts.</summary>
        public bool IsMixtureOfExperts => ExpertCount > 0;

        /// <summary>MLA query compression rank; 0 when queries are not compressed.</summary>
        public int QLoraRank { get; }

        /// <summary>MLA latent KV rank; 0 for ordinary attention.</summary>
        public int KvLoraRank { get; }

        /// <summary>MLA rotary part of a query/key head.</summary>
        public int QkRopeHeadDimension { get; }

        /// <summary>MLA non-rotary part of a query/key head.</summary>
        public int QkNopeHeadDimension { get; }

        /// <summary>MLA value head width.</summary>
        public int ValueHeadDimension { get; }

        /// <summary>True for multi-head latent attention (DeepSeek-V2/V3).</summary>
        public bool UsesLatentAttention => KvLoraRank > 0;

        /// <summary>Where the architecture figures come from.</summary>
        public string Source { get; }

        /// <summary>The parameter count the publisher states; 0 when unknown.</summary>
        public long PublishedParameterCount { get; }

        /// <summary>Where the published count is stated.</summary>
        public string PublishedParameterSource { get; }

        /// <summary>Total parameters computed from the architecture.</summary>
        public long TotalParameterCount => Parameters.Total;

        /// <summary>Parameters one token uses (routed experts counted k of E).</summary>
        public long ActiveParameterCount => Parameters.Active;

        /// <summary>The parameter counts by part, computed once from the architecture.</summary>
        internal ParameterCounts Parameters { get; }

        /// <summary>The catalog name.</summary>
        public override string ToString() => Name;

        /// <summary>A copy with another name, aliases and source; everything else unchanged.</summary>
        public ModelSpec WithIdentity(string name, IReadOnlyList<string>? aliases, string? source) =>
            new ModelSpec(name, LayerCount, HiddenSize, AttentionHeadCount, KeyValueHeadCount, IntermediateSize, VocabularySize, MaxPositionEmbeddings,
                HeadDimension, GatedMlp, TiedEmbeddings, AttentionBias, NativeType, WeightFormat, SlidingWindowSize, SlidingWindowLayerCount,
                ExpertCount, ExpertsPerToken, ExpertIntermediateSize, SharedExpertIntermediateSize, DenseLayerCount,
                QLoraRank, KvLoraRank, QkRopeHeadDimension, QkNopeHeadDimension, ValueHeadDimension,
                Architecture, aliases, source, PublishedParameterCount, PublishedParameterSource);

        private static void RequireRange(long value, long min, long max, string field)
        {
            if (value < min || value > max)
            {
                throw Invalid(
                    value < min ? field + "OutOfRange" : field + "TooLarge",
                    field,
                    max == int.MaxValue || max >= 1_000_000_000 ? "{0} must be at least {1}; got {3}." : "{0} must be between {1} and {2}; got {3}.",
                    field, min, max, value);
            }
        }

        private static InvalidInputException Invalid(string id, string field, string format, params object[] args) =>
            new InvalidInputException(id, field, string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
