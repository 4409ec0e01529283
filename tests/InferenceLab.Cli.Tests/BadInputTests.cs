using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Cli.Catalog;
using InferenceLab.Core;
using InferenceLab.Core.Memory;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// DESIGN §9 from the command line: each bad input prints the Core exception's message (the cmdlet's message) on
    /// stderr, nothing else, and exits with 1; an unexpected exception is one line and exit 3, never a stack trace.
    /// </summary>
    public sealed class BadInputTests
    {
        private static readonly Deployment Llama = new Deployment(TestSpecs.Llama2_7B, TestSpecs.A100);

        private static void FailsWith(string message, params string[] args)
        {
            var run = CliRun.With(args);
            Assert.Equal(new[] { "error: " + message }, run.ErrorLines);
            Assert.Equal("", run.Output);
            Assert.Equal(1, run.ExitCode);
        }

        private static string CoreMessage(Action action) => Assert.ThrowsAny<InferenceLabException>(action).Message;

        [Fact]
        public void An_unknown_model_is_not_found_with_the_catalogs_message()
        {
            var catalog = new TestCatalog();
            string message = Assert.Throws<NotFoundException>(() => catalog.GetModel("llama-9-7b")).Message;
            FailsWith(message, "latency", "--model", "llama-9-7b", "--hardware", "a100-sxm-80gb", "--input-length", "10", "--output-length", "10");
        }

        [Fact]
        public void An_unknown_gpu_is_not_found_with_the_catalogs_message()
        {
            var catalog = new TestCatalog();
            string message = Assert.Throws<NotFoundException>(() => catalog.GetHardware("h900")).Message;
            FailsWith(message, "max-context", "--model", "llama-2-7b", "--hardware", "h900");
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        public void A_zero_or_negative_batch_is_invalid(string batch) =>
            FailsWith(
                CoreMessage(() => new Scenario(Llama, int.Parse(batch), 10, 10)),
                "latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", batch, "--input-length", "10", "--output-length", "10");

        [Theory]
        [InlineData("0", "10")]
        [InlineData("-5", "10")]
        [InlineData("10", "0")]
        [InlineData("10", "-1")]
        public void A_zero_or_negative_length_is_invalid(string input, string output) =>
            FailsWith(
                CoreMessage(() => new Scenario(Llama, 1, int.Parse(input), int.Parse(output))),
                "latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", input, "--output-length", output);

        [Fact]
        public void A_zero_context_is_invalid() =>
            FailsWith(CoreMessage(() => MemoryLimits.MaxBatchSize(Llama, 0)), "max-batch", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--context-length", "0");

        [Theory]
        [InlineData("0")]
        [InlineData("3")]
        public void A_tensor_parallel_degree_that_does_not_divide_the_heads_is_invalid(string tp) =>
            FailsWith(
                CoreMessage(() => new Deployment(TestSpecs.Llama2_7B, TestSpecs.A100, tensorParallel: int.Parse(tp))),
                "memory", "--model", "llama-2-7b", "--tensor-parallel", tp, "--input-length", "10");

        [Fact]
        public void A_sequence_beyond_the_position_limit_is_invalid()
        {
            // Llama-2-7B accepts 4096 positions (config.json); 4000 + 97 is one too many.
            FailsWith(
                "InputLength + OutputLength = 4097 tokens exceeds llama-2-7b's position limit of 4096 tokens.",
                "latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "4000", "--output-length", "97");
            FailsWith(
                "ContextLength 5000 exceeds llama-2-7b's position limit of 4096 tokens.",
                "max-batch", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--context-length", "5000");
            FailsWith(
                "ContextLength 5000 exceeds llama-2-7b's position limit of 4096 tokens.",
                "memory", "--model", "llama-2-7b", "--input-length", "5000");
        }

        [Fact]
        public void An_unknown_data_type_is_invalid()
        {
            FailsWith(CoreMessage(() => DataTypes.Parse("fp7", "KvCacheType")), "memory", "--model", "llama-2-7b", "--kv-cache-type", "fp7", "--input-length", "10");
            FailsWith("WeightType 'int3' is not a known data type. Use one of: fp32, tf32, bf16, fp16, fp8, int8, int4, fp4.", "memory", "--model", "llama-2-7b", "--weight-type", "int3", "--input-length", "10");
        }

        [Fact]
        public void Data_type_spellings_people_use_are_accepted()
        {
            var run = CliRun.With("memory", "--model", "llama-3-8b", "--weight-type", "bfloat16,e4m3,nvfp4", "--input-length", "10", "--format", "csv");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(4, run.Csv().Count);
        }

        [Fact]
        public void A_compute_type_the_gpu_cannot_run_is_invalid() =>
            FailsWith(
                CoreMessage(() => new Deployment(TestSpecs.Llama3_8B, TestSpecs.V100)),
                "latency", "--model", "llama-3-8b", "--hardware", "v100-sxm2-32gb", "--input-length", "10", "--output-length", "10");

        [Theory]
        [InlineData("--memory-utilization", "1.5")]
        [InlineData("--memory-utilization", "0")]
        [InlineData("--runtime-reserve-bytes", "-1")]
        [InlineData("--max-batched-tokens", "-8")]
        [InlineData("--weight-group-size", "-128")]
        public void An_out_of_range_setting_is_invalid_with_cores_message(string option, string value)
        {
            var run = CliRun.With("memory", "--model", "llama-2-7b", "--input-length", "10", option, value);
            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            // Core names the field as the cmdlets do: --memory-utilization is MemoryUtilization.
            Assert.StartsWith("error: " + string.Concat(option.Substring(2).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1))), line);
        }

        [Fact]
        public void A_scale_without_a_group_is_invalid() =>
            FailsWith(CoreMessage(() => new WeightFormat(DataType.Int4, 0, 2)), "memory", "--model", "llama-2-7b", "--weight-type", "int4", "--weight-scale-bytes", "2", "--input-length", "10");

        [Fact]
        public void A_measured_value_that_is_not_positive_is_invalid()
        {
            var run = CliRun.With("efficiency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10", "--output-length", "10", "--ttft-seconds", "0");
            Assert.Equal(new[] { "error: The measured TimeToFirstToken must be a positive finite number; got 0." }, run.ErrorLines);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void A_catalog_that_cannot_be_opened_is_bad_input()
        {
            var broken = new CatalogDataException("CatalogYamlMalformed", "/tmp/mine.yaml", 3, 7, "models", "Expected a list.");
            var run = CliRun.With((_, _) => throw broken, "models", "--catalog", "/tmp/mine.yaml");
            Assert.Equal(new[] { "error: /tmp/mine.yaml:3:7 (field 'models'): Expected a list." }, run.ErrorLines);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void Extra_catalog_paths_reach_the_catalog()
        {
            var catalog = new TestCatalog();
            var run = CliRun.With(catalog.Open, "hardware", "a10", "--catalog", "one.yaml,two.yaml", "--catalog", "three.yaml");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "one.yaml", "two.yaml", "three.yaml" }, catalog.ExtraCatalogPaths);
        }

        [Fact]
        public void An_unexpected_exception_is_one_line_and_exit_code_3_without_a_stack_trace()
        {
            var run = CliRun.With((_, _) => new ThrowingCatalog(), "latency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10", "--output-length", "10");
            Assert.Equal(3, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith("internal error: InvalidOperationException: first line second line", line);
            Assert.DoesNotContain(" at ", run.Error);
            Assert.Equal("", run.Output);
        }

        private sealed class ThrowingCatalog : ISpecCatalog
        {
            public Core.Models.ModelSpec GetModel(string nameOrPath) => throw new InvalidOperationException("first line\nsecond line");

            public Core.Hardware.HardwareSpec GetHardware(string nameOrPath) => throw new InvalidOperationException("never reached");

            public IReadOnlyList<Core.Models.ModelSpec> FindModels(string? pattern) => throw new InvalidOperationException("never reached");

            public IReadOnlyList<Core.Hardware.HardwareSpec> FindHardware(string? pattern) => throw new InvalidOperationException("never reached");
        }
    }
}
