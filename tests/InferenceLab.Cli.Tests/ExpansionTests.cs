using System.Linq;
using InferenceLab.Core;

namespace InferenceLab.Cli.Tests
{
    /// <summary>Comma lists expand into one result per combination, as the cmdlets do; a bad combination does not stop the others.</summary>
    public sealed class ExpansionTests
    {
        [Fact]
        public void A_list_of_batch_sizes_gives_one_result_each_in_order()
        {
            var run = CliRun.With("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "1,8,64", "--input-length", "512", "--output-length", "64", "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { 1, 8, 64 }, run.Json().Select(r => r.GetProperty("BatchSize").GetInt32()));
        }

        [Fact]
        public void Lists_multiply_with_the_first_option_varying_slowest()
        {
            var run = CliRun.With("memory", "--model", "llama-2-7b,llama-3-8b", "--batch-size", "1,4", "--input-length", "128,256", "--format", "json");
            Assert.Equal(0, run.ExitCode);
            var rows = run.Json().Select(r => $"{r.GetProperty("ModelName").GetString()}/{r.GetProperty("BatchSize").GetInt32()}/{r.GetProperty("InputLength").GetInt32()}");
            Assert.Equal(
                new[]
                {
                    "llama-2-7b/1/128", "llama-2-7b/1/256", "llama-2-7b/4/128", "llama-2-7b/4/256",
                    "llama-3-8b/1/128", "llama-3-8b/1/256", "llama-3-8b/4/128", "llama-3-8b/4/256",
                },
                rows);
        }

        [Fact]
        public void A_list_option_may_also_repeat()
        {
            var run = CliRun.With("max-context", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "1", "--batch-size", "16,32", "--format", "json");
            Assert.Equal(new[] { 1, 16, 32 }, run.Json().Select(r => r.GetProperty("BatchSize").GetInt32()));
        }

        [Fact]
        public void Data_types_and_parallel_degrees_expand_too()
        {
            var run = CliRun.With("memory", "--model", "llama-3-8b", "--weight-type", "bf16,fp8,int4", "--tensor-parallel", "1,2", "--input-length", "128", "--format", "csv");
            var records = run.Csv();
            int type = records[0].ToList().IndexOf("WeightType");
            int tp = records[0].ToList().IndexOf("TensorParallel");
            Assert.Equal(new[] { "Bf16/1", "Bf16/2", "Fp8/1", "Fp8/2", "Int4/1", "Int4/2" }, records.Skip(1).Select(r => r[type] + "/" + r[tp]));
        }

        [Fact]
        public void A_bad_combination_reports_the_core_message_on_stderr_and_the_others_still_print()
        {
            var run = CliRun.With("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--tensor-parallel", "1,3,2", "--input-length", "512", "--output-length", "64", "--format", "json");

            var core = Assert.Throws<InvalidInputException>(() => new Deployment(TestSpecs.Llama2_7B, TestSpecs.A100, tensorParallel: 3));
            Assert.Equal("TensorParallel 3 does not divide llama-2-7b's 32 attention heads; use a divisor of 32.", core.Message);
            Assert.Equal(new[] { "error: " + core.Message }, run.ErrorLines);
            Assert.Equal(new[] { 1, 2 }, run.Json().Select(r => r.GetProperty("TensorParallel").GetInt32()));
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void A_bad_value_inside_a_list_fails_only_its_own_combination()
        {
            var run = CliRun.With("memory", "--model", "llama-2-7b", "--batch-size", "4,0,2", "--input-length", "100", "--format", "json");
            Assert.Equal(new[] { "error: BatchSize must be between 1 and 100000000; got 0." }, run.ErrorLines);
            Assert.Equal(new[] { 4, 2 }, run.Json().Select(r => r.GetProperty("BatchSize").GetInt32()));
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void An_unknown_model_in_a_list_is_reported_once_and_the_known_ones_print()
        {
            var run = CliRun.With("memory", "--model", "llama-2-7b,no-such-model", "--batch-size", "1,2", "--input-length", "100", "--format", "json");
            Assert.Single(run.ErrorLines);
            Assert.Contains("no-such-model", run.Error);
            Assert.Equal(new[] { "llama-2-7b", "llama-2-7b" }, run.Json().Select(r => r.GetProperty("ModelName").GetString()));
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void Decode_contexts_multiply_decode_steps_only()
        {
            var run = CliRun.With("cost", "--model", "llama-2-7b", "--input-length", "128", "--context-length", "256,512", "--format", "json");
            Assert.Equal(new[] { "Prefill/0", "Decode/256", "Decode/512" }, run.Json().Select(r => r.GetProperty("Phase").GetString() + "/" + r.GetProperty("ContextLength").GetInt32()));
        }
    }
}
