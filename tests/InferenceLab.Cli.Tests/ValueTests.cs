using System.Linq;
using System.Text.Json;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// The numbers the commands print, checked against arithmetic written out here from published figures (DESIGN §8),
    /// not against Core: the command line must pass them through in base units, unchanged.
    /// </summary>
    public sealed class ValueTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        private static JsonElement Single(params string[] args)
        {
            var run = CliRun.With(args.Concat(new[] { "--format", "json" }).ToArray());
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            return Assert.Single(run.Json());
        }

        [Fact]
        public void Memory_prints_llama_2_7b_fp16_weights_and_kv_cache_in_bytes()
        {
            var m = Single("memory", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "2", "--input-length", "1000", "--output-length", "24");

            // 6,738,415,616 parameters × 2 B (DESIGN §8).
            Assert.Equal(13_476_831_232, m.GetProperty("WeightBytes").GetDouble());
            // 2 (K and V) × 32 layers × 32 KV heads × 128 dims × 2 B.
            Assert.Equal(524_288, m.GetProperty("KvCacheBytesPerToken").GetDouble());
            // 2 sequences × (1000 + 24) tokens × 524,288 B.
            Assert.Equal(2 * 1024 * 524_288.0, m.GetProperty("KvCacheBytes").GetDouble());
            Assert.Equal(80 * GiB, m.GetProperty("MemoryBytes").GetDouble());
            Assert.Equal(0.9 * 80 * GiB, m.GetProperty("UsableBytes").GetDouble());
            Assert.True(m.GetProperty("Fits").GetBoolean());
            Assert.Equal("Weights", m.GetProperty("Dominant").GetString());
        }

        [Fact]
        public void Memory_without_a_gpu_leaves_the_fit_fields_null()
        {
            var m = Single("memory", "--model", "llama-2-7b", "--input-length", "4096");
            Assert.Equal("", m.GetProperty("HardwareName").GetString());
            // Without --output-length the sequences hold the prompt alone: 4096 × 524,288 B.
            Assert.Equal(0, m.GetProperty("OutputLength").GetInt32());
            Assert.Equal(4096 * 524_288.0, m.GetProperty("KvCacheBytes").GetDouble());
            foreach (var name in new[] { "MemoryBytes", "UsableBytes", "Fits", "HeadroomBytes", "ShortfallBytes" })
            {
                Assert.Equal(JsonValueKind.Null, m.GetProperty(name).ValueKind);
            }
        }

        [Fact]
        public void Efficiency_gives_one_report_per_measurement_in_the_order_ttft_tpot_throughput()
        {
            var run = CliRun.With("efficiency", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "1,2", "--input-length", "100", "--output-length", "11",
                "--output-tokens-per-second", "50", "--time-to-first-token-seconds", "0.05", "--tpot-seconds", "0.03", "--format", "json");
            Assert.Equal(0, run.ExitCode);
            var rows = run.Json().Select(r => r.GetProperty("BatchSize").GetInt32() + "/" + r.GetProperty("Metric").GetString()).ToArray();
            Assert.Equal(
                new[] { "1/TimeToFirstToken", "1/TimePerOutputToken", "1/OutputThroughput", "2/TimeToFirstToken", "2/TimePerOutputToken", "2/OutputThroughput" },
                rows);
            // A throughput of 50 output tokens/s at batch 1 and 11 output tokens spans 11 ÷ 50 = 0.22 s; a TPOT of 30 ms over 10 decode steps 0.3 s.
            Assert.Equal(0.22, run.Json()[2].GetProperty("MeasuredSeconds").GetDouble(), 12);
            Assert.Equal(0.3, run.Json()[1].GetProperty("MeasuredSeconds").GetDouble(), 12);
        }

        [Fact]
        public void Int4_weights_with_group_128_add_an_fp16_scale_per_group_and_keep_embeddings_in_fp16()
        {
            var m = Single("memory", "--model", "llama-2-7b", "--weight-type", "int4", "--weight-group-size", "128", "--input-length", "16");

            // Linear weights per layer: Q, K, V, O 4 × 4096² + gated MLP 3 × 4096 × 11008 = 202,375,168; × 32 layers.
            double linear = 32 * ((4 * 4096.0 * 4096) + (3 * 4096.0 * 11008));
            // Embedding and LM head 2 × 32000 × 4096, norms 2 × 4096 per layer + the final 4096, in the activation type (fp16).
            double other = (2 * 32000.0 * 4096) + (65 * 4096.0);
            Assert.Equal(6_738_415_616, linear + other);
            Assert.Equal((linear * (0.5 + (2.0 / 128))) + (other * 2), m.GetProperty("WeightBytes").GetDouble());
            Assert.Equal("Int4", m.GetProperty("WeightType").GetString());
            Assert.Equal(128, m.GetProperty("WeightGroupSize").GetInt32());
        }

        [Theory]
        [InlineData("a100-sxm-80gb", 312e12 / 2039e9)]
        [InlineData("a10", 125e12 / 600e9)]
        public void Roofline_prints_the_machine_balance_of_the_datasheet(string gpu, double balance)
        {
            // DESIGN §4: A100 312 TFLOP/s ÷ 2039 GB/s = 153.0 FLOP/B; A10 125 TFLOP/s ÷ 600 GB/s = 208.3 FLOP/B.
            var point = Single("roofline", "--model", "llama-2-7b", "--hardware", gpu, "--phase", "decode", "--input-length", "64");
            Assert.Equal(balance, point.GetProperty("MachineBalanceFlopsPerByte").GetDouble(), 9);
            Assert.Equal("Memory", point.GetProperty("Bound").GetString());
            Assert.Equal("Step", point.GetProperty("Operator").GetString());
        }

        [Fact]
        public void Per_operator_cost_counts_the_lm_head_on_the_last_prefill_position_only()
        {
            var run = CliRun.With("cost", "--model", "llama-2-7b", "--batch-size", "3", "--input-length", "128", "--per-operator", "--format", "json");
            Assert.Equal(0, run.ExitCode);
            var rows = run.Json();
            JsonElement Row(string phase, string op) => rows.Single(r => r.GetProperty("Phase").GetString() == phase && r.GetProperty("Operator").GetString() == op);

            // DESIGN §4: LM head 2·B·S_logits·H·V with S_logits = 1 in prefill and in decode.
            Assert.Equal(2 * 3 * 1 * 4096.0 * 32000, Row("Prefill", "LmHead").GetProperty("Flops").GetDouble());
            Assert.Equal(2 * 3 * 1 * 4096.0 * 32000, Row("Decode", "LmHead").GetProperty("Flops").GetDouble());
            // Gated MLP 3·2·B·S·H·I per layer, 32 layers: S = 128 in prefill, 1 in decode.
            Assert.Equal(32 * 3 * 2 * 3 * 128 * 4096.0 * 11008, Row("Prefill", "Mlp").GetProperty("Flops").GetDouble());
            Assert.Equal(32 * 3 * 2 * 3 * 1 * 4096.0 * 11008, Row("Decode", "Mlp").GetProperty("Flops").GetDouble());
            Assert.Equal(128, Row("Decode", "Mlp").GetProperty("ContextLength").GetInt32());
        }

        [Fact]
        public void Roofline_latency_of_batch_1_decode_is_the_weights_read_at_full_bandwidth()
        {
            var l = Single("latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "128", "--output-length", "2", "--roofline");

            // A decode step reads every weight once except the embedding table, of which batch 1 reads one row:
            // 13,476,831,232 B − 32000 × 4096 × 2 B + 4096 × 2 B = 13,214,695,424 B ÷ 2,039 GB/s = 6.48 ms; KV of 128 tokens adds 0.5%.
            double weightsOnly = (13_476_831_232 - (32000 * 4096 * 2.0) + (4096 * 2)) / 2039e9;
            double tpot = l.GetProperty("TimePerOutputTokenSeconds").GetDouble();
            Assert.InRange(tpot, weightsOnly, weightsOnly * 1.02);
            Assert.Equal("roofline", l.GetProperty("Efficiency").GetString());
            Assert.Equal(2 / l.GetProperty("EndToEndSeconds").GetDouble(), l.GetProperty("OutputTokensPerSecond").GetDouble(), 9);
        }

        [Fact]
        public void A_measured_tpot_twice_the_roofline_is_half_of_the_roofline()
        {
            string[] scenario = { "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "128", "--output-length", "2" };
            double roofline = Single(new[] { "latency", "--roofline" }.Concat(scenario).ToArray()).GetProperty("TimePerOutputTokenSeconds").GetDouble();
            string measured = (2 * roofline).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

            var e = Single(new[] { "efficiency", "--tpot-seconds", measured }.Concat(scenario).ToArray());
            Assert.Equal("TimePerOutputToken", e.GetProperty("Metric").GetString());
            Assert.Equal(0.5, e.GetProperty("RooflineFraction").GetDouble(), 12);
            // Memory-bound at batch 1: half the roofline's speed moves bytes at half the bandwidth.
            Assert.Equal(0.5, e.GetProperty("ModelBandwidthUtilization").GetDouble(), 2);
        }

        [Fact]
        public void Max_context_of_llama_2_7b_on_an_a100_is_its_position_limit()
        {
            var m = Single("max-context", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb");
            // config.json max_position_embeddings 4096; 4096 × 524,288 B of KV and 12.6 GiB of weights fit 72 GiB easily.
            Assert.Equal(4096, m.GetProperty("MaxContextLength").GetInt32());
            Assert.Equal("ModelMaxPositions", m.GetProperty("LimitedBy").GetString());
        }

        [Fact]
        public void Max_context_on_an_a10_at_batch_8_is_limited_by_the_kv_cache_left_after_the_weights()
        {
            // Chunked prefill of 512 tokens per step keeps the activation peak to tens of MB.
            var m = Single("max-context", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "8", "--memory-utilization", "1", "--runtime-reserve-bytes", "0", "--max-batched-tokens", "512");
            // (24 GiB − 13,476,831,232 B) ÷ (8 × 524,288 B) = 2930.8 tokens, less what the activations take.
            Assert.InRange(m.GetProperty("MaxContextLength").GetInt32(), 2900, 2930);
            Assert.Equal("Memory", m.GetProperty("LimitedBy").GetString());

            // Without chunking, prefilling 8 × ~2500 tokens at once needs GiBs of activations, so the limit falls.
            var unchunked = Single("max-context", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "8", "--memory-utilization", "1", "--runtime-reserve-bytes", "0");
            Assert.InRange(unchunked.GetProperty("MaxContextLength").GetInt32(), 1, 2899);
        }

        [Fact]
        public void Max_batch_on_an_a10_is_the_kv_capacity_over_the_context()
        {
            // Prompts of one token keep the activation peak to a few MB; usable fraction 1, no reserve: the seed's arithmetic.
            var m = Single("max-batch", "--model", "llama-2-7b", "--hardware", "a10", "--context-length", "2048", "--input-length", "1", "--memory-utilization", "1", "--runtime-reserve-bytes", "0");
            // (25,769,803,776 − 13,476,831,232) B ÷ 524,288 B = 23,446.9 KV tokens; ÷ 2048 = 11.4 sequences.
            Assert.InRange(m.GetProperty("KvCacheCapacityTokens").GetInt64(), 23_400, 23_446);
            Assert.Equal(11, m.GetProperty("MaxBatchSize").GetInt32());
            Assert.Equal(2048 * 524_288.0, m.GetProperty("KvCacheBytesPerSequence").GetDouble());
        }

        [Fact]
        public void Table_output_shows_human_units()
        {
            var run = CliRun.With("memory", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "2", "--input-length", "1000", "--output-length", "24");
            var row = run.Output.Split('\n')[2];
            // 13,476,831,232 B = 12.55 GiB of weights; 1 GiB of KV; 72 GiB usable of 80.
            Assert.Matches(@"^llama-2-7b\s+a100-sxm-80gb\s+2\s+1,024\s+1\s+fp16\s+fp16\s+12\.55\s+1\.00\s+\d+\.\d\d\s+1\.00\s+\d+\.\d\d\s+72\.00\s+yes", row);
        }
    }
}
