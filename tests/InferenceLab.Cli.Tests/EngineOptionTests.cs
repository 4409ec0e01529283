using System.Linq;
using System.Text.Json;
using InferenceLab.Cli.Catalog;

namespace InferenceLab.Cli.Tests
{
    /// <summary>--engine and its companions on the time and memory commands.</summary>
    public sealed class EngineOptionTests
    {
        private static JsonElement Single(params string[] args)
        {
            var run = CliRun.With(CatalogSource.Open, args.Concat(new[] { "--format", "json" }).ToArray());
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            return Assert.Single(run.Json());
        }

        [Fact]
        public void Latency_names_the_engine_profile_it_used_and_factors_make_it_custom()
        {
            var generic = Single("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", "--output-length", "64");
            Assert.Equal("generic", generic.GetProperty("Efficiency").GetString());

            var trt = Single("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", "--output-length", "64", "--engine", "TensorRT-LLM");
            Assert.Equal("tensorrt-llm", trt.GetProperty("Efficiency").GetString());

            // Batch-1 decode is memory-bound: a lower memory efficiency slows every token.
            var slow = Single("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", "--output-length", "64", "--engine", "tensorrt-llm", "--memory-efficiency", "0.3");
            Assert.Equal("tensorrt-llm+custom", slow.GetProperty("Efficiency").GetString());
            Assert.True(slow.GetProperty("TimePerOutputTokenSeconds").GetDouble() > trt.GetProperty("TimePerOutputTokenSeconds").GetDouble());

            var roofline = Single("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", "--output-length", "64", "--engine", "tensorrt-llm", "--roofline");
            Assert.Equal("roofline", roofline.GetProperty("Efficiency").GetString());
        }

        [Fact]
        public void Max_batch_with_engine_vllm_prints_the_pool_vLLM_printed()
        {
            // vLLM 0.19, Llama-3.1-8B bf16, H100 80GB, gpu_memory_utilization 0.95, max_model_len 8192: "GPU KV cache size:
            // 476,016 tokens", "Maximum concurrency for 8,192 tokens per request: 58.11x" (tests/data/kv-capacity-calibration.csv, R01).
            var budget = Single("max-batch", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--context-length", "8192", "--engine", "vllm", "--memory-utilization", "0.95", "--max-model-length", "8192");
            Assert.InRange(budget.GetProperty("KvCacheTokens").GetInt64(), 476_016 * 0.97, 476_016 * 1.03);
            Assert.InRange(budget.GetProperty("MaxConcurrency").GetDouble(), 58.11 * 0.97, 58.11 * 1.03);
            Assert.Equal(0.95, budget.GetProperty("MemoryUtilization").GetDouble());
            Assert.Equal(16, budget.GetProperty("BlockSize").GetInt32());
        }

        [Fact]
        public void Memory_with_engine_settings_reaches_the_budget()
        {
            var budget = Single("memory", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--input-length", "4096", "--engine", "vllm", "--block-size", "32", "--enforce-eager", "--max-sequences", "256");
            Assert.Equal(32, budget.GetProperty("BlockSize").GetInt32());
            Assert.Equal(0, budget.GetProperty("CudaGraphBytes").GetDouble());
            Assert.Equal(256, budget.GetProperty("MaxSequences").GetInt32());
            Assert.Equal(0.9, budget.GetProperty("MemoryUtilization").GetDouble());
            Assert.Equal(4096, budget.GetProperty("ContextLength").GetInt32());
        }

        [Fact]
        public void Max_context_with_engine_vllm_gives_the_longest_context_the_pool_holds()
        {
            // Same log (R01): 476,016 tokens in 29,751 blocks of 16. One sequence is capped by --max-model-length 8192; eight
            // share ⌊29,751 / 8⌋ = 3,718 blocks each, 59,488 tokens, limited by memory (the 131,072 positions are further).
            var capped = Single("max-context", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--engine", "vllm", "--memory-utilization", "0.95", "--max-model-length", "8192");
            Assert.Equal(8192, capped.GetProperty("MaxContextLength").GetInt32());
            Assert.Equal("MaxModelLength", capped.GetProperty("LimitedBy").GetString());
            Assert.Equal(8192, capped.GetProperty("MaxModelLength").GetInt32());
            Assert.Equal("vllm", capped.GetProperty("Engine").GetString());

            var eight = Single("max-context", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--engine", "vllm", "--memory-utilization", "0.95", "--batch-size", "8");
            Assert.InRange(eight.GetProperty("MaxContextLength").GetInt32(), 59_488 * 0.97, 59_488 * 1.03);
            Assert.Equal("Memory", eight.GetProperty("LimitedBy").GetString());
            Assert.Equal(JsonValueKind.Null, eight.GetProperty("MaxModelLength").ValueKind);

            // Without --engine, the generic result as before.
            var generic = Single("max-context", "--model", "llama-3.1-8b", "--hardware", "h100-sxm");
            Assert.True(generic.TryGetProperty("UsableBytes", out _));
            Assert.False(generic.TryGetProperty("Engine", out _));
        }

        [Theory]
        [InlineData("max-context", "--engine", "tgi", "Engine 'tgi' is not a known profile")]
        [InlineData("max-context", "--engine", "llama.cpp", "has no start-up memory budget")]
        [InlineData("max-context", "--batch-size", "0", "BatchSize must be between 1 and")]
        [InlineData("max-context", "--max-model-length", "200000", "exceeds llama-2-7b's position limit")]
        public void Bad_max_context_engine_input_is_exit_code_1_with_the_reason(string command, string option, string value, string message)
        {
            var args = new[] { command, "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", option, value };
            if (option != "--engine")
            {
                args = args.Concat(new[] { "--engine", "vllm" }).ToArray();
            }

            var run = CliRun.With(CatalogSource.Open, args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(message, run.Error);
        }

        [Theory]
        [InlineData("latency", "--engine", "tgi", "Engine 'tgi' is not a known profile")]
        [InlineData("latency", "--compute-efficiency", "1.5", "ComputeEfficiency must be at least 1E-06 and at most 1")]
        [InlineData("memory", "--engine", "llama.cpp", "has no start-up memory budget")]
        public void Bad_engine_input_is_exit_code_1_with_the_reason(string command, string option, string value, string message)
        {
            var args = command == "latency"
                ? new[] { "latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", "--output-length", "64", option, value }
                : new[] { "memory", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "512", option, value };
            var run = CliRun.With(CatalogSource.Open, args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(message, run.Error);
        }
    }
}
