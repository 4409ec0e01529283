using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Reads one model entry of a catalog file (the schema of the built-in <c>models.yaml</c>) into a
    /// <see cref="ModelSpec"/>. Keys are snake_case; numbers are plain; unknown keys are errors.
    /// </summary>
    internal static class ModelEntryReader
    {
        /// <summary>Every key a model entry may carry, with the <see cref="ModelSpec"/> property it fills.</summary>
        internal static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = "Name",
            ["aliases"] = "Aliases",
            ["architecture"] = "Architecture",
            ["source"] = "Source",
            ["notes"] = "Notes",
            ["layers"] = "LayerCount",
            ["hidden_size"] = "HiddenSize",
            ["attention_heads"] = "AttentionHeadCount",
            ["key_value_heads"] = "KeyValueHeadCount",
            ["head_dim"] = "HeadDimension",
            ["intermediate_size"] = "IntermediateSize",
            ["gated_mlp"] = "GatedMlp",
            ["vocab_size"] = "VocabularySize",
            ["tied_embeddings"] = "TiedEmbeddings",
            ["attention_bias"] = "AttentionBias",
            ["max_position_embeddings"] = "MaxPositionEmbeddings",
            ["native_type"] = "NativeType",
            ["weight_format"] = "WeightFormat",
            ["sliding_window"] = "SlidingWindowSize",
            ["sliding_window_layers"] = "SlidingWindowLayerCount",
            ["experts"] = "ExpertCount",
            ["experts_per_token"] = "ExpertsPerToken",
            ["expert_intermediate_size"] = "ExpertIntermediateSize",
            ["shared_expert_intermediate_size"] = "SharedExpertIntermediateSize",
            ["dense_layers"] = "DenseLayerCount",
            ["q_lora_rank"] = "QLoraRank",
            ["kv_lora_rank"] = "KvLoraRank",
            ["qk_rope_head_dim"] = "QkRopeHeadDimension",
            ["qk_nope_head_dim"] = "QkNopeHeadDimension",
            ["v_head_dim"] = "ValueHeadDimension",
            ["published_parameters"] = "PublishedParameterCount",
            ["published_parameters_source"] = "PublishedParameterSource",
        };

        private static readonly string[] WeightFormatKeys = { "type", "group_size", "scale_bytes", "experts_only" };

        /// <summary>True when a mapping looks like a model entry rather than a GPU entry or a config.json.</summary>
        public static bool LooksLikeModel(YamlMappingNode node) => node.ContainsKey("layers") || node.ContainsKey("hidden_size") && node.ContainsKey("name");

        public static ModelSpec Read(EntryFields f)
        {
            RejectUnknownKeys(f, Keys.Keys, "model");
            string name = f.RequireString("name");
            const long Dim = ModelSpec.MaxDimension;
            var nativeTypeText = f.String("native_type");
            DataType nativeType = DataType.Bf16;
            if (nativeTypeText != null && !DataTypes.TryParse(nativeTypeText, out nativeType))
            {
                throw f.ErrorAt("CatalogFieldWrongType", "native_type", "'" + nativeTypeText + "' is not a data type; use fp32, bf16, fp16, fp8, int8, int4 or fp4.");
            }

            WeightFormat? weightFormat = null;
            var format = f.Mapping("weight_format");
            if (format != null)
            {
                RejectUnknownKeys(format, WeightFormatKeys, "weight_format");
                string typeText = format.RequireString("type");
                if (!DataTypes.TryParse(typeText, out var type))
                {
                    throw format.ErrorAt("CatalogFieldWrongType", "type", "'" + typeText + "' is not a data type; use fp8, int8, int4 or fp4.");
                }

                int groupSize = format.Int("group_size", 0, Dim) ?? 0;
                double scaleBytes = format.Double("scale_bytes") ?? 0;
                bool expertsOnly = format.Bool("experts_only") ?? false;
                weightFormat = Construct(format, () => new WeightFormat(type, groupSize, scaleBytes, expertsOnly));
            }

            f.Ignore("notes");
            return Construct(f, () => new ModelSpec(
                name,
                layerCount: f.RequireInt("layers", 0, ModelSpec.MaxLayers),
                hiddenSize: f.RequireInt("hidden_size", 0, Dim),
                attentionHeadCount: f.RequireInt("attention_heads", 0, ModelSpec.MaxCount),
                keyValueHeadCount: f.Int("key_value_heads", 0, ModelSpec.MaxCount) ?? 0,
                intermediateSize: f.Int("intermediate_size", 0, Dim) ?? 0,
                vocabularySize: f.RequireInt("vocab_size", 0, 1_000_000_000),
                maxPositionEmbeddings: f.RequireInt("max_position_embeddings", 0, int.MaxValue),
                headDimension: f.Int("head_dim", 0, Dim) ?? 0,
                gatedMlp: f.Bool("gated_mlp") ?? true,
                tiedEmbeddings: f.Bool("tied_embeddings") ?? false,
                attentionBias: f.Bool("attention_bias") ?? false,
                nativeType: nativeType,
                weightFormat: weightFormat,
                slidingWindowSize: f.Int("sliding_window", 0, int.MaxValue) ?? 0,
                slidingWindowLayerCount: f.Int("sliding_window_layers", 0, ModelSpec.MaxLayers),
                expertCount: f.Int("experts", 0, ModelSpec.MaxCount) ?? 0,
                expertsPerToken: f.Int("experts_per_token", 0, ModelSpec.MaxCount) ?? 0,
                expertIntermediateSize: f.Int("expert_intermediate_size", 0, Dim) ?? 0,
                sharedExpertIntermediateSize: f.Int("shared_expert_intermediate_size", 0, Dim) ?? 0,
                denseLayerCount: f.Int("dense_layers", 0, ModelSpec.MaxLayers) ?? 0,
                qLoraRank: f.Int("q_lora_rank", 0, Dim) ?? 0,
                kvLoraRank: f.Int("kv_lora_rank", 0, Dim) ?? 0,
                qkRopeHeadDimension: f.Int("qk_rope_head_dim", 0, Dim) ?? 0,
                qkNopeHeadDimension: f.Int("qk_nope_head_dim", 0, Dim) ?? 0,
                valueHeadDimension: f.Int("v_head_dim", 0, Dim) ?? 0,
                architecture: f.String("architecture"),
                aliases: f.StringList("aliases"),
                source: f.String("source"),
                publishedParameterCount: f.Long("published_parameters", 0, (long)ParameterCounter.MaxParameters) ?? 0,
                publishedParameterSource: f.String("published_parameters_source")));
        }

        /// <summary>Unknown keys in a catalog entry are errors: a misspelt key would otherwise silently drop a figure.</summary>
        internal static void RejectUnknownKeys(EntryFields f, IEnumerable<string> known, string what)
        {
            var knownSet = new HashSet<string>(known, StringComparer.Ordinal);
            foreach (var key in f.Node.Keys)
            {
                if (!knownSet.Contains(key))
                {
                    var suggestion = NameMatcher.Suggest(key, knownSet, 1).FirstOrDefault();
                    throw new CatalogDataException(
                        "CatalogUnknownKey",
                        f.File,
                        f.Node.KeyNode(key).Line,
                        f.Node.KeyNode(key).Column,
                        f.FieldName(key),
                        "'" + key + "' is not a " + what + " key" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : string.Empty)
                            + ". Known keys: " + string.Join(", ", knownSet.OrderBy(k => k, StringComparer.Ordinal)) + ".");
                }
            }
        }

        /// <summary>Runs a spec constructor and turns its validation error into an error at the entry's position.</summary>
        internal static T Construct<T>(EntryFields f, Func<T> create)
        {
            try
            {
                return create();
            }
            catch (InvalidInputException e)
            {
                string key = KeyFor(e.Field);
                throw new CatalogDataException(
                    "CatalogEntryInvalid",
                    f.File,
                    f.Node.TryGetValue(key, out var at) ? at.Line : f.Node.Line,
                    f.Node.TryGetValue(key, out at) ? at.Column : f.Node.Column,
                    f.FieldName(key),
                    e.Message);
            }
        }

        private static string KeyFor(string? property)
        {
            if (property == null)
            {
                return string.Empty;
            }

            foreach (var pair in Keys.Concat(HardwareEntryReader.Keys))
            {
                if (string.Equals(pair.Value, property, StringComparison.Ordinal))
                {
                    return pair.Key;
                }
            }

            return property;
        }
    }
}
