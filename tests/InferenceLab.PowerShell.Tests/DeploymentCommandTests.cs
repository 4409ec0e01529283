using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Models;
using InferenceLab.PowerShell.Memory;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>The shared deployment parameters, the loop every cmdlet runs, and the mapping of errors.</summary>
    public sealed class DeploymentCommandTests
    {
        /// <summary>A GPTQ-style checkpoint: Llama-2-7B with int4 weights in groups of 128 and a 4-byte scale and zero point.</summary>
        private static readonly ModelSpec Gptq = new ModelSpec("llama-2-7b-gptq", 32, 4096, 32, 32, 11008, 32000, 4096,
            nativeType: DataType.Fp16, weightFormat: new WeightFormat(DataType.Int4, 128, 4));

        private static WeightFormat? Format(ModelSpec model, DataType? type = null, int? group = null, double? scale = null) =>
            new GetInferenceMemoryCommand { Model = model, WeightType = type, WeightGroupSize = group, WeightScaleBytes = scale }.WeightFormatFor(model);

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.5)]
        [InlineData(-0.1)]
        public void A_memory_utilization_outside_0_to_1_is_Cores_InvalidArgument_error_for_the_point(double utilization)
        {
            // Core's rule is 0 < utilization <= 1. The parameter has no ValidateRange of its own, whose [0, 1] let 0 through
            // to Core while 1.5 failed at binding: now every value outside the rule fails the same way.
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = Known.A10, InputLength = new[] { 512 }, MemoryUtilization = utilization };
            var failure = Assert.Single(cmd.Plan()).Error!;
            Assert.Equal("MemoryUtilizationOutOfRange", failure.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        }

        [Theory]
        [InlineData(0.0, null)]
        [InlineData(null, 0.0)]
        [InlineData(1.5, null)]
        public void An_efficiency_factor_outside_0_to_1_is_an_InvalidArgument_error_for_the_point(double? compute, double? memory)
        {
            var latency = new Time.MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, ComputeEfficiency = compute, MemoryEfficiency = memory };
            var failure = Assert.Single(latency.Plan()).Error!;
            Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
            Assert.EndsWith("OutOfRange", failure.ErrorId);
        }

        [Fact]
        public void Fractions_have_no_binding_range_that_could_disagree_with_Core()
        {
            foreach (var cmdlet in CmdletMetadata.CmdletTypes)
            {
                foreach (var p in CmdletMetadata.Parameters(cmdlet).Where(p => p.Name == "MemoryUtilization" || p.Name.EndsWith("Efficiency", System.StringComparison.Ordinal)))
                {
                    Assert.DoesNotContain(typeof(System.Management.Automation.ValidateRangeAttribute), p.AttributeTypes);
                }
            }
        }

        [Fact]
        public void Without_weight_parameters_the_deployment_keeps_the_models_own_format()
        {
            Assert.Null(Format(Gptq));
        }

        [Fact]
        public void Naming_the_models_own_type_again_keeps_its_groups_and_scale()
        {
            // A result piped by property name carries WeightType Int4 and WeightGroupSize 128: the same checkpoint.
            Assert.Same(Gptq.WeightFormat, Format(Gptq, DataType.Int4));
            Assert.Same(Gptq.WeightFormat, Format(Gptq, DataType.Int4, 128));
        }

        [Fact]
        public void Another_type_is_a_plain_format_and_a_group_size_brings_an_fp16_scale()
        {
            Assert.Equal(WeightFormat.Plain(DataType.Fp16), Format(Gptq, DataType.Fp16));
            Assert.Equal(new WeightFormat(DataType.Int4, 128, 2), Format(Known.Llama2_7B, DataType.Int4, 128));
            Assert.Equal(new WeightFormat(DataType.Int4, 64, 4), Format(Gptq, group: 64));
            Assert.Equal(new WeightFormat(DataType.Int8, 0, 0), Format(Gptq, DataType.Int8));
        }

        [Fact]
        public void Data_types_parallelism_and_memory_settings_reach_the_deployment()
        {
            var cmd = new GetInferenceMemoryCommand
            {
                Model = Known.Llama2_7B,
                Hardware = Known.A100,
                KvCacheType = DataType.Fp8,
                ActivationType = DataType.Bf16,
                PipelineParallel = 2,
                MemoryUtilization = 0.8,
                RuntimeReserveBytes = 0,
                MaxBatchedTokens = 2048,
                InputLength = new[] { 128 },
            };

            var deployment = cmd.BuildDeployment(4);

            Assert.Equal((DataType.Fp8, DataType.Bf16, 4, 2, 0.8, 0d, 2048), (deployment.KvCacheType, deployment.ActivationType, deployment.TensorParallel, deployment.PipelineParallel, deployment.MemoryUtilization, deployment.RuntimeReserveBytes, deployment.MaxBatchedTokens));
        }

        [Fact]
        public void A_type_the_GPU_cannot_compute_in_fails_for_its_deployment()
        {
            // bf16 has no stand-in (DESIGN §3): a GPU with only an fp16 rate, as a V100, cannot compute in it. The error
            // belongs to the deployment, so the two batch sizes share one error.
            var v100 = new Hardware.NewInferenceHardwareCommand { Name = "v100-like", MemoryBytes = 32 * Known.GiB, MemoryBandwidthBytesPerSecond = 900e9, Fp16FlopsPerSecond = 125e12 }.BuildHardware();
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = v100, ActivationType = DataType.Bf16, InputLength = new[] { 128 }, BatchSize = new[] { 1, 2 } };

            var point = Assert.Single(cmd.Plan());

            Assert.Equal("DataTypeNotSupported", point.Error!.ErrorId);
        }

        [Fact]
        public void The_loop_writes_every_result_and_one_error_per_bad_point_and_counts_them_all()
        {
            var bad = new InvalidInputException("BatchSizeOutOfRange", "BatchSize", "bad");
            var plan = new[]
            {
                Planned<string>.Of("a", "first"),
                Planned<string>.Failed(bad, "second"),
                Planned<string>.Of("throws", "third"),
                Planned<string>.Of("b", "fourth"),
            };
            var output = new List<object>();
            var errors = new List<string>();
            var counts = new List<long>();

            InferenceCommand.Run(
                plan,
                r => r == "throws" ? throw new InvalidInputException("Thrown", "X", "thrown") : new object[] { r, r + r },
                output.Add,
                (e, target) => errors.Add(e.ErrorId + "@" + target),
                counts.Add);

            Assert.Equal(new object[] { "a", "aa", "b", "bb" }, output);
            Assert.Equal(new[] { "BatchSizeOutOfRange@second", "Thrown@third" }, errors);
            Assert.Equal(new long[] { 1, 2, 3, 4 }, counts);
        }

        [Fact]
        public void Every_error_kind_maps_to_the_ErrorCategory_of_the_same_name()
        {
            foreach (ErrorKind kind in System.Enum.GetValues(typeof(ErrorKind)))
            {
                Assert.Equal(kind.ToString(), ErrorRecords.Category(kind).ToString());
            }
        }

        [Fact]
        public void Describe_names_the_values_given_and_skips_the_missing_ones()
        {
            Assert.Equal("A=1 C=x", InferenceCommand.Describe("A", 1, "B", null, "C", "x"));
            Assert.Equal(new[] { "Model=llama-2-7b Hardware=a10 BatchSize=4" }, new[] { new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = Known.A10 }.DescribePoint("BatchSize", 4) });
        }

        [Fact]
        public void Sweeps_count_their_points_for_progress()
        {
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, BatchSize = Enumerable.Range(1, 30).ToArray(), InputLength = Enumerable.Range(1, 10).ToArray() };
            Assert.Equal(300, cmd.Plan().Count());
            Assert.True(Sweep.Count(cmd.TensorParallel, cmd.BatchSize, cmd.InputLength, cmd.OutputLength) > InferenceCommand.ProgressThreshold);
        }
    }
}
