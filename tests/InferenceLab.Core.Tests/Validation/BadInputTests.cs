using System;
using System.Collections.Generic;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Validation
{
    /// <summary>DESIGN §9: every bad value is an InvalidArgument error with a stable id whose message names the field.</summary>
    public sealed class BadInputTests
    {
        private static readonly Deployment Llama = new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80);

        private static void Rejects(string errorId, string field, Action action)
        {
            var error = Assert.Throws<InvalidInputException>(action);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(field, error.Field);
            Assert.Contains(field, error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(int.MinValue)]
        public void Batch_size_below_one_is_rejected(int batch) =>
            Rejects("BatchSizeOutOfRange", "BatchSize", () => new Scenario(Llama, batch, 128, 16));

        [Theory]
        [InlineData(0, 16, "InputLengthNotPositive", "InputLength")]
        [InlineData(-5, 16, "InputLengthNotPositive", "InputLength")]
        [InlineData(128, 0, "OutputLengthNotPositive", "OutputLength")]
        [InlineData(128, -1, "OutputLengthNotPositive", "OutputLength")]
        public void Zero_or_negative_lengths_are_rejected(int input, int output, string id, string field) =>
            Rejects(id, field, () => new Scenario(Llama, 1, input, output));

        [Fact]
        public void A_sequence_beyond_the_position_limit_is_rejected_with_the_limit_in_the_message()
        {
            // Llama-2-7B accepts 4096 positions: 4000 + 97 = 4097 is one too many.
            var error = Assert.Throws<InvalidInputException>(() => new Scenario(Llama, 1, 4000, 97));
            Assert.Equal("ContextBeyondPositionLimit", error.ErrorId);
            Assert.Contains("4096", error.Message);
            Rejects("ContextBeyondPositionLimit", "ContextLength", () => CostEstimator.Decode(new Scenario(Llama, 1, 10, 1), 4096));
            Rejects("ContextBeyondPositionLimit", "ContextLength", () => MemoryLimits.MaxBatchSize(Llama, 5000));
            Rejects("ContextLengthNegative", "ContextLength", () => CostEstimator.Decode(new Scenario(Llama, 1, 10, 1), -1));
        }

        [Theory]
        [InlineData(0, 1, "TensorParallelNotPositive", "TensorParallel")]
        [InlineData(-2, 1, "TensorParallelNotPositive", "TensorParallel")]
        [InlineData(1, 0, "PipelineParallelNotPositive", "PipelineParallel")]
        [InlineData(3, 1, "TensorParallelDoesNotDivideHeads", "TensorParallel")]
        [InlineData(1, 33, "PipelineParallelAboveLayers", "PipelineParallel")]
        public void Parallel_degrees_must_be_positive_and_fit_the_model(int tp, int pp, string id, string field) =>
            Rejects(id, field, () => new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80, tensorParallel: tp, pipelineParallel: pp));

        [Fact]
        public void TP_and_KV_heads_that_do_not_divide_one_another_are_rejected()
        {
            // 12 heads with 6 KV heads: TP 4 divides neither way (4 ∤ 6 and 6 ∤ 4), TP 3 … 3 | 6: fine.
            var model = new ModelSpec("odd", 2, 1536, 12, 6, 4096, 1000, 4096);
            Rejects("TensorParallelDoesNotDivideKeyValueHeads", "TensorParallel", () => new Deployment(model, tensorParallel: 4));
            Assert.Equal(3, new Deployment(model, tensorParallel: 3).TensorParallel);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-0.5)]
        [InlineData(1.01)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Memory_utilization_must_be_in_zero_to_one(double utilization) =>
            Rejects("MemoryUtilizationOutOfRange", "MemoryUtilization", () => new Deployment(TestModels.Llama2_7B, memoryUtilization: utilization));

        [Fact]
        public void A_data_type_the_GPU_cannot_compute_in_is_rejected_with_what_it_supports()
        {
            // A V100 has fp16 tensor cores but no bf16 (NVIDIA V100 datasheet).
            var v100 = new HardwareSpec("v100", 32.0 * (1 << 30), 900e9, new Dictionary<DataType, double> { [DataType.Fp32] = 15.7e12, [DataType.Fp16] = 125e12 });
            var error = Assert.Throws<InvalidInputException>(() => new Deployment(TestModels.Llama3_8B, v100));
            Assert.Equal("DataTypeNotSupported", error.ErrorId);
            Assert.Equal("ActivationType", error.Field);
            Assert.Contains("fp16", error.Message);
            Assert.Equal(DataType.Fp16, new Deployment(TestModels.Llama3_8B, v100, activationType: DataType.Fp16).ActivationType);
        }

        [Fact]
        public void Time_estimates_need_a_GPU_and_multi_GPU_times_need_an_interconnect()
        {
            Rejects("HardwareMissing", "Hardware", () => LatencyEstimator.Estimate(new Scenario(new Deployment(TestModels.Llama2_7B), 1, 10, 10)));
            var lonely = new HardwareSpec("lonely", 1e11, 1e12, new Dictionary<DataType, double> { [DataType.Fp16] = 1e14 });
            Rejects("InterconnectMissing", "TensorParallel", () => LatencyEstimator.Estimate(new Scenario(new Deployment(TestModels.Llama2_7B, lonely, tensorParallel: 2), 1, 10, 10)));
        }

        [Fact]
        public void A_measured_value_must_be_positive_and_finite()
        {
            var scenario = new Scenario(Llama, 1, 128, 128);
            foreach (double bad in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            {
                var error = Assert.Throws<InvalidInputException>(() => EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimeToFirstToken, bad));
                Assert.Equal("MeasuredValueNotPositive", error.ErrorId);
            }
        }

        public static IEnumerable<object[]> BadModels()
        {
            yield return new object[] { "LayerCount", (Func<ModelSpec>)(() => new ModelSpec("m", 0, 4096, 32, 32, 11008, 32000, 4096)) };
            yield return new object[] { "HiddenSize", (Func<ModelSpec>)(() => new ModelSpec("m", 32, -1, 32, 32, 11008, 32000, 4096)) };
            yield return new object[] { "KeyValueHeadCount", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 33, 11008, 32000, 4096)) };
            yield return new object[] { "KeyValueHeadCount", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 5, 11008, 32000, 4096)) };
            yield return new object[] { "HeadDimension", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4000, 48, 48, 11008, 32000, 4096)) };
            yield return new object[] { "VocabularySize", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 32, 11008, 0, 4096)) };
            yield return new object[] { "MaxPositionEmbeddings", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 32, 11008, 32000, 0)) };
            yield return new object[] { "ExpertsPerToken", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 8, 14336, 32000, 4096, expertCount: 8, expertsPerToken: 9, expertIntermediateSize: 14336)) };
            yield return new object[] { "ExpertIntermediateSize", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 8, 14336, 32000, 4096, expertCount: 8, expertsPerToken: 2)) };
            yield return new object[] { "ExpertCount", (Func<ModelSpec>)(() => new ModelSpec("m", 32, 4096, 32, 8, 14336, 32000, 4096, expertsPerToken: 2)) };
            yield return new object[] { "DenseLayerCount", (Func<ModelSpec>)(() => new ModelSpec("m", 4, 4096, 32, 8, 14336, 32000, 4096, expertCount: 8, expertsPerToken: 2, expertIntermediateSize: 1, denseLayerCount: 5)) };
            yield return new object[] { "KvLoraRank", (Func<ModelSpec>)(() => new ModelSpec("m", 4, 4096, 32, 32, 14336, 32000, 4096, qkRopeHeadDimension: 64)) };
            yield return new object[] { "QkNopeHeadDimension", (Func<ModelSpec>)(() => new ModelSpec("m", 4, 4096, 32, 32, 14336, 32000, 4096, kvLoraRank: 512, qkRopeHeadDimension: 64, valueHeadDimension: 128)) };
            yield return new object[] { "SlidingWindowLayerCount", (Func<ModelSpec>)(() => new ModelSpec("m", 4, 4096, 32, 32, 14336, 32000, 4096, slidingWindowSize: 4096, slidingWindowLayerCount: 5)) };
            yield return new object[] { "SlidingWindowSize", (Func<ModelSpec>)(() => new ModelSpec("m", 4, 4096, 32, 32, 14336, 32000, 4096, slidingWindowLayerCount: 2)) };
            yield return new object[] { "LayerCount", (Func<ModelSpec>)(() => new ModelSpec("m", 100_000, 10_000_000, 32, 32, 10_000_000, 32000, 4096)) };
        }

        [Theory]
        [MemberData(nameof(BadModels))]
        public void Inconsistent_model_fields_are_rejected_naming_the_field(string field, Func<ModelSpec> create)
        {
            var error = Assert.Throws<InvalidInputException>(() => create());
            Assert.Equal(field, error.Field);
            Assert.Contains(field, error.Message);
        }

        [Fact]
        public void Hardware_figures_must_be_positive_and_finite()
        {
            var peaks = new Dictionary<DataType, double> { [DataType.Fp16] = 1e14 };
            Assert.Equal("MemoryBytes", Assert.Throws<InvalidInputException>(() => new HardwareSpec("x", 0, 1e12, peaks)).Field);
            Assert.Equal("MemoryBandwidthBytesPerSecond", Assert.Throws<InvalidInputException>(() => new HardwareSpec("x", 1e10, double.NaN, peaks)).Field);
            Assert.Equal("PeakFlopsPerSecond", Assert.Throws<InvalidInputException>(() => new HardwareSpec("x", 1e10, 1e12, new Dictionary<DataType, double>())).Field);
            Assert.Equal("fp16 peak FLOP/s", Assert.Throws<InvalidInputException>(() => new HardwareSpec("x", 1e10, 1e12, new Dictionary<DataType, double> { [DataType.Fp16] = -1 })).Field);
            Assert.Equal("InterconnectBandwidthBytesPerSecond", Assert.Throws<InvalidInputException>(() => new HardwareSpec("x", 1e10, 1e12, peaks, double.PositiveInfinity)).Field);
        }

        [Fact]
        public void Efficiency_factors_must_be_fractions_and_overheads_non_negative()
        {
            Assert.Equal("ComputeEfficiency", Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("x", 0, 1, 1)).Field);
            Assert.Equal("MemoryEfficiency", Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("x", 1, 1.5, 1)).Field);
            Assert.Equal("StepOverheadSeconds", Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("x", 1, 1, 1, stepOverheadSeconds: -1)).Field);
            Assert.Equal("GemmHalfEfficiencyTokens", Assert.Throws<InvalidInputException>(() => new EfficiencyProfile("x", 1, 1, 1, gemmHalfEfficiencyTokens: double.NaN)).Field);
        }

        [Fact]
        public void Weight_group_formats_must_be_consistent()
        {
            Assert.Equal("WeightGroupSize", Assert.Throws<InvalidInputException>(() => new WeightFormat(DataType.Int4, -1, 2)).Field);
            Assert.Equal("WeightGroupSize", Assert.Throws<InvalidInputException>(() => new WeightFormat(DataType.Int4, 0, 2)).Field);
            Assert.Equal("WeightScaleBytes", Assert.Throws<InvalidInputException>(() => new WeightFormat(DataType.Int4, 128, double.NaN)).Field);

            // int4 with group 128 and an fp16 scale: 0.5 + 2/128 = 0.515625 B per weight (DESIGN §3).
            Assert.Equal(0.515625, new WeightFormat(DataType.Int4, 128, 2).BytesPerWeight);
        }

        [Fact]
        public void Unknown_data_type_names_are_rejected_listing_the_known_ones()
        {
            var error = Assert.Throws<InvalidInputException>(() => DataTypes.Parse("fp12", "WeightType"));
            Assert.Equal("UnknownDataType", error.ErrorId);
            Assert.Contains("bf16", error.Message);
            Assert.Equal(DataType.Fp8, DataTypes.Parse("E4M3", "KvCacheType"));
            Assert.Equal(DataType.Bf16, DataTypes.Parse("bfloat16", "ActivationType"));
        }
    }
}
