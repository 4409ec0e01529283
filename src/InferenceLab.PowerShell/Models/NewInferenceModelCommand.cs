using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Models
{
    /// <summary>
    /// A model from its architecture, field by field (DESIGN §3), for what no catalog has. Every architecture parameter is
    /// named as the model's own property and binds by property name, so a model piped in is copied with the parameters
    /// given replacing its fields (<c>$m | New-InferenceModel -Name my-llama -MaxPositionEmbeddings 8192</c>), and a CSV
    /// of architectures imports row by row. Its aliases, source and published count are not copied: they describe the
    /// original. Core validates every field; a bad row is one error and the rest go on. The session remembers the model by
    /// name, so results computed from it bind to later cmdlets by their ModelName.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "InferenceModel")]
    [OutputType(typeof(ModelSpec))]
    public sealed class NewInferenceModelCommand : InferenceCommand
    {
        /// <summary>Name, lowercase and hyphenated (<c>llama-2-7b</c>).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>Transformer blocks (num_hidden_layers).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int LayerCount { get; set; }

        /// <summary>Width of the residual stream (hidden_size).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int HiddenSize { get; set; }

        /// <summary>Query heads (num_attention_heads).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int AttentionHeadCount { get; set; }

        /// <summary>Key/value heads (num_key_value_heads): the heads for MHA, fewer for GQA, 1 for MQA; 0 means the heads.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int KeyValueHeadCount { get; set; }

        /// <summary>Width of the dense MLP (intermediate_size); 0 only when every layer is MoE.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int IntermediateSize { get; set; }

        /// <summary>Tokens in the vocabulary (vocab_size).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int VocabularySize { get; set; }

        /// <summary>The longest sequence the model accepts (max_position_embeddings).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int MaxPositionEmbeddings { get; set; }

        /// <summary>Width of one attention head (head_dim); 0 means hidden size ÷ heads.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int HeadDimension { get; set; }

        /// <summary>True (the default) for a gated MLP of three matrices (SwiGLU, GeGLU); false for a plain one of two.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool GatedMlp { get; set; } = true;

        /// <summary>The LM head shares the embedding matrix (tie_word_embeddings).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter TiedEmbeddings
        {
            get => TiedEmbeddingsValue;
            set => TiedEmbeddingsValue = value.IsPresent;
        }

        /// <summary>The Q, K and V projections carry biases (Qwen2, gpt-oss).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter AttentionBias
        {
            get => AttentionBiasValue;
            set => AttentionBiasValue = value.IsPresent;
        }

        /// <summary>The switches as bools, which tests can set (SwitchParameter is a stub outside PowerShell, DESIGN §10).</summary>
        internal bool TiedEmbeddingsValue { get; set; }

        /// <summary><see cref="AttentionBias"/> as a bool.</summary>
        internal bool AttentionBiasValue { get; set; }

        /// <summary>Data type of the published weights' unquantized tensors (torch_dtype); default bf16.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DataType NativeType { get; set; } = DataType.Bf16;

        /// <summary>How the checkpoint stores its linear weights; by default the native type. -WeightType and its companions replace it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public WeightFormat? WeightFormat { get; set; }

        /// <summary>Element type of a quantized checkpoint's linear weights (int4 for GPTQ, fp8, fp4 for MXFP4).</summary>
        [Parameter]
        public DataType? WeightType { get; set; }

        /// <summary>Weights sharing one quantization scale (128 for GPTQ/AWQ); 0 for none.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? WeightGroupSize { get; set; }

        /// <summary>Bytes of each group's scale and zero point; 2 (an fp16 scale) when only a group size is given.</summary>
        [Parameter]
        [ValidateRange(0.0, 64.0)]
        public double? WeightScaleBytes { get; set; }

        /// <summary>The weight format covers the MoE's routed experts only; the other linear weights stay in the native type (gpt-oss's MXFP4).</summary>
        [Parameter]
        public SwitchParameter WeightRoutedExpertsOnly
        {
            get => WeightRoutedExpertsOnlyValue;
            set => WeightRoutedExpertsOnlyValue = value.IsPresent;
        }

        /// <summary><see cref="WeightRoutedExpertsOnly"/> as a bool, which tests can set.</summary>
        internal bool WeightRoutedExpertsOnlyValue { get; set; }

        /// <summary>Tokens a sliding-window layer attends to (sliding_window); 0 without windows.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int SlidingWindowSize { get; set; }

        /// <summary>How many layers use the window; by default all of them when a window is set.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? SlidingWindowLayerCount { get; set; }

        /// <summary>Routed experts per MoE layer (num_local_experts, n_routed_experts); 0 for a dense model.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int ExpertCount { get; set; }

        /// <summary>Routed experts each token uses (num_experts_per_tok).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int ExpertsPerToken { get; set; }

        /// <summary>Intermediate width of one routed expert (moe_intermediate_size).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int ExpertIntermediateSize { get; set; }

        /// <summary>Total intermediate width of a MoE layer's shared experts; 0 without.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int SharedExpertIntermediateSize { get; set; }

        /// <summary>Leading layers with a dense MLP before the first MoE layer (first_k_dense_replace).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int DenseLayerCount { get; set; }

        /// <summary>MLA query compression rank (q_lora_rank); 0 when queries are not compressed.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int QLoraRank { get; set; }

        /// <summary>MLA latent KV rank (kv_lora_rank); 0 for ordinary attention.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int KvLoraRank { get; set; }

        /// <summary>MLA rotary part of a query/key head (qk_rope_head_dim).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int QkRopeHeadDimension { get; set; }

        /// <summary>MLA non-rotary part of a query/key head (qk_nope_head_dim).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int QkNopeHeadDimension { get; set; }

        /// <summary>MLA value head width (v_head_dim).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int ValueHeadDimension { get; set; }

        /// <summary>The Hugging Face architecture class (LlamaForCausalLM), for information.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Architecture { get; set; }

        /// <summary>Other names the model is known by.</summary>
        [Parameter]
        public string[]? Aliases { get; set; }

        /// <summary>Where the figures come from.</summary>
        [Parameter]
        public string? Source { get; set; }

        /// <summary>The parameter count the publisher states, to compare with the computed one; 0 when unknown.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long PublishedParameterCount { get; set; }

        /// <summary>Where that count is stated.</summary>
        [Parameter]
        public string? PublishedParameterSource { get; set; }

        /// <summary>The Core model the parameters describe; Core validates every field.</summary>
        /// <exception cref="InferenceLabException">A field out of range or inconsistent with another.</exception>
        internal ModelSpec BuildModel() =>
            new ModelSpec(
                Name,
                LayerCount,
                HiddenSize,
                AttentionHeadCount,
                KeyValueHeadCount,
                IntermediateSize,
                VocabularySize,
                MaxPositionEmbeddings,
                HeadDimension,
                GatedMlp,
                TiedEmbeddingsValue,
                AttentionBiasValue,
                NativeType,
                BuildWeightFormat(),
                SlidingWindowSize,
                SlidingWindowLayerCount,
                ExpertCount,
                ExpertsPerToken,
                ExpertIntermediateSize,
                SharedExpertIntermediateSize,
                DenseLayerCount,
                QLoraRank,
                KvLoraRank,
                QkRopeHeadDimension,
                QkNopeHeadDimension,
                ValueHeadDimension,
                Architecture,
                Aliases,
                Source,
                PublishedParameterCount,
                PublishedParameterSource);

        /// <summary>The checkpoint's weight format: from -WeightType and its companions when given, else -WeightFormat, else null (native).</summary>
        internal WeightFormat? BuildWeightFormat()
        {
            if (WeightType == null && WeightGroupSize == null && WeightScaleBytes == null && !WeightRoutedExpertsOnlyValue)
            {
                return WeightFormat;
            }

            int group = WeightGroupSize ?? 0;
            double scale = WeightScaleBytes ?? (group > 0 ? WeightFormat.DefaultScaleBytes : 0);
            return new WeightFormat(WeightType ?? WeightFormat?.Type ?? NativeType, group, scale, WeightRoutedExpertsOnlyValue);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var model = BuildModel();
                Catalog.SessionCatalog.Remember(model);
                WriteObject(model);
            }
            catch (InferenceLabException error)
            {
                WriteInferenceError(error, Name);
            }
        }
    }
}
