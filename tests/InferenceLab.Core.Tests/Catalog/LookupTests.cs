using System.Linq;
using InferenceLab.Core.Catalog;

namespace InferenceLab.Core.Tests.Catalog
{
    public sealed class LookupTests
    {
        [Fact]
        public void Names_and_aliases_match_case_insensitively()
        {
            Assert.Equal("llama-2-7b", CatalogSet.BuiltIn.GetModel("LLAMA-2-7B").Name);
            Assert.Equal("llama-3.1-8b", CatalogSet.BuiltIn.GetModel("meta-llama/Llama-3.1-8B-Instruct").Name);
            Assert.Equal("llama-3.1-8b", CatalogSet.BuiltIn.GetModel("meta-llama/llama-3.1-8b").Name);
            Assert.Equal("qwen2.5-7b", CatalogSet.BuiltIn.GetModel("Qwen/Qwen2.5-7B-Instruct").Name);
            Assert.Equal("codellama-7b", CatalogSet.BuiltIn.GetModel("codellama/CodeLlama-7b-hf").Name);
            Assert.Equal("mistral-small-3.1-24b", CatalogSet.BuiltIn.GetModel("mistralai/Mistral-Small-3.1-24B-Instruct-2503").Name);
            Assert.Equal("deepseek-v2-lite", CatalogSet.BuiltIn.GetModel("deepseek-ai/DeepSeek-V2-Lite-Chat").Name);
            Assert.Equal("gemma-2-9b", CatalogSet.BuiltIn.GetModel(" google/gemma-2-9b-it ").Name);
        }

        [Fact]
        public void Wildcards_list_matching_names_in_catalog_order()
        {
            var llama3 = CatalogSet.BuiltIn.FindModels("llama-3*").Select(m => m.Name).ToArray();
            Assert.Contains("llama-3-8b", llama3);
            Assert.Contains("llama-3.1-405b", llama3);
            Assert.Contains("llama-3.3-70b", llama3);
            Assert.DoesNotContain("llama-2-7b", llama3);

            Assert.Equal(new[] { "qwen3-8b" }, CatalogSet.BuiltIn.FindModels("QWEN3-?B").Select(m => m.Name).ToArray());
            Assert.Equal(CatalogSet.BuiltIn.Models.Count, CatalogSet.BuiltIn.FindModels("*").Count);
            Assert.Empty(CatalogSet.BuiltIn.FindModels("no-such-model*"));
            Assert.Contains(CatalogSet.BuiltIn.FindHardware("*H100*"), h => h.Name == "h100-nvl");

            // Patterns match aliases too, and a pattern without wildcards is an exact look-up.
            Assert.Contains(CatalogSet.BuiltIn.FindModels("meta-llama/*405B*"), m => m.Name == "llama-3.1-405b");
            Assert.Single(CatalogSet.BuiltIn.FindModels("Mixtral-8x7B"));
        }

        [Fact]
        public void A_missing_model_suggests_the_nearest_names()
        {
            var error = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetModel("llama-3.1-8"));
            Assert.Equal("ModelNotFound", error.ErrorId);
            Assert.Equal("Model", error.Field);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal("llama-3.1-8b", error.Suggestions[0]);
            Assert.InRange(error.Suggestions.Count, 1, 3);
            Assert.Contains("Did you mean: llama-3.1-8b", error.Message);

            var typo = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetModel("mixtrl-8x7b"));
            Assert.Equal("mixtral-8x7b", typo.Suggestions[0]);
        }

        [Fact]
        public void A_missing_gpu_suggests_the_nearest_names()
        {
            var error = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetHardware("h100"));
            Assert.Equal("HardwareNotFound", error.ErrorId);
            Assert.Equal("Hardware", error.Field);
            Assert.All(error.Suggestions, s => Assert.Contains("h100", s.ToLowerInvariant()));

            var none = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetHardware("zzzzzzzzzzzzzzzz"));
            Assert.Empty(none.Suggestions);
            Assert.Contains("wildcard", none.Message);
        }

        [Fact]
        public void Suggestions_name_distinct_entries_not_several_aliases_of_one()
        {
            // 'lama-3.1-8b' is one edit from llama-3.1-8b and close to its aliases; the suggestions should offer three models.
            var error = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetModel("lama-3.1-8b"));
            Assert.Equal("llama-3.1-8b", error.Suggestions[0]);
            Assert.Equal(error.Suggestions.Count, error.Suggestions.Distinct().Count());
            Assert.All(error.Suggestions, s => Assert.NotNull(CatalogSet.BuiltIn.TryGetModel(s)));
        }
    }
}
