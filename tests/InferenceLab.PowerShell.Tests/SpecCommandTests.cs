using InferenceLab.Core;
using InferenceLab.PowerShell.Hardware;
using InferenceLab.PowerShell.Models;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>New-InferenceModel and New-InferenceHardware build the Core specs their parameters describe.</summary>
    public sealed class SpecCommandTests
    {
        private static NewInferenceModelCommand Llama2_7B() => new NewInferenceModelCommand
        {
            // meta-llama/Llama-2-7b-hf config.json.
            Name = "llama-2-7b",
            LayerCount = 32,
            HiddenSize = 4096,
            AttentionHeadCount = 32,
            KeyValueHeadCount = 32,
            IntermediateSize = 11008,
            VocabularySize = 32000,
            MaxPositionEmbeddings = 4096,
            NativeType = DataType.Fp16,
        };

        [Fact]
        public void New_InferenceModel_from_Llama2_7B_config_counts_its_published_parameters()
        {
            var model = Llama2_7B().BuildModel();

            // DESIGN §8 and the model card: 6,738,415,616 parameters.
            Assert.Equal(6_738_415_616L, model.TotalParameterCount);
            Assert.True(model.GatedMlp);
            Assert.False(model.TiedEmbeddings);
            Assert.Equal(128, model.HeadDimension);
            Assert.Equal(WeightFormat.Plain(DataType.Fp16), model.WeightFormat);
        }

        [Fact]
        public void A_quantized_checkpoint_gets_an_fp16_scale_per_group_unless_told_otherwise()
        {
            var cmd = Llama2_7B();
            cmd.WeightType = DataType.Int4;
            cmd.WeightGroupSize = 128;

            // DESIGN §3: int4 with group 128 and an fp16 scale costs 0.5 + 2/128 B per weight.
            Assert.Equal(0.515625, cmd.BuildModel().WeightFormat.BytesPerWeight);

            cmd.WeightScaleBytes = 4;
            Assert.Equal(0.5 + (4.0 / 128), cmd.BuildModel().WeightFormat.BytesPerWeight);
        }

        [Fact]
        public void A_model_piped_in_is_copied_with_the_given_fields_replaced()
        {
            // Binding by property name sets every architecture parameter from the model; -Name and one field replace.
            var original = Known.Mistral7B;
            var cmd = new NewInferenceModelCommand
            {
                Name = "mistral-7b-long",
                LayerCount = original.LayerCount,
                HiddenSize = original.HiddenSize,
                AttentionHeadCount = original.AttentionHeadCount,
                KeyValueHeadCount = original.KeyValueHeadCount,
                IntermediateSize = original.IntermediateSize,
                VocabularySize = original.VocabularySize,
                MaxPositionEmbeddings = 65536,
                HeadDimension = original.HeadDimension,
                GatedMlp = original.GatedMlp,
                NativeType = original.NativeType,
                WeightFormat = original.WeightFormat,
                SlidingWindowSize = original.SlidingWindowSize,
                SlidingWindowLayerCount = original.SlidingWindowLayerCount,
            };

            var copy = cmd.BuildModel();

            // mistralai/Mistral-7B-v0.1: 7,241,732,096 parameters (DESIGN §8), unchanged by the position limit.
            Assert.Equal(7_241_732_096L, copy.TotalParameterCount);
            Assert.Equal(65536, copy.MaxPositionEmbeddings);
            Assert.Equal(4096, copy.SlidingWindowSize);
        }

        [Fact]
        public void Core_rejects_a_bad_field_with_its_error_id()
        {
            var cmd = Llama2_7B();
            cmd.KeyValueHeadCount = 5;

            var error = Assert.Throws<InvalidInputException>(() => cmd.BuildModel());

            Assert.Equal("KeyValueHeadsDoNotDivideHeads", error.ErrorId);
            Assert.Equal("KeyValueHeadCount", error.Field);
        }

        [Fact]
        public void New_InferenceHardware_from_the_A100_datasheet_has_its_machine_balance()
        {
            var cmd = new NewInferenceHardwareCommand
            {
                Name = "a100-sxm-80gb",
                MemoryBytes = 80 * Known.GiB,
                MemoryBandwidthBytesPerSecond = 2039e9,
                Fp16FlopsPerSecond = 312e12,
                Bf16FlopsPerSecond = 312e12,
                Fp32FlopsPerSecond = 19.5e12,
                InterconnectBandwidthBytesPerSecond = 300e9,
                Interconnect = "NVLink 3",
            };

            var gpu = cmd.BuildHardware();

            // 312e12 ÷ 2039e9 = 153.0 FLOP/B (DESIGN §8).
            Assert.Equal(153.0, gpu.MachineBalance(DataType.Fp16), 1);
            Assert.Equal(85_899_345_920d, gpu.MemoryBytes);
            Assert.Equal(new[] { DataType.Fp32, DataType.Bf16, DataType.Fp16 }, gpu.NativeTypes);
            Assert.Null(gpu.Fp8FlopsPerSecond);
        }

        [Fact]
        public void New_InferenceHardware_without_any_peak_is_Cores_PeakFlopsMissing()
        {
            var cmd = new NewInferenceHardwareCommand { Name = "mystery", MemoryBytes = 16 * Known.GiB, MemoryBandwidthBytesPerSecond = 1e12 };

            var error = Assert.Throws<InvalidInputException>(() => cmd.BuildHardware());

            Assert.Equal("PeakFlopsMissing", error.ErrorId);
        }
    }
}
