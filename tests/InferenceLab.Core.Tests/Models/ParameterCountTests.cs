using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests.Models
{
    public sealed class ParameterCountTests
    {
        [Fact]
        public void Llama2_7B_has_the_published_6_738_415_616_parameters()
        {
            // DESIGN §8; the Hugging Face safetensors index of meta-llama/Llama-2-7b-hf sums to this count.
            // By hand: embed + head 2·32000·4096 = 262,144,000; per layer 4·4096² + 3·4096·11008 + 2·4096 = 202,383,360;
            // 32 layers = 6,476,267,520; final norm 4096.
            Assert.Equal(6_738_415_616, TestModels.Llama2_7B.TotalParameterCount);
            Assert.Equal(6_738_415_616, TestModels.Llama2_7B.ActiveParameterCount);
        }

        [Fact]
        public void Llama3_8B_has_8_030_261_248_parameters()
        {
            // DESIGN §8 (meta-llama/Meta-Llama-3-8B). GQA: K and V are 4096×1024 each.
            Assert.Equal(8_030_261_248, TestModels.Llama3_8B.TotalParameterCount);
        }

        [Fact]
        public void Mistral7B_has_7_241_732_096_parameters()
        {
            // DESIGN §8 (mistralai/Mistral-7B-v0.1).
            Assert.Equal(7_241_732_096, TestModels.Mistral7B.TotalParameterCount);
        }

        [Fact]
        public void Mixtral_total_and_active_parameters_match_the_published_counts()
        {
            // DESIGN §8: 46,702,792,704 total and 12,879,925,248 active. By hand, per layer: attention 41,943,040,
            // router 4096·8 = 32,768, one expert 3·4096·14336 = 176,160,768, norms 8192.
            // Active = 32·(41,943,040 + 32,768 + 2·176,160,768 + 8192) + 262,144,000 + 4096 = 12,879,925,248.
            var counts = ParameterCounter.Count(TestModels.Mixtral8x7B);
            Assert.Equal(46_702_792_704, counts.Total);
            Assert.Equal(12_879_925_248, counts.Active);
            Assert.Equal(32L * 8 * 176_160_768, counts.RoutedExperts);
            Assert.Equal(32L * 4096 * 8, counts.Routers);
        }

        [Fact]
        public void DeepSeekV3_total_is_within_one_percent_of_671_billion()
        {
            // deepseek-ai/DeepSeek-V3 model card: "671B total parameters with 37B activated for each token" (the
            // 685B on the Hugging Face page adds the 14B multi-token-prediction module, which inference need not load).
            var counts = ParameterCounter.Count(TestModels.DeepSeekV3);
            Assert.InRange(counts.Total, 671e9 * 0.99, 671e9 * 1.01);
            Assert.InRange(counts.Active, 37e9 * 0.97, 37e9 * 1.03);
        }
    }
}
