using System.Collections.Generic;
using System.IO;
using System.Linq;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests.Catalog
{
    public sealed class ConfigImportTests
    {
        /// <summary>One fixture per family: Fixtures/NAME.json holds the published config.json values of catalog entry NAME.</summary>
        public static IEnumerable<object[]> Families() => new[]
        {
            "llama-3.1-8b", "mistral-7b-v0.1", "mixtral-8x7b", "qwen2.5-7b", "qwen1.5-moe-a2.7b", "qwen3-8b", "qwen3-30b-a3b",
            "deepseek-v2-lite", "deepseek-v3", "gemma-7b", "gemma-2-9b", "gemma-3-27b", "phi-2", "phi-3-mini", "falcon-7b",
            "falcon-40b", "dbrx", "gpt-oss-20b", "mistral-small-3.1-24b",
        }.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Families))]
        public void Config_json_imports_to_the_catalog_entry(string name)
        {
            var imported = CatalogFile.ReadModel(CatalogTestFiles.Fixture(name), name);
            var entry = CatalogSet.BuiltIn.GetModel(name);

            Assert.Equal(name, imported.Value.Name);
            Assert.Equal(BuiltInModelTests.Architecture(entry), BuiltInModelTests.Architecture(imported.Value));
            Assert.Equal(entry.NativeType, imported.Value.NativeType);
            Assert.Equal(entry.WeightFormat, imported.Value.WeightFormat);
            Assert.Equal(entry.TotalParameterCount, imported.Value.TotalParameterCount);
            Assert.Equal(entry.ActiveParameterCount, imported.Value.ActiveParameterCount);
            Assert.All(imported.Warnings, w => Assert.DoesNotContain("not a field InferenceLab maps", w));
        }

        [Fact]
        public void Defaults_and_approximations_are_reported_as_warnings()
        {
            Assert.Contains(CatalogFile.ReadModel(CatalogTestFiles.Fixture("falcon-7b")).Warnings, w => w.StartsWith("max_position_embeddings: not stated", System.StringComparison.Ordinal));
            Assert.Contains(CatalogFile.ReadModel(CatalogTestFiles.Fixture("deepseek-v3")).Warnings, w => w.StartsWith("num_nextn_predict_layers", System.StringComparison.Ordinal));
            var gemma3 = CatalogFile.ReadModel(CatalogTestFiles.Fixture("gemma-3-27b")).Warnings;
            Assert.Contains(gemma3, w => w.StartsWith("vision_config", System.StringComparison.Ordinal));
            Assert.Contains(gemma3, w => w.StartsWith("text_config.vocab_size: not stated", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Gpt_oss_mxfp4_covers_the_routed_experts_only()
        {
            // openai/gpt-oss-20b config.json: quantization_config mxfp4 with modules_to_not_convert listing self_attn, router,
            // embed_tokens and lm_head. Experts: 32 per layer × 3 × 2880² parameters in fp4 plus one e8m0 scale per 32.
            var model = CatalogFile.ReadModel(CatalogTestFiles.Fixture("gpt-oss-20b")).Value;
            Assert.True(model.WeightFormat.RoutedExpertsOnly);
            Assert.Equal(0.5 + (1.0 / 32), model.WeightFormat.BytesPerWeight);
            var deployment = new Deployment(model);
            Assert.Equal(2, deployment.LinearBytesPerWeight);
            Assert.Equal(0.53125, deployment.ExpertBytesPerWeight);
        }

        [Fact]
        public void Unknown_fields_that_could_matter_are_warnings_not_silently_dropped()
        {
            string text = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b"))
                .Replace("\"mlp_bias\": false,", "\"mlp_bias\": false, \"attention_chunk_size\": 8192, \"rope_scaling_v2\": {\"type\": \"x\"},")
                .Replace("\"rope_type\": \"llama3\"", "\"rope_type\": \"fancy\"");
            var result = CatalogFile.ReadModel(CatalogTestFiles.Write(text, "config.json"), "x");
            Assert.Contains(result.Warnings, w => w.StartsWith("attention_chunk_size: not a field InferenceLab maps", System.StringComparison.Ordinal));
            Assert.Contains(result.Warnings, w => w.StartsWith("rope_scaling_v2:", System.StringComparison.Ordinal));
            Assert.Contains(result.Warnings, w => w.Contains("rope type 'fancy'"));
        }

        [Fact]
        public void An_unmapped_architecture_is_a_clear_error()
        {
            string path = CatalogTestFiles.Write("{\n  \"architectures\": [\"MambaForCausalLM\"],\n  \"model_type\": \"mamba\",\n  \"hidden_size\": 768\n}\n", "config.json");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(path));
            Assert.Equal("ConfigArchitectureUnknown", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
            Assert.Equal("model_type", error.Field);
            Assert.Contains(path + ":3", error.Message);
            Assert.Contains("'mamba' (architectures MambaForCausalLM) is not a family", error.Message);
        }

        [Fact]
        public void A_missing_field_names_the_file_and_the_field()
        {
            string text = File.ReadAllText(CatalogTestFiles.Fixture("qwen2.5-7b")).Replace("\"num_hidden_layers\": 28,", string.Empty);
            string path = CatalogTestFiles.Write(text, "config.json");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(path));
            Assert.Equal("CatalogFieldMissing", error.ErrorId);
            Assert.Equal("num_hidden_layers", error.Field);
            Assert.StartsWith(path + ":1:1 (field 'num_hidden_layers')", error.Message);
        }

        [Fact]
        public void A_config_json_takes_its_name_from_its_folder()
        {
            string folder = Path.Combine(CatalogTestFiles.NewFolder(), "My-Model");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, "config.json");
            File.Copy(CatalogTestFiles.Fixture("mixtral-8x7b"), path);
            Assert.Equal("my-model", CatalogFile.ReadModel(path).Value.Name);

            // _name_or_path wins, and becomes an alias when it is a Hugging Face id.
            string named = CatalogTestFiles.Write(File.ReadAllText(CatalogTestFiles.Fixture("mixtral-8x7b")).Replace("{", "{\"_name_or_path\": \"mistralai/Mixtral-8x7B-v0.1\",", System.StringComparison.Ordinal), "config.json");
            var model = CatalogFile.ReadModel(named).Value;
            Assert.Equal("mixtral-8x7b-v0.1", model.Name);
            Assert.Equal(new[] { "mistralai/Mixtral-8x7B-v0.1" }, model.Aliases);
        }

        [Fact]
        public void Quantized_checkpoints_carry_their_weight_format()
        {
            string llama = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b"));

            // GPTQ int4, group 128: fp16 scale (2 B) plus a packed 4-bit zero point (0.5 B) per group.
            string gptq = llama.Replace("\"mlp_bias\": false,", "\"mlp_bias\": false, \"quantization_config\": {\"quant_method\": \"gptq\", \"bits\": 4, \"group_size\": 128, \"desc_act\": true, \"sym\": true},");
            Assert.Equal(new WeightFormat(DataType.Int4, 128, 2.5), CatalogFile.ReadModel(CatalogTestFiles.Write(gptq, "config.json")).Value.WeightFormat);

            // compressed-tensors W4A16 (symmetric int4, group 128): scales only.
            string w4a16 = llama.Replace("\"mlp_bias\": false,", "\"mlp_bias\": false, \"quantization_config\": {\"quant_method\": \"compressed-tensors\", \"format\": \"pack-quantized\", \"config_groups\": {\"group_0\": {\"targets\": [\"Linear\"], \"weights\": {\"num_bits\": 4, \"type\": \"int\", \"strategy\": \"group\", \"group_size\": 128, \"symmetric\": true}}}, \"ignore\": [\"lm_head\"]},");
            Assert.Equal(new WeightFormat(DataType.Int4, 128, 2), CatalogFile.ReadModel(CatalogTestFiles.Write(w4a16, "config.json")).Value.WeightFormat);

            // compressed-tensors FP8 dynamic (per-channel float8 weights).
            string fp8 = llama.Replace("\"mlp_bias\": false,", "\"mlp_bias\": false, \"quantization_config\": {\"quant_method\": \"compressed-tensors\", \"config_groups\": {\"group_0\": {\"weights\": {\"num_bits\": 8, \"type\": \"float\", \"strategy\": \"channel\", \"symmetric\": true}, \"input_activations\": {\"num_bits\": 8, \"type\": \"float\", \"dynamic\": true}}}},");
            Assert.Equal(WeightFormat.Plain(DataType.Fp8), CatalogFile.ReadModel(CatalogTestFiles.Write(fp8, "config.json")).Value.WeightFormat);
        }

        [Fact]
        public void Qwen_sliding_windows_start_at_max_window_layers()
        {
            // transformers Qwen2: with use_sliding_window, layers from index max_window_layers on use the window.
            string text = File.ReadAllText(CatalogTestFiles.Fixture("qwen2.5-7b"))
                .Replace("\"use_sliding_window\": false", "\"use_sliding_window\": true")
                .Replace("\"max_window_layers\": 28", "\"max_window_layers\": 20")
                .Replace("\"sliding_window\": 131072", "\"sliding_window\": 4096");
            var model = CatalogFile.ReadModel(CatalogTestFiles.Write(text, "config.json")).Value;
            Assert.Equal((4096, 8), (model.SlidingWindowSize, model.SlidingWindowLayerCount));
        }

        [Fact]
        public void Layouts_ModelSpec_cannot_express_are_refused()
        {
            string text = File.ReadAllText(CatalogTestFiles.Fixture("qwen3-30b-a3b")).Replace("\"mlp_only_layers\": []", "\"mlp_only_layers\": [0, 5]");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(CatalogTestFiles.Write(text, "config.json")));
            Assert.Equal("ConfigUnsupported", error.ErrorId);
            Assert.Equal("mlp_only_layers", error.Field);
        }
    }
}
