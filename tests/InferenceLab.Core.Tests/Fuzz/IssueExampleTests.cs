using System.IO;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Tests;
using InferenceLab.Core.Tests.Catalog;

namespace InferenceLab.Fuzz
{
    /// <summary>The bad inputs issue 10 names, one each, with the outcome the fuzz invariant requires of them.</summary>
    public sealed class IssueExampleTests
    {
        [Fact]
        public void TP_not_dividing_the_heads_is_invalid_input_on_TensorParallel()
        {
            var error = Assert.Throws<InvalidInputException>(() => new Deployment(TestModels.Llama2_7B, tensorParallel: 3));
            Assert.Equal("TensorParallel", error.Field);
            Assert.Contains("32 attention heads", error.Message);
        }

        [Fact]
        public void MoE_with_more_experts_per_token_than_experts_is_invalid_input_on_ExpertsPerToken()
        {
            // Mixtral's shape (8 experts) asking for 9 per token.
            var error = Assert.Throws<InvalidInputException>(() => new ModelSpec("m", 32, 4096, 32, 8, 0, 32000, 32768, expertCount: 8, expertsPerToken: 9, expertIntermediateSize: 14336));
            Assert.Equal("ExpertsPerToken", error.Field);
        }

        [Fact]
        public void MLA_with_zero_ranks_is_invalid_input_naming_the_missing_rank()
        {
            // DeepSeek-V3's MLA fields with the KV LoRA rank zeroed, then with the nope head dim zeroed.
            var noRank = Assert.Throws<InvalidInputException>(() => new ModelSpec("m", 61, 7168, 128, 128, 18432, 129280, 163840,
                qLoraRank: 1536, kvLoraRank: 0, qkRopeHeadDimension: 64, qkNopeHeadDimension: 128, valueHeadDimension: 128));
            Assert.Equal("KvLoraRank", noRank.Field);
            var noNope = Assert.Throws<InvalidInputException>(() => new ModelSpec("m", 61, 7168, 128, 128, 18432, 129280, 163840,
                qLoraRank: 1536, kvLoraRank: 512, qkRopeHeadDimension: 64, qkNopeHeadDimension: 0, valueHeadDimension: 128));
            Assert.Equal("QkNopeHeadDimension", noNope.Field);
        }

        [Fact]
        public void A_window_larger_than_the_context_holds_as_much_KV_as_no_window()
        {
            // A window of 1,000,000 tokens never binds a 4096-token context, so the KV cache is the windowless model's.
            var windowed = new ModelSpec("w", 32, 4096, 32, 8, 14336, 32000, 32768, slidingWindowSize: 1_000_000);
            var plain = new ModelSpec("p", 32, 4096, 32, 8, 14336, 32000, 32768);
            double withWindow = MemoryEstimator.EstimateContext(new Deployment(windowed), 4, 4096).KvCacheBytes;
            double without = MemoryEstimator.EstimateContext(new Deployment(plain), 4, 4096).KvCacheBytes;
            Assert.Equal(without, withWindow);
        }

        [Fact]
        public void A_fraction_where_a_config_needs_a_whole_number_is_a_data_error_naming_the_field()
        {
            string config = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b")).Replace("\"num_hidden_layers\": 32", "\"num_hidden_layers\": 32.5");
            Assert.Contains("32.5", config);
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(CatalogTestFiles.Write(config, "config.json")));
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
            Assert.Contains("num_hidden_layers", error.Message);
        }

        [Fact]
        public void An_empty_config_file_is_a_data_error_naming_the_file()
        {
            string path = CatalogTestFiles.Write(string.Empty, "config.json");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(path));
            Assert.Equal("CatalogFileEmpty", error.ErrorId);
            Assert.StartsWith(path, error.Message);
        }
    }
}
