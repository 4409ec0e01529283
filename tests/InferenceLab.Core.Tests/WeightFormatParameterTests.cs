using InferenceLab.Core;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Tests
{
    /// <summary>How -WeightType, -WeightGroupSize and -WeightScaleBytes (--weight-type, ...) combine with a model's own format.</summary>
    public sealed class WeightFormatParameterTests
    {
        /// <summary>A checkpoint stored as int4 with a 2-byte scale per 128 weights (GPTQ), over bf16 tensors.</summary>
        private static readonly ModelSpec Gptq = new ModelSpec("gptq-model", 2, 64, 4, 4, 128, 100, 512, weightFormat: new WeightFormat(DataType.Int4, 128, 2));

        [Fact]
        public void No_weight_option_keeps_the_models_own_format() =>
            Assert.Null(WeightFormat.ForParameters(Gptq.WeightFormat, null, null, null));

        [Fact]
        public void Naming_the_models_own_type_again_keeps_its_group_and_scale() =>
            Assert.Same(Gptq.WeightFormat, WeightFormat.ForParameters(Gptq.WeightFormat, DataType.Int4, null, null));

        [Fact]
        public void Another_group_with_the_same_type_keeps_the_models_scale() =>
            Assert.Equal(new WeightFormat(DataType.Int4, 32, 2), WeightFormat.ForParameters(Gptq.WeightFormat, null, 32, null));

        [Fact]
        public void Another_type_drops_the_models_group() =>
            Assert.Equal(new WeightFormat(DataType.Fp8), WeightFormat.ForParameters(Gptq.WeightFormat, DataType.Fp8, null, null));

        [Fact]
        public void A_group_on_a_plain_model_gets_an_fp16_scale_unless_one_is_given()
        {
            Assert.Equal(new WeightFormat(DataType.Int4, 128, 2), WeightFormat.ForParameters(TestModels.Llama2_7B.WeightFormat, DataType.Int4, 128, null));
            Assert.Equal(new WeightFormat(DataType.Int4, 64, 4), WeightFormat.ForParameters(TestModels.Llama2_7B.WeightFormat, DataType.Int4, 64, 4));
            Assert.Equal(new WeightFormat(DataType.Int8), WeightFormat.ForParameters(TestModels.Llama2_7B.WeightFormat, DataType.Int8, null, null));
        }

        [Fact]
        public void A_new_type_or_group_on_an_experts_only_format_stays_experts_only()
        {
            // gpt-oss's MXFP4 covers the routed experts only; asking for fp8 experts keeps attention unquantized.
            var mxfp4 = new WeightFormat(DataType.Fp4, 32, 1, routedExpertsOnly: true);
            Assert.True(WeightFormat.ForParameters(mxfp4, DataType.Fp8, null, null)!.RoutedExpertsOnly);
            Assert.True(WeightFormat.ForParameters(mxfp4, null, 16, null)!.RoutedExpertsOnly);
        }

        [Fact]
        public void A_float32_checkpoint_serves_in_bf16_by_default_and_in_fp32_when_asked()
        {
            // google/gemma-2-9b publishes float32 tensors (config.json torch_dtype "float32"); vLLM's dtype "auto" loads a
            // float32 checkpoint in 16 bits (for Gemma 2, bfloat16), so the default deployment is bf16 throughout: 2 bytes
            // a weight rather than the checkpoint's 4.
            var gemma = InferenceLab.Core.Catalog.CatalogSet.BuiltIn.GetModel("gemma-2-9b");
            Assert.Equal(DataType.Fp32, gemma.NativeType);
            var served = new Deployment(gemma);
            Assert.Equal(DataType.Bf16, served.WeightFormat.Type);
            Assert.Equal(DataType.Bf16, served.ActivationType);
            Assert.Equal(DataType.Bf16, served.KvCacheType);
            Assert.Equal(2.0, served.LinearBytesPerWeight);
            var asked = new Deployment(gemma, weightFormat: WeightFormat.ForParameters(Deployment.ServingWeightFormat(gemma), DataType.Fp32, null, null), activationType: DataType.Fp32);
            Assert.Equal(DataType.Fp32, asked.WeightFormat.Type);
            Assert.Equal(DataType.Fp32, asked.KvCacheType);
            Assert.Equal(4.0, asked.LinearBytesPerWeight);
        }
    }
}
