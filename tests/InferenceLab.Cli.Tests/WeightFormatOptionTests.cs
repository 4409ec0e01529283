using InferenceLab.Core;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Tests
{
    /// <summary>How --weight-type, --weight-group-size and --weight-scale-bytes combine with a model's own format (the cmdlets' rule).</summary>
    public sealed class WeightFormatOptionTests
    {
        /// <summary>A checkpoint stored as int4 with a 2-byte scale per 128 weights (GPTQ), over bf16 tensors.</summary>
        private static readonly ModelSpec Gptq = new ModelSpec("gptq-model", 2, 64, 4, 4, 128, 100, 512, weightFormat: new WeightFormat(DataType.Int4, 128, 2));

        [Fact]
        public void No_weight_option_keeps_the_models_own_format() =>
            Assert.Null(DeploymentOptions.WeightFormatFor(Gptq, null, null, null));

        [Fact]
        public void Naming_the_models_own_type_again_keeps_its_group_and_scale() =>
            Assert.Same(Gptq.WeightFormat, DeploymentOptions.WeightFormatFor(Gptq, DataType.Int4, null, null));

        [Fact]
        public void Another_group_with_the_same_type_keeps_the_models_scale() =>
            Assert.Equal(new WeightFormat(DataType.Int4, 32, 2), DeploymentOptions.WeightFormatFor(Gptq, null, 32, null));

        [Fact]
        public void Another_type_drops_the_models_group() =>
            Assert.Equal(new WeightFormat(DataType.Fp8), DeploymentOptions.WeightFormatFor(Gptq, DataType.Fp8, null, null));

        [Fact]
        public void A_group_on_a_plain_model_gets_an_fp16_scale_unless_one_is_given()
        {
            Assert.Equal(new WeightFormat(DataType.Int4, 128, 2), DeploymentOptions.WeightFormatFor(TestSpecs.Llama2_7B, DataType.Int4, 128, null));
            Assert.Equal(new WeightFormat(DataType.Int4, 64, 4), DeploymentOptions.WeightFormatFor(TestSpecs.Llama2_7B, DataType.Int4, 64, 4));
            Assert.Equal(new WeightFormat(DataType.Int8), DeploymentOptions.WeightFormatFor(TestSpecs.Llama2_7B, DataType.Int8, null, null));
        }
    }
}
