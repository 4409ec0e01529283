using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Maps a Hugging Face <c>config.json</c> to a <see cref="ModelSpec"/> (DESIGN §7). Each family's field names are
    /// mapped explicitly; an unmapped <c>model_type</c> is an error, a missing field that matters is an error naming
    /// it, and a present field the importer does not know is a warning rather than silently dropped.
    /// </summary>
    internal static class HuggingFaceConfigImporter
    {
        /// <summary>The model_type values this importer maps, by family.</summary>
        private static readonly Dictionary<string, Family> Families = new Dictionary<string, Family>(StringComparer.Ordinal)
        {
            ["llama"] = Family.Llama,
            ["mistral"] = Family.Mistral,
            ["mixtral"] = Family.Mixtral,
            ["qwen2"] = Family.Qwen2,
            ["qwen2_moe"] = Family.Qwen2Moe,
            ["qwen3"] = Family.Qwen3,
            ["qwen3_moe"] = Family.Qwen3Moe,
            ["deepseek_v2"] = Family.DeepSeek,
            ["deepseek_v3"] = Family.DeepSeek,
            ["gemma"] = Family.Gemma,
            ["gemma2"] = Family.Gemma2,
            ["gemma3"] = Family.Gemma3,
            ["gemma3_text"] = Family.Gemma3,
            ["phi"] = Family.Phi,
            ["phi3"] = Family.Phi3,
            ["falcon"] = Family.Falcon,
            ["RefinedWeb"] = Family.Falcon,
            ["RefinedWebModel"] = Family.Falcon,
            ["dbrx"] = Family.Dbrx,
            ["gpt_oss"] = Family.GptOss,
        };

        /// <summary>Multimodal wrappers whose language model sits under <c>text_config</c>, with the text model's type.</summary>
        private static readonly Dictionary<string, string> Wrappers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gemma3"] = "gemma3_text",
            ["mistral3"] = "mistral",
        };

        /// <summary>Fields that are known and do not change parameter counts, KV cache or attention spans.</summary>
        private static readonly HashSet<string> Harmless = new HashSet<string>(StringComparer.Ordinal)
        {
            "_name_or_path", "architectures", "model_type", "auto_map", "transformers_version", "torch_dtype", "dtype",
            "bos_token_id", "eos_token_id", "pad_token_id", "unk_token_id", "sep_token_id", "decoder_start_token_id",
            "image_token_index", "image_token_id", "boi_token_index", "eoi_token_index", "mm_tokens_per_image",
            "initializer_range", "initializer_factor", "rms_norm_eps", "layer_norm_eps", "layer_norm_epsilon", "norm_epsilon", "norm_eps",
            "use_cache", "hidden_act", "hidden_activation", "activation_function", "ffn_act_fn",
            "rope_theta", "rope_local_base_freq", "rotary_emb_base", "rope_ntk_alpha", "rope_ntk_beta", "rope_scaling_factor",
            "rotary_pct", "rotary_dim", "partial_rotary_factor", "original_max_position_embeddings", "initial_context_length",
            "attention_dropout", "hidden_dropout", "attn_pdrop", "embd_pdrop", "resid_pdrop", "emb_pdrop", "embedding_dropout",
            "output_router_logits", "router_aux_loss_coef", "router_z_loss_coef", "router_jitter_noise", "aux_loss_alpha", "seq_aux",
            "norm_topk_prob", "routed_scaling_factor", "scoring_func", "topk_method", "n_group", "topk_group", "ep_size",
            "pretraining_tp", "_attn_implementation", "attn_implementation", "cache_implementation", "use_mrope",
            "attn_logit_softcapping", "final_logit_softcapping", "query_pre_attn_scalar", "swiglu_limit", "clip_qkv",
            "qk_layernorm", "use_qk_norm", "tie_word_embeddings", "max_window_layers", "use_sliding_window", "sliding_window_size",
            "torchscript", "return_dict", "output_hidden_states", "output_attentions", "is_encoder_decoder", "id2label", "label2id",
            "projector_hidden_act", "multimodal_projector_bias", "spatial_merge_size", "vision_feature_layer", "vision_feature_select_strategy",
            "text_config", "vision_config", "apply_residual_connection_post_layernorm", "parallel_attn", "alibi", "bias",
            "use_bidirectional_attention", "lm_head_bias", "resid_dropout", "summary_type", "num_nextn_predict_layers", "moe_layer_freq",
        };

        private enum Family
        {
            Llama,
            Mistral,
            Mixtral,
            Qwen2,
            Qwen2Moe,
            Qwen3,
            Qwen3Moe,
            DeepSeek,
            Gemma,
            Gemma2,
            Gemma3,
            Phi,
            Phi3,
            Falcon,
            Dbrx,
            GptOss,
        }

        /// <summary>True when a top-level mapping looks like a Hugging Face config.json.</summary>
        public static bool LooksLikeConfig(YamlMappingNode node) =>
            node.ContainsKey("model_type") || node.ContainsKey("architectures") || node.ContainsKey("text_config");

        /// <summary>Imports a config.json mapping.</summary>
        /// <param name="root">The parsed file.</param>
        /// <param name="file">The file path, for messages and the default name.</param>
        /// <param name="name">The catalog name to give the model; null derives it from <c>_name_or_path</c> or the folder.</param>
        /// <param name="warnings">Receives the import's warnings.</param>
        public static ModelSpec Import(YamlMappingNode root, string file, string? name, List<string> warnings)
        {
            var top = new EntryFields(root, file, string.Empty, strict: false, allowUnderscores: false);
            string modelType = top.String("model_type") ?? string.Empty;
            var architectures = top.StringList("architectures");
            EntryFields f = top;
            if (Wrappers.TryGetValue(modelType, out var textType) || root.ContainsKey("text_config"))
            {
                var text = top.Mapping("text_config");
                if (text != null)
                {
                    f = text;
                    modelType = text.String("model_type") ?? textType ?? modelType;
                    if (root.ContainsKey("vision_config"))
                    {
                        top.Ignore("vision_config");
                        warnings.Add("vision_config: the vision tower is not counted; the parameters and costs are the language model's.");
                    }
                }
                else if (textType != null && !string.Equals(modelType, "gemma3", StringComparison.Ordinal))
                {
                    throw top.Missing("text_config");
                }
            }

            if (!Families.TryGetValue(modelType, out var family))
            {
                throw top.ErrorAt(
                    "ConfigArchitectureUnknown",
                    "model_type",
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "model_type '{0}'{1} is not a family InferenceLab maps. Supported model_type values: {2}. Write a catalog entry (see models.yaml) for other architectures.",
                        modelType.Length == 0 ? "(missing)" : modelType,
                        architectures.Count > 0 ? " (architectures " + string.Join(", ", architectures) + ")" : string.Empty,
                        string.Join(", ", Families.Keys.Concat(Wrappers.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal))));
            }

            var spec = Map(family, top, f, file, name, architectures, warnings);
            foreach (var fields in f == top ? new[] { top } : new[] { top, f })
            {
                foreach (var key in fields.UnusedKeys.Where(k => !Harmless.Contains(k)))
                {
                    warnings.Add(fields.FieldName(key) + ": not a field InferenceLab maps; if it changes the architecture (attention, MLP, layer layout), the estimates may be off.");
                }
            }

            return spec;
        }

        private static ModelSpec Map(Family family, EntryFields top, EntryFields f, string file, string? name, IReadOnlyList<string> architectures, List<string> warnings)
        {
            bool falcon = family == Family.Falcon;
            int layers = RequireFirst(f, "num_hidden_layers", "n_layer", "n_layers", "num_layers");
            int hidden = RequireFirst(f, "hidden_size", "n_embd", "d_model");
            int heads = RequireFirst(f, "num_attention_heads", "n_head", "n_heads");
            int vocab = f.Int("vocab_size", 1, 1_000_000_000) ?? FamilyDefault(family == Family.Gemma3, f, "vocab_size", 262_208, "Gemma3TextConfig", warnings);

            int kvHeads = KeyValueHeads(family, f, heads);
            int headDim = f.Int("head_dim", 1, ModelSpec.MaxDimension) ?? 0;

            // Dense MLP width and its family defaults.
            int intermediate;
            var ffn = family == Family.Dbrx ? (f.Mapping("ffn_config") ?? throw f.Missing("ffn_config")) : null;
            if (family == Family.Dbrx)
            {
                intermediate = ffn!.RequireInt("ffn_hidden_size", 1, ModelSpec.MaxDimension);
            }
            else if (falcon)
            {
                intermediate = f.Int("ffn_hidden_size", 1, ModelSpec.MaxDimension) ?? 4 * hidden;
            }
            else if (family == Family.Phi)
            {
                intermediate = FirstInt(f, "intermediate_size", "n_inner") ?? 4 * hidden;
            }
            else
            {
                intermediate = f.RequireInt("intermediate_size", 1, ModelSpec.MaxDimension);
            }

            int maxPositions = MaxPositions(family, f, warnings);
            bool tied = f.Bool("tie_word_embeddings") ?? top.Bool("tie_word_embeddings") ?? (family == Family.Gemma || family == Family.Gemma2 || family == Family.Gemma3 || falcon);
            bool gated = !(falcon || family == Family.Phi);
            bool bias = family == Family.Qwen2 || family == Family.Qwen2Moe || family == Family.GptOss || family == Family.Phi
                ? f.Bool("attention_bias") ?? true
                : falcon ? f.Bool("bias") ?? false : f.Bool("attention_bias") ?? false;
            if (f.Bool("mlp_bias") == true)
            {
                warnings.Add(f.FieldName("mlp_bias") + ": MLP biases are not counted (a small fraction of the parameters).");
            }

            if (falcon && f.Bool("alibi") == true)
            {
                warnings.Add(f.FieldName("alibi") + ": ALiBi position biases are treated like rotary embeddings (no parameters, no extra KV).");
            }

            CheckRopeScaling(f, warnings);
            var (window, windowLayers) = SlidingWindow(family, f, layers, warnings);

            // Mixture of experts.
            int experts = 0, perToken = 0, expertWidth = 0, sharedWidth = 0, denseLayers = 0;
            switch (family)
            {
                case Family.Mixtral:
                    experts = f.RequireInt("num_local_experts", 1, ModelSpec.MaxCount);
                    perToken = f.RequireInt("num_experts_per_tok", 1, ModelSpec.MaxCount);
                    expertWidth = intermediate;
                    break;
                case Family.GptOss:
                    experts = f.RequireInt("num_local_experts", 1, ModelSpec.MaxCount);
                    perToken = FirstInt(f, "num_experts_per_tok", "experts_per_token") ?? throw f.Missing("num_experts_per_tok");
                    expertWidth = intermediate;
                    break;
                case Family.Qwen2Moe:
                case Family.Qwen3Moe:
                    experts = f.RequireInt("num_experts", 1, ModelSpec.MaxCount);
                    perToken = f.RequireInt("num_experts_per_tok", 1, ModelSpec.MaxCount);
                    expertWidth = f.RequireInt("moe_intermediate_size", 1, ModelSpec.MaxDimension);
                    sharedWidth = family == Family.Qwen2Moe ? f.Int("shared_expert_intermediate_size", 0, ModelSpec.MaxDimension) ?? 0 : 0;
                    int step = f.Int("decoder_sparse_step", 1, ModelSpec.MaxLayers) ?? 1;
                    var mlpOnly = f.Sequence("mlp_only_layers");
                    if (step != 1 || (mlpOnly != null && mlpOnly.Items.Count > 0))
                    {
                        throw f.ErrorAt(
                            "ConfigUnsupported",
                            step != 1 ? "decoder_sparse_step" : "mlp_only_layers",
                            "Only layouts where every layer is MoE (decoder_sparse_step 1, no mlp_only_layers) can be expressed; ModelSpec counts dense layers as a leading block.");
                    }

                    break;
                case Family.DeepSeek:
                    experts = f.Int("n_routed_experts", 0, ModelSpec.MaxCount) ?? 0;
                    if (experts > 0)
                    {
                        perToken = f.RequireInt("num_experts_per_tok", 1, ModelSpec.MaxCount);
                        expertWidth = f.RequireInt("moe_intermediate_size", 1, ModelSpec.MaxDimension);
                        sharedWidth = (f.Int("n_shared_experts", 0, ModelSpec.MaxCount) ?? 0) * expertWidth;
                        denseLayers = f.Int("first_k_dense_replace", 0, layers) ?? 0;
                        int frequency = f.Int("moe_layer_freq", 1, ModelSpec.MaxLayers) ?? 1;
                        if (frequency != 1)
                        {
                            throw f.ErrorAt("ConfigUnsupported", "moe_layer_freq", "moe_layer_freq " + frequency.ToString(CultureInfo.InvariantCulture) + " interleaves dense and MoE layers, which ModelSpec cannot express.");
                        }
                    }

                    int mtp = f.Int("num_nextn_predict_layers", 0, ModelSpec.MaxLayers) ?? 0;
                    if (mtp > 0)
                    {
                        warnings.Add(f.FieldName("num_nextn_predict_layers") + ": the multi-token-prediction layer(s) are not counted; inference without speculative decoding does not load them.");
                    }

                    break;
                case Family.Dbrx:
                    experts = ffn!.RequireInt("moe_num_experts", 1, ModelSpec.MaxCount);
                    perToken = ffn.RequireInt("moe_top_k", 1, ModelSpec.MaxCount);
                    expertWidth = intermediate;
                    foreach (var key in ffn.UnusedKeys.ToArray())
                    {
                        ffn.Ignore(key);
                    }

                    break;
            }

            // Multi-head latent attention (DeepSeek-V2/V3).
            int qLora = 0, kvLora = 0, rope = 0, nope = 0, value = 0;
            if (family == Family.DeepSeek)
            {
                kvLora = f.RequireInt("kv_lora_rank", 1, ModelSpec.MaxDimension);
                qLora = f.Int("q_lora_rank", 0, ModelSpec.MaxDimension) ?? 0;
                rope = f.RequireInt("qk_rope_head_dim", 0, ModelSpec.MaxDimension);
                nope = f.RequireInt("qk_nope_head_dim", 1, ModelSpec.MaxDimension);
                value = f.RequireInt("v_head_dim", 1, ModelSpec.MaxDimension);
                kvHeads = heads;
                headDim = 0;
            }

            var nativeType = NativeType(top, f, warnings);
            var weightFormat = QuantizationFormat(top, nativeType, warnings);
            string nameOrPath = top.String("_name_or_path") ?? string.Empty;
            string modelName = name ?? DeriveName(nameOrPath, file);
            var aliases = nameOrPath.IndexOf('/') > 0 && !Path.IsPathRooted(nameOrPath) && !string.Equals(nameOrPath, modelName, StringComparison.OrdinalIgnoreCase)
                ? new[] { nameOrPath }
                : Array.Empty<string>();

            return ModelEntryReader.Construct(f, () => new ModelSpec(
                modelName,
                layers,
                hidden,
                heads,
                kvHeads,
                intermediate,
                vocab,
                maxPositions,
                headDimension: headDim,
                gatedMlp: gated,
                tiedEmbeddings: tied,
                attentionBias: bias,
                nativeType: nativeType,
                weightFormat: weightFormat,
                slidingWindowSize: window,
                slidingWindowLayerCount: windowLayers,
                expertCount: experts,
                expertsPerToken: perToken,
                expertIntermediateSize: expertWidth,
                sharedExpertIntermediateSize: sharedWidth,
                denseLayerCount: denseLayers,
                qLoraRank: qLora,
                kvLoraRank: kvLora,
                qkRopeHeadDimension: rope,
                qkNopeHeadDimension: nope,
                valueHeadDimension: value,
                architecture: architectures.FirstOrDefault(),
                aliases: aliases,
                source: file));
        }

        private static int KeyValueHeads(Family family, EntryFields f, int heads)
        {
            if (family == Family.Dbrx)
            {
                var attention = f.Mapping("attn_config") ?? throw f.Missing("attn_config");
                int kv = attention.RequireInt("kv_n_heads", 1, ModelSpec.MaxCount);
                foreach (var key in attention.UnusedKeys.ToArray())
                {
                    attention.Ignore(key);
                }

                return kv;
            }

            if (family == Family.Falcon)
            {
                bool newDecoder = f.Bool("new_decoder_architecture") ?? false;
                bool multiQuery = f.Bool("multi_query") ?? false;
                int? explicitKv = FirstInt(f, "num_kv_heads", "n_head_kv");
                if (newDecoder)
                {
                    return explicitKv ?? throw f.Missing("num_kv_heads");
                }

                return multiQuery ? 1 : heads;
            }

            return FirstInt(f, "num_key_value_heads") ?? heads;
        }

        private static int MaxPositions(Family family, EntryFields f, List<string> warnings)
        {
            int? positions = FirstInt(f, "max_position_embeddings", "n_positions", "max_seq_len", "max_sequence_length");
            if (positions.HasValue)
            {
                return positions.Value;
            }

            // The original Falcon-7B/40B configs and Gemma 3's text_config leave it to transformers' defaults.
            return family == Family.Falcon
                ? FamilyDefault(true, f, "max_position_embeddings", 2048, "FalconConfig", warnings)
                : FamilyDefault(family == Family.Gemma3, f, "max_position_embeddings", 131_072, "Gemma3TextConfig", warnings);
        }

        private static (int Window, int? Layers) SlidingWindow(Family family, EntryFields f, int layers, List<string> warnings)
        {
            var layerTypes = f.Sequence("layer_types");
            int? window = f.Int("sliding_window", 0, int.MaxValue) ?? f.Int("sliding_window_size", 0, int.MaxValue);
            if (layerTypes != null)
            {
                if (layerTypes.Items.Count != layers)
                {
                    throw f.ErrorAt("ConfigFieldInconsistent", "layer_types", string.Format(CultureInfo.InvariantCulture, "layer_types lists {0} layers but num_hidden_layers is {1}.", layerTypes.Items.Count, layers));
                }

                int sliding = 0;
                foreach (var item in layerTypes.Items)
                {
                    string type = (item as YamlScalarNode)?.Value ?? string.Empty;
                    if (type == "sliding_attention")
                    {
                        sliding++;
                    }
                    else if (type != "full_attention")
                    {
                        throw new CatalogDataException("ConfigUnsupported", f.File, item.Line, item.Column, f.FieldName("layer_types"), "Layer type '" + type + "' is not one InferenceLab maps (sliding_attention, full_attention).");
                    }
                }

                if (sliding > 0 && !(window > 0))
                {
                    throw f.Missing("sliding_window");
                }

                return sliding > 0 ? (window!.Value, sliding) : (0, 0);
            }

            switch (family)
            {
                case Family.Mistral:
                case Family.Mixtral:
                case Family.Phi3:
                    return window > 0 ? (window.Value, layers) : (0, 0);
                case Family.Qwen2:
                case Family.Qwen2Moe:
                case Family.Qwen3:
                case Family.Qwen3Moe:
                    if (f.Bool("use_sliding_window") == true && window > 0)
                    {
                        // Layers from index max_window_layers on use the window (transformers Qwen2Config.layer_types).
                        int first = f.Int("max_window_layers", 0, int.MaxValue) ?? layers;
                        return (window.Value, Math.Max(0, layers - Math.Min(first, layers)));
                    }

                    return (0, 0);
                case Family.Gemma2:
                    if (!(window > 0))
                    {
                        throw f.Missing("sliding_window");
                    }

                    // Even-indexed layers slide (transformers Gemma2: is_sliding = layer_idx % 2 == 0).
                    return (window!.Value, (layers + 1) / 2);
                case Family.Gemma3:
                    if (!(window > 0))
                    {
                        throw f.Missing("sliding_window");
                    }

                    // Every pattern-th layer is global; the rest slide (sliding_window_pattern defaults to 6).
                    int pattern = f.Int("sliding_window_pattern", 1, int.MaxValue) ?? 6;
                    return (window!.Value, layers - layers / pattern);
                case Family.GptOss:
                    throw f.Missing("layer_types");
                default:
                    if (window > 0)
                    {
                        warnings.Add(f.FieldName("sliding_window") + ": this family does not use a sliding window in InferenceLab's mapping; it is ignored.");
                    }

                    return (0, 0);
            }
        }

        private static void CheckRopeScaling(EntryFields f, List<string> warnings)
        {
            foreach (var key in new[] { "rope_scaling", "rope_parameters" })
            {
                var node = f.Raw(key);
                if (!(node is YamlMappingNode mapping))
                {
                    continue;
                }

                string? type = null;
                foreach (var typeKey in new[] { "rope_type", "type" })
                {
                    if (mapping.TryGetValue(typeKey, out var value) && value is YamlScalarNode scalar)
                    {
                        type = scalar.Value;
                    }
                }

                var known = new[] { "default", "linear", "dynamic", "yarn", "llama3", "longrope", "su", "mrope" };
                if (type != null && !known.Contains(type))
                {
                    warnings.Add(f.FieldName(key) + ": rope type '" + type + "' is not one InferenceLab knows; positions are taken from max_position_embeddings.");
                }
            }
        }

        private static DataType NativeType(EntryFields top, EntryFields f, List<string> warnings)
        {
            string? text = top.String("torch_dtype") ?? top.String("dtype") ?? (f != top ? f.String("torch_dtype") ?? f.String("dtype") : null);
            if (text == null)
            {
                warnings.Add("torch_dtype: missing; bf16 is assumed for the published weights.");
                return DataType.Bf16;
            }

            if (!DataTypes.TryParse(text, out var type))
            {
                throw top.ErrorAt("ConfigFieldWrongType", top.Contains("torch_dtype") ? "torch_dtype" : "dtype", "'" + text + "' is not a data type InferenceLab knows.");
            }

            return type;
        }

        private static WeightFormat? QuantizationFormat(EntryFields top, DataType nativeType, List<string> warnings)
        {
            var q = top.Mapping("quantization_config");
            if (q == null)
            {
                return null;
            }

            string method = (q.String("quant_method") ?? string.Empty).ToLowerInvariant();
            WeightFormat? format;
            switch (method)
            {
                case "mxfp4":
                    // OCP MX: blocks of 32 fp4 (e2m1) elements share one 8-bit (e8m0) scale. gpt-oss quantizes only the MoE
                    // experts (its modules_to_not_convert keeps attention, router, embedding and LM head unquantized).
                    format = new WeightFormat(DataType.Fp4, 32, 1, routedExpertsOnly: true);
                    break;
                case "gptq":
                case "awq":
                {
                    int bits = q.Int("bits", 1, 16) ?? q.Int("w_bit", 1, 16) ?? throw q.Missing("bits");
                    int group = q.Int("group_size", -1, int.MaxValue) ?? q.Int("q_group_size", -1, int.MaxValue) ?? 128;
                    format = Grouped(q, bits, group, hasZeroPoint: true, scaleBytes: 2);
                    break;
                }

                case "fp8":
                {
                    int group = BlockSize(q, "weight_block_size");

                    // Block-wise fp8 (DeepSeek-V3) stores one fp32 scale per block.
                    format = group > 0 ? new WeightFormat(DataType.Fp8, group, 4) : WeightFormat.Plain(DataType.Fp8);
                    break;
                }

                case "compressed-tensors":
                    format = CompressedTensors(q, warnings);
                    break;
                default:
                    warnings.Add("quantization_config: quant_method '" + method + "' is not one InferenceLab maps; the weights are taken as " + nativeType.ToName() + ".");
                    format = null;
                    break;
            }

            foreach (var key in q.UnusedKeys.ToArray())
            {
                q.Ignore(key);
            }

            return format;
        }

        private static WeightFormat? CompressedTensors(EntryFields q, List<string> warnings)
        {
            var groups = q.Mapping("config_groups") ?? throw q.Missing("config_groups");
            if (groups.Node.Count == 0)
            {
                throw q.ErrorAt("ConfigFieldMissing", "config_groups", "config_groups is empty.");
            }

            if (groups.Node.Count > 1)
            {
                warnings.Add(groups.FieldName(string.Empty).TrimEnd('.') + ": several quantization groups; the first one's weight format is used for every linear weight.");
            }

            var group = groups.Mapping(groups.Node.Keys[0])!;
            var weights = group.Mapping("weights") ?? throw group.Missing("weights");
            int bits = weights.RequireInt("num_bits", 1, 16);
            string type = (weights.String("type") ?? "int").ToLowerInvariant();
            string strategy = (weights.String("strategy") ?? "tensor").ToLowerInvariant();
            bool symmetric = weights.Bool("symmetric") ?? true;
            int groupSize = strategy == "group" ? weights.RequireInt("group_size", 1, int.MaxValue) : 0;
            if (strategy == "block")
            {
                groupSize = BlockSize(weights, "block_structure");
            }

            foreach (var fields in new[] { group, weights })
            {
                foreach (var key in fields.UnusedKeys.ToArray())
                {
                    fields.Ignore(key);
                }
            }

            if (type == "float" && bits == 8)
            {
                return groupSize > 0 ? new WeightFormat(DataType.Fp8, groupSize, 4) : WeightFormat.Plain(DataType.Fp8);
            }

            if (type == "float" && bits == 4)
            {
                return groupSize > 0 ? new WeightFormat(DataType.Fp4, groupSize, 1) : WeightFormat.Plain(DataType.Fp4);
            }

            if (type == "int" && (bits == 4 || bits == 8))
            {
                // Group scales are fp16/bf16; asymmetric schemes add a zero point of the weight's own width.
                return Grouped(weights, bits, groupSize, hasZeroPoint: !symmetric, scaleBytes: 2);
            }

            throw weights.ErrorAt("ConfigUnsupported", "num_bits", "A " + bits.ToString(CultureInfo.InvariantCulture) + "-bit " + type + " weight scheme is not one InferenceLab maps (int4, int8, fp8, fp4).");
        }

        /// <summary>The weights per scale of a two-dimensional block (<c>[128, 128]</c> → 16384); 0 when absent.</summary>
        private static int BlockSize(EntryFields q, string key)
        {
            var block = q.Sequence(key);
            if (block == null)
            {
                return 0;
            }

            long size = 1;
            foreach (var item in block.Items)
            {
                if (block.Items.Count != 2 || !(item is YamlScalarNode scalar) || scalar.Quoted
                    || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int side) || side < 1)
                {
                    throw q.ErrorAt("ConfigFieldWrongType", key, key + " must be two positive whole numbers, such as [128, 128].");
                }

                size *= side;
            }

            if (size > int.MaxValue)
            {
                throw q.ErrorAt("CatalogFieldTooLarge", key, key + " describes blocks that are too large.");
            }

            return (int)size;
        }

        private static WeightFormat Grouped(EntryFields q, int bits, int group, bool hasZeroPoint, double scaleBytes)
        {
            DataType type = bits == 4 ? DataType.Int4 : bits == 8 ? DataType.Int8 : throw q.ErrorAt("ConfigUnsupported", "bits", bits.ToString(CultureInfo.InvariantCulture) + "-bit weights are not a type InferenceLab maps (4 or 8).");
            if (group <= 0)
            {
                // Per-channel scales (group_size -1): one scale per output row, negligible per weight.
                return WeightFormat.Plain(type);
            }

            return new WeightFormat(type, group, scaleBytes + (hasZeroPoint ? bits / 8.0 : 0));
        }

        private static string DeriveName(string nameOrPath, string file)
        {
            string candidate = nameOrPath.Length > 0 && !Path.IsPathRooted(nameOrPath) ? nameOrPath.Split('/').Last() : string.Empty;
            if (candidate.Length == 0)
            {
                string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
                string fileName = Path.GetFileNameWithoutExtension(file);
                candidate = string.Equals(fileName, "config", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(folder)
                    ? Path.GetFileName(folder)
                    : fileName;
            }

            return candidate.Trim().ToLowerInvariant();
        }

        private static int FamilyDefault(bool applies, EntryFields f, string key, int value, string configClass, List<string> warnings)
        {
            if (!applies)
            {
                throw f.Missing(key);
            }

            warnings.Add(string.Format(CultureInfo.InvariantCulture, "{0}: not stated; transformers' {1} default of {2} applies.", f.FieldName(key), configClass, value));
            return value;
        }

        private static int RequireFirst(EntryFields f, params string[] keys) => FirstInt(f, keys) ?? throw f.Missing(keys[0]);

        private static int? FirstInt(EntryFields f, params string[] keys)
        {
            int? result = null;
            foreach (var key in keys)
            {
                var value = f.Int(key, 0, int.MaxValue);
                if (result == null)
                {
                    result = value;
                }
            }

            return result;
        }
    }
}
