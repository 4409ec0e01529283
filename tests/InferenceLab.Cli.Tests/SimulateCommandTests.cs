using System;
using System.IO;
using System.Linq;
using InferenceLab.Cli.Catalog;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Simulation;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// <c>inferencelab simulate</c> is thin: its options become one Core SimulationRequest per combination, whose results
    /// it prints unchanged; workload mistakes are usage errors, bad values Core's messages.
    /// </summary>
    public sealed class SimulateCommandTests
    {
        private static readonly string[] Llama = { "simulate", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb" };

        private static string[] With(params string[] extra) => Llama.Concat(extra).ToArray();

        private static void IsUsageError(string expected, params string[] extra)
        {
            var run = CliRun.With(With(extra));
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Contains("error: " + expected, run.Error);
        }

        private static void FailsWith(string message, params string[] extra)
        {
            var run = CliRun.With(With(extra));
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Equal(new[] { "error: " + message }, run.ErrorLines);
        }

        [Fact]
        public void The_summary_is_the_Core_simulation_of_the_same_request()
        {
            var run = CliRun.With(With("--request-rate", "3", "--request-count", "50", "--input-length-distribution", "uniform:100:900", "--output-length-distribution", "lognormal:50:0.5:200",
                "--seed", "4", "--max-num-seqs", "8", "--max-batched-tokens", "512", "--block-size", "32", "--scheduling-policy", "spf", "--format", "json"));
            Assert.Equal("", run.Error);
            var json = run.Json().Single();

            var workload = Workload.Poisson(3, 50, LengthDistribution.Uniform(100, 900), LengthDistribution.LogNormal(50, 0.5, 200), seed: 4);
            var scheduler = new SchedulerSettings(8, 512, 32, SchedulingPolicy.ShortestPromptFirst);
            var expected = Simulator.Run(new SimulationRequest(new Deployment(TestSpecs.Llama2_7B, TestSpecs.A100), workload, scheduler)).Summary;
            Assert.Equal(expected.TimeToFirstTokenP99Seconds, json.GetProperty("TimeToFirstTokenP99Seconds").GetDouble());
            Assert.Equal(expected.EndToEndMeanSeconds, json.GetProperty("EndToEndMeanSeconds").GetDouble());
            Assert.Equal(expected.OutputTokens, json.GetProperty("OutputTokens").GetInt64());
            Assert.Equal("ShortestPromptFirst", json.GetProperty("SchedulingPolicy").GetString());
            Assert.Equal("uniform:100:900", json.GetProperty("InputLengths").GetString());
            Assert.Equal(512, json.GetProperty("MaxBatchedTokens").GetInt32());
            Assert.Equal(4, json.GetProperty("Seed").GetInt32());
        }

        [Fact]
        public void The_example_in_docs_cli_md_shows_what_the_command_prints()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "docs", "cli.md")))
            {
                directory = directory.Parent!;
            }

            // The Simulation section's first fenced block: "$ inferencelab simulate ..." and what it prints.
            string text = File.ReadAllText(Path.Combine(directory.FullName, "docs", "cli.md")).Replace("\r\n", "\n");
            string section = text.Substring(text.IndexOf("## Simulation", StringComparison.Ordinal));
            string block = section.Split("```\n")[1].TrimEnd('\n');
            string[] lines = block.Split('\n');
            const string prompt = "$ inferencelab ";
            Assert.StartsWith(prompt + "simulate ", lines[0]);
            var run = CliRun.With(CatalogSource.Open, lines[0].Substring(prompt.Length).Split(' '));
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Join("\n", lines.Skip(1)), run.Output.Replace("\r\n", "\n").TrimEnd('\n'));
        }

        [Fact]
        public void The_engine_times_the_iterations_and_an_unknown_engine_is_bad_input()
        {
            var json = CliRun.With(With("--request-rate", "1", "--request-count", "5", "--input-length", "100", "--output-length", "5", "--engine", "tensorrt-llm", "--format", "json")).Json().Single();
            Assert.Equal("tensorrt-llm", json.GetProperty("Efficiency").GetString());

            var run = CliRun.With(With("--request-rate", "1", "--input-length", "100", "--output-length", "5", "--engine", "tgi"));
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("tgi", run.Error);
        }

        [Fact]
        public void With_vllm_the_KV_capacity_is_the_engines_start_up_pool()
        {
            // Llama-3.1-8B on one H100 at vLLM's R01 settings (tests/data/kv-capacity-calibration.csv: gpu_memory_utilization 0.95,
            // max_num_seqs 1024, 8192 batched tokens, block 16), whose start-up log prints 476,016 KV tokens.
            string[] command = { "simulate", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--request-rate", "1", "--request-count", "5", "--input-length", "100", "--output-length", "5",
                "--memory-utilization", "0.95", "--max-num-seqs", "1024", "--format", "json" };
            long Capacity(params string[] extra)
            {
                var run = CliRun.With(CatalogSource.Open, command.Concat(extra).ToArray());
                Assert.Equal("", run.Error);
                return run.Json().Single().GetProperty("KvCacheCapacityTokens").GetInt64();
            }

            // Independent source: Core's EngineMemoryBudgets at the same settings, in whole 16-token blocks.
            var deployment = new Deployment(CatalogSet.BuiltIn.GetModel("llama-3.1-8b"), CatalogSet.BuiltIn.GetHardware("h100-sxm"), memoryUtilization: 0.95);
            var budget = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, new EngineMemorySettings(0.95, 8192, 1024, blockSize: 16), 1);
            long vllm = Capacity("--engine", "vllm");
            Assert.Equal(budget.KvCacheTokens / 16 * 16, vllm);
            Assert.True(Math.Abs((vllm / 476_016.0) - 1) <= 0.03, $"{vllm} vs vLLM's 476,016");

            // --roofline changes the timing only; without --engine, or with llama.cpp (no start-up model), the generic sizing.
            Assert.Equal(vllm, Capacity("--engine", "vllm", "--roofline"));
            long generic = Capacity();
            Assert.Equal(Simulator.Run(new SimulationRequest(deployment, Workload.Poisson(1, 5, LengthDistribution.Fixed(100), LengthDistribution.Fixed(5), 0), new SchedulerSettings(1024))).Summary.KvCacheCapacityTokens, generic);
            Assert.Equal(generic, Capacity("--engine", "llama.cpp"));
            Assert.NotEqual(generic, vllm);
        }

        [Fact]
        public void A_list_of_rates_prints_one_summary_per_rate_in_order()
        {
            var records = CliRun.With(With("--request-rate", "1,4", "--request-rate", "0.5", "--request-count", "30", "--input-length", "200", "--output-length", "20", "--format", "csv")).Csv();
            int column = records[0].ToList().IndexOf("RequestRatePerSecond");
            Assert.Equal(new[] { "1", "4", "0.5" }, records.Skip(1).Select(r => r[column]).ToArray());
        }

        [Fact]
        public void Per_request_rows_carry_the_runs_inputs()
        {
            var records = CliRun.With(With("--clients", "2", "--request-count", "6", "--input-length", "64", "--output-length", "8", "--per-request", "--format", "csv")).Csv();
            Assert.Equal(7, records.Count);
            var header = records[0].ToList();
            Assert.All(records.Skip(1), r => Assert.Equal("2", r[header.IndexOf("Clients")]));
            Assert.All(records.Skip(1), r => Assert.Equal("llama-2-7b", r[header.IndexOf("ModelName")]));
            Assert.Equal(new[] { "0", "1", "2", "3", "4", "5" }, records.Skip(1).Select(r => r[header.IndexOf("Index")]).ToArray());
        }

        [Fact]
        public void A_trace_file_is_simulated_and_named_in_the_results()
        {
            using var folder = new TempFolder();
            string path = folder.Write("load.csv", "arrival_s,prompt,output\n0,100,5\n0.25,300,3\n");
            var run = CliRun.With(With("--trace-path", path, "--per-request", "--format", "json"));
            Assert.Equal("", run.Error);
            var rows = run.Json();
            Assert.Equal(2, rows.Count);
            Assert.Equal(path, rows[0].GetProperty("TracePath").GetString());
            Assert.Equal(3, rows[1].GetProperty("TraceLine").GetInt64());
            Assert.Equal(0.25, rows[1].GetProperty("ArrivalSeconds").GetDouble());
        }

        [Fact]
        public void The_workload_must_be_exactly_one_of_rate_clients_or_trace_with_one_form_of_each_length()
        {
            IsUsageError("Give exactly one workload: --request-rate, --clients or --trace-path.", "--input-length", "10", "--output-length", "10");
            IsUsageError("Give exactly one workload: --request-rate, --clients or --trace-path.", "--request-rate", "1", "--clients", "2", "--input-length", "10", "--output-length", "10");
            IsUsageError("Give one of --input-length and --input-length-distribution with --request-rate or --clients.", "--request-rate", "1", "--output-length", "10");
            IsUsageError("Give one of --output-length and --output-length-distribution with --request-rate or --clients.", "--clients", "1", "--input-length", "10", "--output-length", "10", "--output-length-distribution", "uniform:1:5");
            IsUsageError("--trace-path gives every request's arrival and lengths", "--trace", "t.csv", "--input-length", "10");
            IsUsageError("--request-rate: 'fast' is not a number.", "--request-rate", "fast", "--input-length", "10", "--output-length", "10");
        }

        [Fact]
        public void Rates_and_lengths_sweep_rate_slowest()
        {
            var records = CliRun.With(With("--request-rate", "1,2", "--request-count", "5", "--input-length", "100,200", "--output-length", "5", "--format", "csv")).Csv();
            var header = records[0].ToList();
            Assert.Equal(
                new[] { ("1", "100"), ("1", "200"), ("2", "100"), ("2", "200") },
                records.Skip(1).Select(r => (r[header.IndexOf("RequestRatePerSecond")], r[header.IndexOf("InputLengths")])).ToArray());
        }

        [Theory]
        [InlineData("--request-rate", "0", "RequestRate must be above 0 and at most 1000000000 requests per second; got 0.")]
        [InlineData("--clients", "0", "Clients must be between 1 and 10000000; got 0.")]
        public void A_rate_or_client_count_out_of_range_is_bad_input_with_cores_message(string option, string value, string message) =>
            FailsWith(message, option, value, "--input-length", "10", "--output-length", "10");

        [Fact]
        public void Bad_scheduler_values_and_lengths_are_bad_input_with_cores_message()
        {
            FailsWith("BlockSize must be between 1 and 1048576 tokens; got 0.", "--request-rate", "1", "--input-length", "10", "--output-length", "10", "--block-size", "0");
            FailsWith("MaxNumSeqs must be between 1 and 1000000; got 0.", "--request-rate", "1", "--input-length", "10", "--output-length", "10", "--max-num-seqs", "0");
            FailsWith("SchedulingPolicy 'lifo' is not one of fcfs (FirstComeFirstServed), spf (ShortestPromptFirst).", "--request-rate", "1", "--input-length", "10", "--output-length", "10", "--scheduling-policy", "lifo");
            FailsWith("InputLengthDistribution 'short' is not a length: give a token count (2048), uniform:MIN:MAX, or lognormal:MEAN:SIGMA[:MAX].", "--request-rate", "1", "--input-length-distribution", "short", "--output-length", "10");
            FailsWith("OutputLength must be between 1 and 1000000000 tokens; got 0.", "--request-rate", "1", "--input-length", "10", "--output-length", "0");
        }

        [Fact]
        public void A_malformed_trace_is_bad_input_naming_file_and_line()
        {
            using var folder = new TempFolder();
            string path = folder.Write("bad.csv", "0,100,5\n1,x,3\n");
            var run = CliRun.With(With("--trace-path", path));
            Assert.Equal(1, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.StartsWith("error: " + path + ":2 (field 'prompt tokens'): 'x' is not a token count", run.ErrorLines.Single());
        }

        [Fact]
        public void A_request_beyond_the_position_limit_is_bad_input()
        {
            // Llama-2-7B accepts 4096 positions.
            var run = CliRun.With(With("--request-rate", "1", "--request-count", "2", "--input-length", "4000", "--output-length", "200"));
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("4000 + 200 = 4200 tokens, beyond llama-2-7b's position limit of 4096 tokens.", run.Error);
        }
    }
}
