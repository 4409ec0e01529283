using System;
using System.Linq;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.Core.Tests.EngineMemory
{
    /// <summary>
    /// The longest context an engine's start-up KV pool holds for a batch (EngineMemoryBudgets.MaxContextLength): checked
    /// against vLLM 0.19's printed pools (tests/data/kv-capacity-calibration.csv) and against the budget it is built on.
    /// </summary>
    public sealed class EngineMaxContextTests
    {
        private static Deployment Deploy(string model, string gpu = "h100-sxm", int tensorParallel = 1) =>
            new Deployment(CatalogSet.BuiltIn.GetModel(model), CatalogSet.BuiltIn.GetHardware(gpu), tensorParallel: tensorParallel);

        /// <summary>The row's deployment and vLLM settings, max_model_len left to the model's position limit.</summary>
        private static (Deployment Deployment, EngineMemorySettings Settings, KvCapacityRow Row) Log(string id)
        {
            var row = KvCapacityRow.Load().Single(r => r.Id == id);
            return (KvCapacitySetup.Deployment(row), new EngineMemorySettings(row.MemoryUtilization, maxSequences: row.MaxSequences), row);
        }

        [Fact]
        public void A_tight_pool_by_hand_from_vLLMs_log_of_Qwen2_5_72B_on_two_H100s()
        {
            // R14, Qwen2.5-72B bf16, TP 2, gpu_memory_utilization 0.95: "GPU KV cache size: 19,920 tokens", 1,245 blocks of 16.
            // One sequence may use every block, so at batch 1 the longest context is min(1,245 × 16 = 19,920, 131,072
            // positions in Qwen2.5-72B's config.json) = 19,920 tokens, limited by memory. Two sequences get ⌊1,245 / 2⌋ = 622
            // blocks each: 9,952 tokens. The pool does not depend on max_model_len here: vLLM profiles
            // min(max_num_batched_tokens 8192, max_num_seqs 1024 × L) tokens, 8192 for every L ≥ 8.
            Assert.Equal(19_920, 1_245 * 16);
            var (deployment, settings, row) = Log("R14");
            Assert.Equal(19_920, row.Tokens);

            var one = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, 1);
            var two = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, 2);
            Assert.Equal(LimitReason.Memory, one.LimitedBy);
            Assert.Equal(LimitReason.Memory, two.LimitedBy);

            // Within the calibration's bound for every log (KvCapacityAccuracyTests: no log beyond 10%; R14 is the worst, +5.3%).
            Assert.InRange(one.MaxContextLength, 19_920 * 0.90, 19_920 * 1.10);
            Assert.InRange(two.MaxContextLength, 9_952 * 0.90, 9_952 * 1.10);

            // Cross-check with the engine budget the code computes: the same blocks, all of them for one sequence.
            var budget = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, settings, 8192);
            Assert.Equal(budget.KvCacheBlocks, one.KvCacheBlocks);
            Assert.Equal(budget.KvCacheTokens, one.MaxContextLength);
            Assert.Equal(budget.KvCacheBlocks / 2 * 16, two.MaxContextLength);
            Assert.Equal("vllm", one.Engine);
            Assert.Null(one.MaxModelLength);
            Assert.Equal(0.95, one.MemoryUtilization);
        }

        [Fact]
        public void A_roomy_pool_is_capped_by_the_position_limit_or_by_MaxModelLength()
        {
            // R01, Llama-3.1-8B bf16 on one H100: 476,016 tokens printed, more than the model's 131,072 positions, so one
            // sequence gets min(476,016, 131,072) = 131,072 and the position limit binds; with the log's max_model_len 8192
            // given, 8192 binds.
            var (deployment, settings, _) = Log("R01");
            var open = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, 1);
            Assert.Equal(131_072, open.MaxContextLength);
            Assert.Equal(LimitReason.ModelMaxPositions, open.LimitedBy);
            Assert.Equal(131_072 / 16, open.KvCacheBlocksNeeded);

            var capped = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(8192), 1);
            Assert.Equal(8192, capped.MaxContextLength);
            Assert.Equal(LimitReason.MaxModelLength, capped.LimitedBy);
            Assert.Equal(8192, capped.MaxModelLength);
        }

        [Theory]
        [InlineData("llama-3.1-8b", 1, 1024)]
        [InlineData("qwen2.5-72b", 2, 1024)]
        [InlineData("qwen2.5-72b", 2, 1)]
        [InlineData("gemma-2-9b", 1, 1024)]
        [InlineData("gpt-oss-20b", 1, 1024)]
        [InlineData("deepseek-v2-lite", 1, 1024)]
        public void More_sequences_never_get_a_longer_context(string model, int tensorParallel, int maxSequences)
        {
            var deployment = Deploy(model, tensorParallel: tensorParallel);
            var settings = new EngineMemorySettings(maxSequences: maxSequences);
            int previous = int.MaxValue;
            foreach (int batch in new[] { 1, 2, 3, 8, 64, 256, 1024, 4096 })
            {
                int context = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, batch).MaxContextLength;
                Assert.True(context <= previous, $"{model}: batch {batch} gives {context} tokens, more than {previous} at a smaller batch.");
                previous = context;
            }
        }

        [Theory]
        [InlineData(8)]
        [InlineData(100)]
        [InlineData(250)]
        public void The_answer_fits_its_own_pool_and_one_more_token_does_not(int batch)
        {
            // Qwen2.5-72B on two H100s with max_num_seqs 1: vLLM profiles min(8192, 1 × L) tokens, so the pool depends on L
            // and the answer must hold in the pool sized with max_model_len = L. A dense model takes ⌈L / 16⌉ blocks per
            // sequence.
            var deployment = Deploy("qwen2.5-72b", tensorParallel: 2);
            var settings = new EngineMemorySettings(maxSequences: 1);
            var result = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, batch);
            int l = result.MaxContextLength;
            Assert.Equal(LimitReason.Memory, result.LimitedBy);

            var atL = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(l), l);
            var atNext = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(l + 1), l + 1);
            Assert.True(batch * (long)Math.Ceiling(l / 16.0) <= atL.KvCacheBlocks);
            Assert.True(batch * (long)Math.Ceiling((l + 1) / 16.0) > atNext.KvCacheBlocks);
            Assert.Equal(atL.KvCacheBlocks, result.KvCacheBlocks);
            Assert.Equal(batch * (long)Math.Ceiling(l / 16.0), result.KvCacheBlocksNeeded);
        }

        [Fact]
        public void A_short_max_model_len_gives_a_larger_pool_which_the_answer_uses()
        {
            // 250 sequences on Qwen2.5-72B: a few blocks each, so with max_num_seqs 1 the profiling run is L tokens, not 8192,
            // and the pool at the answer is larger than the pool sized for the position limit.
            var deployment = Deploy("qwen2.5-72b", tensorParallel: 2);
            var settings = new EngineMemorySettings(maxSequences: 1);
            var result = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, 250);
            Assert.InRange(result.MaxContextLength, 1, 8191);
            var atPositions = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, settings, 8192);
            Assert.True(result.KvCacheBlocks > atPositions.KvCacheBlocks, $"{result.KvCacheBlocks} blocks at the answer, {atPositions.KvCacheBlocks} at the position limit.");
        }

        [Theory]
        [InlineData("qwen2.5-72b", 2, 1)]
        [InlineData("gemma-2-9b", 1, 1024)]
        [InlineData("gpt-oss-20b", 1, 8)]
        public void The_bisection_assumptions_hold_the_pool_shrinks_and_the_fit_is_monotone_in_max_model_len(string model, int tensorParallel, int maxSequences)
        {
            // Bisection needs fits(L) true up to the answer and false after it: the pool never grows with max_model_len and a
            // longer sequence never takes fewer blocks. Probe L on a doubling grid and around the answer.
            var deployment = Deploy(model, tensorParallel: tensorParallel);
            var settings = new EngineMemorySettings(maxSequences: maxSequences);
            int positions = deployment.Model.MaxPositionEmbeddings;
            const int batch = 16;
            int answer = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings, batch).MaxContextLength;
            var grid = Enumerable.Range(0, 20).Select(i => 1 << i).Concat(new[] { answer - 1, answer, answer + 1, positions })
                .Where(l => l >= 1 && l <= positions).Distinct().OrderBy(l => l).ToArray();
            long previousBlocks = long.MaxValue;
            bool stillFits = true;
            foreach (int l in grid)
            {
                var pool = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(l), l);
                Assert.True(pool.KvCacheBlocks <= previousBlocks, $"{model}: the pool grows from {previousBlocks} to {pool.KvCacheBlocks} blocks at L = {l}.");
                previousBlocks = pool.KvCacheBlocks;
                bool fits = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(l), batch).MaxContextLength == l;
                Assert.False(fits && !stillFits, $"{model}: L = {l} fits after a shorter length did not.");
                stillFits = fits;
                Assert.Equal(l <= answer, fits);
            }
        }

        [Fact]
        public void A_hybrid_sliding_window_model_counts_its_window_layers_as_vLLM_does()
        {
            // R21, vLLM's start-up log of Gemma-2-9B-it on one H100 (max_model_len 8192, chunked prefill 8192): 21,110 blocks
            // and "Maximum concurrency for 8,192 tokens per request: 20.60x". Its 21 sliding-window layers (window 4096) and
            // 21 full layers form two KV-cache groups sharing the pool. A request of 8192 tokens takes ⌈8192 / 16⌉ = 512
            // blocks in the full group and ⌈min(4096 − 1 + 8192, 8192) / 16⌉ + 1 = 513 in the window group: 1,025 blocks,
            // and 21,110 / 1,025 = 20.595, printed 20.60 (without the + 1, 21,110 / 1,024 = 20.62; with the window alone,
            // 512 + 257 = 769 blocks and 27.45).
            Assert.Equal("20.60", (21_110 / 1_025.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            var (deployment, settings, row) = Log("R21");
            Assert.Equal(21_110, row.Blocks);
            var pool = EngineMemoryBudgets.StagePools(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(8192), 8192)[0];
            Assert.Equal(1_025, EngineMemoryBudgets.BlocksPerSequence(pool, 8192));

            // So 20 sequences of 8192 tokens fit and 21 do not, with our pool as with vLLM's (ours is within 0.2% of 21,110):
            // at batch 21 each gets at most ⌊blocks / 21⌋ blocks, 2 × ⌈L / 16⌉ + 1 of them, so L is about 8,000.
            Assert.InRange(pool.KvCacheBlocks, 21_110 * 0.99, 21_110 * 1.01);
            var capped = new EngineMemorySettings(row.MemoryUtilization, maxSequences: row.MaxSequences, maxModelLength: 8192);
            var twenty = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, capped, 20);
            Assert.Equal(8192, twenty.MaxContextLength);
            Assert.Equal(LimitReason.MaxModelLength, twenty.LimitedBy);
            var twentyOne = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, capped, 21);
            Assert.Equal(LimitReason.Memory, twentyOne.LimitedBy);
            long perSequence = twentyOne.KvCacheBlocks / 21;
            Assert.Equal((perSequence - 1) / 2 * 16, twentyOne.MaxContextLength);
            Assert.Equal(21 * ((2 * ((twentyOne.MaxContextLength + 15) / 16)) + 1), twentyOne.KvCacheBlocksNeeded);
        }

        [Fact]
        public void The_window_rule_also_gives_vLLMs_concurrency_for_gpt_oss_20b()
        {
            // R22, gpt-oss-20b on two H100s: 323,972 blocks, "Maximum concurrency for 8,192 tokens per request: 316.07x".
            // 12 full and 12 sliding layers (window 128): 512 + (⌈min(128 − 1 + 8192, 8192) / 16⌉ + 1 = 513) = 1,025 blocks,
            // and 323,972 / 1,025 = 316.07.
            Assert.Equal("316.07", (323_972 / 1_025.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            var (deployment, settings, row) = Log("R22");
            Assert.Equal(323_972, row.Blocks);
            var pool = EngineMemoryBudgets.StagePools(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(8192), 8192)[0];
            Assert.Equal(1_025, EngineMemoryBudgets.BlocksPerSequence(pool, 8192));
        }

        [Fact]
        public void A_window_group_stops_growing_past_the_window_plus_one_chunk()
        {
            // Gemma-2-9B with a chunk budget of 512 tokens: the window group counts at most 4096 − 1 + 512 = 4607 tokens,
            // ⌈4607 / 16⌉ + 1 = 289 blocks, however long the sequence; the full group grows as ⌈L / 16⌉.
            var deployment = Deploy("gemma-2-9b");
            var settings = new EngineMemorySettings(maxBatchedTokens: 512);
            var pool = EngineMemoryBudgets.StagePools(deployment, EngineProfiles.Vllm, settings.WithMaxModelLength(8192), 8192)[0];
            Assert.Equal(512 + 289, EngineMemoryBudgets.BlocksPerSequence(pool, 8192));
            Assert.Equal(256 + 257, EngineMemoryBudgets.BlocksPerSequence(pool, 4096));
            Assert.Equal(1 + 2, EngineMemoryBudgets.BlocksPerSequence(pool, 1));
        }

        [Fact]
        public void Weights_that_do_not_fit_give_zero_with_that_reason()
        {
            // Llama-3.1-70B in bf16 is 141 GB of weights; an L4 has 24 GB.
            var result = EngineMemoryBudgets.MaxContextLength(Deploy("llama-3.1-70b", "l4"), EngineProfiles.Vllm, EngineMemorySettings.Defaults, 1);
            Assert.Equal(0, result.MaxContextLength);
            Assert.Equal(LimitReason.WeightsDoNotFit, result.LimitedBy);
            Assert.Equal(0, result.KvCacheBlocksNeeded);
            Assert.Contains("no context fits", result.Message);
        }

        [Fact]
        public void Bad_input_gives_the_documented_errors()
        {
            var deployment = Deploy("llama-3.1-8b");
            Assert.Equal("BatchSizeOutOfRange", Assert.Throws<InvalidInputException>(() => EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, EngineMemorySettings.Defaults, 0)).ErrorId);
            Assert.Equal("EngineHasNoMemoryBudget", Assert.Throws<InvalidInputException>(() => EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.LlamaCpp, EngineMemorySettings.Defaults, 1)).ErrorId);
            Assert.Equal("MaxModelLengthBeyondPositionLimit", Assert.Throws<InvalidInputException>(() => EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Vllm, new EngineMemorySettings(maxModelLength: 131_073), 1)).ErrorId);
            Assert.Equal("HardwareMissing", Assert.Throws<InvalidInputException>(() => EngineMemoryBudgets.MaxContextLength(new Deployment(deployment.Model), EngineProfiles.Vllm, EngineMemorySettings.Defaults, 1)).ErrorId);
            Assert.Equal("EngineNotFound", Assert.Throws<NotFoundException>(() => EngineProfiles.Get("tgi")).ErrorId);
        }

        [Fact]
        public void Every_engine_with_a_budget_answers()
        {
            // SGLang pages hold one token, TensorRT-LLM blocks 32: with 8 sequences each context is a whole number of pages.
            var deployment = Deploy("llama-3.1-8b");
            var sglang = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.Sglang, EngineMemorySettings.Defaults, 8);
            var trt = EngineMemoryBudgets.MaxContextLength(deployment, EngineProfiles.TensorRtLlm, EngineMemorySettings.Defaults, 8);
            Assert.Equal(sglang.KvCacheBlocks / 8, sglang.MaxContextLength);
            Assert.Equal(trt.KvCacheBlocks / 8 * 32, trt.MaxContextLength);
        }
    }
}
