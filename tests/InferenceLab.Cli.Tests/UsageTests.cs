namespace InferenceLab.Cli.Tests
{
    /// <summary>Usage errors (what a parser can tell without computing) exit with 2 and say what to fix on stderr.</summary>
    public sealed class UsageTests
    {
        private static void IsUsageError(string expected, params string[] args)
        {
            var run = CliRun.With(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Contains("error: " + expected, run.Error);
            Assert.EndsWith("--help' for usage.", run.ErrorLines[run.ErrorLines.Count - 1]);
        }

        [Fact]
        public void An_unknown_option() =>
            IsUsageError("Unrecognized command or argument '--batch'.", "max-context", "--model", "llama-2-7b", "--hardware", "a10", "--batch", "4");

        [Fact]
        public void An_unknown_command() =>
            IsUsageError("Unrecognized command or argument 'throughput'.", "throughput", "--model", "llama-2-7b");

        [Fact]
        public void No_command() => IsUsageError("Required command was not provided.");

        [Fact]
        public void A_missing_required_option()
        {
            IsUsageError("Option '--model' is required.", "latency", "--hardware", "a10", "--input-length", "10", "--output-length", "10");
            IsUsageError("Option '--hardware' is required.", "latency", "--model", "llama-2-7b", "--input-length", "10", "--output-length", "10");
            IsUsageError("Option '--output-length' is required.", "latency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10");
            IsUsageError("Option '--context-length' is required.", "max-batch", "--model", "llama-2-7b", "--hardware", "a10");
            IsUsageError("Option '--input-length' is required.", "memory", "--model", "llama-2-7b");
            IsUsageError("Option '--input-length' is required.", "cost", "--model", "llama-2-7b");
        }

        [Theory]
        [InlineData("--batch-size", "eight", "--batch-size: 'eight' is not a whole number.")]
        [InlineData("--batch-size", "1,,8", "--batch-size: '' is not a whole number.")]
        [InlineData("--batch-size", "2.5", "--batch-size: '2.5' is not a whole number.")]
        [InlineData("--input-length", "99999999999", "--input-length: '99999999999' is not a whole number.")]
        [InlineData("--memory-utilization", "0,9", "--memory-utilization: '0,9' is not a number.")]
        public void An_unparsable_number(string option, string value, string expected)
        {
            var args = new System.Collections.Generic.List<string> { "memory", "--model", "llama-2-7b", option, value };
            if (option != "--input-length")
            {
                args.AddRange(new[] { "--input-length", "10" });
            }

            IsUsageError(expected, args.ToArray());
        }

        [Fact]
        public void An_unknown_format_or_phase()
        {
            IsUsageError("--format: 'yaml' is not a format; use table, csv or json.", "models", "--format", "yaml");
            IsUsageError("--phase: 'decoding' is not a phase; use prefill or decode.", "cost", "--model", "llama-2-7b", "--input-length", "10", "--phase", "decoding");
        }

        [Fact]
        public void Efficiency_needs_a_measurement() =>
            IsUsageError(
                "Give at least one measurement: --ttft-seconds, --tpot-seconds or --output-tokens-per-second.",
                "efficiency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10", "--output-length", "10");

        [Fact]
        public void Options_belong_to_their_commands()
        {
            // --per-operator is a cost/roofline option; --roofline belongs to latency and efficiency.
            IsUsageError("Unrecognized command or argument '--per-operator'.", "latency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10", "--output-length", "10", "--per-operator");
            IsUsageError("Unrecognized command or argument '--roofline'.", "cost", "--model", "llama-2-7b", "--input-length", "10", "--roofline");
            IsUsageError("Unrecognized command or argument '--memory-utilization'.", "latency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "10", "--output-length", "10", "--memory-utilization", "0.8");
        }
    }
}
