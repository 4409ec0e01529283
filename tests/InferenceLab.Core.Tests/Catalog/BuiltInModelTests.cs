using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests.Catalog
{
    public sealed class BuiltInModelTests
    {
        // Falcon's cards state rounded counts ("7B", "40B") that the exact count misses by more than 1%; they are
        // checked against hand counts below instead.
        private static readonly string[] RoundedPublishedCounts = { "falcon-7b", "falcon-40b" };

        public static IEnumerable<object[]> ModelsWithExactPublishedCounts() =>
            CatalogSet.BuiltIn.Models.Where(m => !RoundedPublishedCounts.Contains(m.Name)).Select(m => new object[] { m.Name });

        [Theory]
        [MemberData(nameof(ModelsWithExactPublishedCounts))]
        public void Computed_total_is_within_one_percent_of_the_published_count(string name)
        {
            // The published count and where it is stated are in each entry (published_parameters_source).
            var model = CatalogSet.BuiltIn.GetModel(name);
            Assert.True(model.PublishedParameterCount > 0, name + " has no published count");
            double error = Math.Abs(model.TotalParameterCount - (double)model.PublishedParameterCount) / model.PublishedParameterCount;
            Assert.True(error <= 0.01, $"{name}: computed {model.TotalParameterCount:N0}, published {model.PublishedParameterCount:N0} ({model.PublishedParameterSource}), off by {error:P2}");
        }

        [Fact]
        public void Every_model_names_its_config_source_and_the_source_of_its_published_count()
        {
            Assert.True(CatalogSet.BuiltIn.Models.Count >= 40);
            foreach (var model in CatalogSet.BuiltIn.Models)
            {
                Assert.False(string.IsNullOrWhiteSpace(model.Source), model.Name);
                Assert.False(string.IsNullOrWhiteSpace(model.PublishedParameterSource), model.Name);
                Assert.Matches(new Regex("^[a-z0-9][a-z0-9.\\-]*$"), model.Name);
            }
        }

        [Fact]
        public void Falcon_counts_match_the_hand_count_of_their_parallel_blocks()
        {
            // Falcon-7B (tiiuae/falcon-7b config.json): H 4544, 71 heads of 64, one KV head, plain MLP 4·H, vocab 65024,
            // LM head tied. Per layer: QKV 4544·(4544 + 2·64) = 21,229,568; dense 4544² = 20,647,936;
            // MLP 2·4544·18176 = 165,183,488; two norm vectors 9,088 → 207,070,080; 32 layers = 6,626,242,560;
            // embedding 65024·4544 = 295,469,056; final norm 4,544 → 6,921,716,160 (the card rounds to 7B;
            // the LayerNorm biases, 4,544 per norm, are not counted).
            Assert.Equal(6_921_716_160, CatalogSet.BuiltIn.GetModel("falcon-7b").TotalParameterCount);
            Assert.Equal(1, CatalogSet.BuiltIn.GetModel("falcon-7b").KeyValueHeadCount);

            // Falcon-40B: H 8192, 128 heads, 8 KV heads (new_decoder_architecture), MLP 4·H, 60 layers.
            // Per layer: QKV 8192·(8192 + 2·8·64) = 75,497,472; dense 67,108,864; MLP 2·8192·32768 = 536,870,912;
            // norms 16,384 → 679,493,632; 60 layers = 40,769,617,920; embedding 532,676,608; final norm 8,192.
            Assert.Equal(41_302_302_720, CatalogSet.BuiltIn.GetModel("falcon-40b").TotalParameterCount);
            Assert.Equal(8, CatalogSet.BuiltIn.GetModel("falcon-40b").KeyValueHeadCount);
        }

        [Fact]
        public void Design_reference_counts_hold_through_the_catalog()
        {
            // DESIGN §8.
            Assert.Equal(6_738_415_616, CatalogSet.BuiltIn.GetModel("llama-2-7b").TotalParameterCount);
            Assert.Equal(32, CatalogSet.BuiltIn.GetModel("llama-2-7b").KeyValueHeadCount);
            Assert.Equal(8_030_261_248, CatalogSet.BuiltIn.GetModel("llama-3-8b").TotalParameterCount);
            Assert.Equal(7_241_732_096, CatalogSet.BuiltIn.GetModel("mistral-7b-v0.1").TotalParameterCount);
            Assert.Equal(46_702_792_704, CatalogSet.BuiltIn.GetModel("mixtral-8x7b").TotalParameterCount);
            Assert.Equal(12_879_925_248, CatalogSet.BuiltIn.GetModel("mixtral-8x7b").ActiveParameterCount);
            Assert.Equal(8, CatalogSet.BuiltIn.GetModel("llama-2-70b").KeyValueHeadCount);
        }

        [Fact]
        public void Catalog_entries_match_the_test_models_written_out_from_their_configs()
        {
            AssertSameArchitecture(TestModels.Llama2_7B, CatalogSet.BuiltIn.GetModel("llama-2-7b"));
            AssertSameArchitecture(TestModels.Llama2_70B, CatalogSet.BuiltIn.GetModel("llama-2-70b"));
            AssertSameArchitecture(TestModels.Llama3_8B, CatalogSet.BuiltIn.GetModel("llama-3-8b"));
            AssertSameArchitecture(TestModels.Mistral7B, CatalogSet.BuiltIn.GetModel("mistral-7b-v0.1"));
            AssertSameArchitecture(TestModels.Mixtral8x7B, CatalogSet.BuiltIn.GetModel("mixtral-8x7b"));
            var v3 = CatalogSet.BuiltIn.GetModel("deepseek-v3");
            Assert.Equal(TestModels.DeepSeekV3.TotalParameterCount, v3.TotalParameterCount);
            Assert.Equal(3, v3.DenseLayerCount);
            Assert.Equal(2048, v3.SharedExpertIntermediateSize);
        }

        [Fact]
        public void Sliding_window_layouts_follow_each_config()
        {
            var mistral = CatalogSet.BuiltIn.GetModel("mistral-7b-v0.1");
            Assert.Equal((4096, 32, 32768), (mistral.SlidingWindowSize, mistral.SlidingWindowLayerCount, mistral.MaxPositionEmbeddings));
            Assert.Equal(0, CatalogSet.BuiltIn.GetModel("mistral-7b-v0.3").SlidingWindowLayerCount);

            // Gemma 2: even-indexed layers slide, 21 of 42 and 23 of 46.
            Assert.Equal((4096, 21), (CatalogSet.BuiltIn.GetModel("gemma-2-9b").SlidingWindowSize, CatalogSet.BuiltIn.GetModel("gemma-2-9b").SlidingWindowLayerCount));
            Assert.Equal(23, CatalogSet.BuiltIn.GetModel("gemma-2-27b").SlidingWindowLayerCount);

            // Gemma 3: sliding_window_pattern 6 → layers 5, 11, …, 59 are global: 62 − 10 = 52 slide.
            var gemma3 = CatalogSet.BuiltIn.GetModel("gemma-3-27b");
            Assert.Equal((1024, 52), (gemma3.SlidingWindowSize, gemma3.SlidingWindowLayerCount));

            // gpt-oss: layer_types alternate sliding/full with a 128-token window.
            Assert.Equal((128, 12), (CatalogSet.BuiltIn.GetModel("gpt-oss-20b").SlidingWindowSize, CatalogSet.BuiltIn.GetModel("gpt-oss-20b").SlidingWindowLayerCount));
            Assert.Equal(18, CatalogSet.BuiltIn.GetModel("gpt-oss-120b").SlidingWindowLayerCount);
        }

        [Fact]
        public void Explicit_head_dimensions_and_weight_formats_come_from_the_config()
        {
            // Gemma: head_dim 256 where hidden/heads is 192 (gemma-7b) or 224 (gemma-2-9b); 128 for the 27B models.
            Assert.Equal(256, CatalogSet.BuiltIn.GetModel("gemma-7b").HeadDimension);
            Assert.Equal(256, CatalogSet.BuiltIn.GetModel("gemma-2-9b").HeadDimension);
            Assert.Equal(128, CatalogSet.BuiltIn.GetModel("gemma-2-27b").HeadDimension);
            Assert.Equal(128, CatalogSet.BuiltIn.GetModel("gemma-3-27b").HeadDimension);

            // gpt-oss quantization_config mxfp4: fp4 elements with one 1-byte scale per 32.
            Assert.Equal(new WeightFormat(DataType.Fp4, 32, 1, routedExpertsOnly: true), CatalogSet.BuiltIn.GetModel("gpt-oss-20b").WeightFormat);
            Assert.True(CatalogSet.BuiltIn.GetModel("gpt-oss-20b").AttentionBias);
            Assert.True(CatalogSet.BuiltIn.GetModel("qwen2.5-7b").AttentionBias);
            Assert.False(CatalogSet.BuiltIn.GetModel("phi-2").GatedMlp);
            Assert.Equal(2816, CatalogSet.BuiltIn.GetModel("deepseek-v2-lite").SharedExpertIntermediateSize);
        }

        [Fact]
        public void Names_and_aliases_are_unique_across_models()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in CatalogSet.BuiltIn.Models)
            {
                foreach (var key in new[] { model.Name }.Concat(model.Aliases))
                {
                    Assert.True(seen.Add(key), key + " is used twice");
                }
            }

            Assert.Empty(CatalogSet.BuiltIn.Warnings);
        }

        internal static void AssertSameArchitecture(ModelSpec expected, ModelSpec actual)
        {
            Assert.Equal(Architecture(expected), Architecture(actual));
            Assert.Equal(expected.TotalParameterCount, actual.TotalParameterCount);
            Assert.Equal(expected.ActiveParameterCount, actual.ActiveParameterCount);
        }

        internal static string Architecture(ModelSpec m) => string.Join(
            " ",
            "L", m.LayerCount, "H", m.HiddenSize, "heads", m.AttentionHeadCount, "kv", m.KeyValueHeadCount, "d", m.HeadDimension,
            "I", m.IntermediateSize, "gated", m.GatedMlp, "V", m.VocabularySize, "tied", m.TiedEmbeddings, "bias", m.AttentionBias,
            "pos", m.MaxPositionEmbeddings, "window", m.SlidingWindowSize, m.SlidingWindowLayerCount,
            "E", m.ExpertCount, m.ExpertsPerToken, m.ExpertIntermediateSize, m.SharedExpertIntermediateSize, m.DenseLayerCount,
            "mla", m.QLoraRank, m.KvLoraRank, m.QkRopeHeadDimension, m.QkNopeHeadDimension, m.ValueHeadDimension);
    }
}
