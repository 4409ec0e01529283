using System;
using System.Linq;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Tests.EngineMemory;
using Xunit;

namespace InferenceLab.Core.Tests.Simulation
{
    /// <summary>
    /// The simulated server's KV cache when the request names an engine: that engine's start-up pool (EngineMemoryBudgets)
    /// under the scheduler's settings, in whole simulator blocks; the generic sizing otherwise.
    /// </summary>
    public sealed class SimulatorEngineKvTests
    {
        private static readonly Deployment Llama8BOnH100 = new Deployment(CatalogSet.BuiltIn.GetModel("llama-3.1-8b"), CatalogSet.BuiltIn.GetHardware("h100-sxm"));

        private static readonly Workload Small = Workload.Poisson(2, 20, LengthDistribution.Fixed(512), LengthDistribution.Fixed(32), seed: 3);

        private static SimulationSummary Summary(Deployment deployment, SchedulerSettings scheduler, EngineProfile? engine) =>
            Simulator.Run(new SimulationRequest(deployment, Small, scheduler, engine: engine)).Summary;

        [Fact]
        public void With_vllm_the_cache_is_the_engines_start_up_pool_in_whole_blocks()
        {
            // Independent source: EngineMemoryBudgets with the same settings spelled out as vLLM's (max_num_batched_tokens 8192,
            // max_num_seqs 256, block_size 16, gpu_memory_utilization 0.90); simulator blocks = ⌊printed tokens ÷ 16⌋.
            var scheduler = new SchedulerSettings();
            var budget = EngineMemoryBudgets.Compute(Llama8BOnH100, EngineProfiles.Vllm, new EngineMemorySettings(0.90, 8192, 256, blockSize: 16), 1);
            var summary = Summary(Llama8BOnH100, scheduler, EngineProfiles.Vllm);

            Assert.Equal(budget.KvCacheTokens / 16 * 16, summary.KvCacheCapacityTokens);

            // Capacity bytes: tokens × 32 layers × 2 × 8 KV heads × 128 × 2 B = 131,072 B per token (bf16 Llama-3.1-8B).
            Assert.Equal(summary.KvCacheCapacityTokens * 131_072.0, summary.KvCacheCapacityBytes, 1);
        }

        [Fact]
        public void Llama_8B_on_an_H100_at_vLLMs_R01_settings_matches_its_start_up_log()
        {
            // tests/data/kv-capacity-calibration.csv, R01: vLLM 0.19 prints 476,016 KV tokens for Llama-3.1-8B bf16 on one H100
            // at gpu_memory_utilization 0.95, max_num_seqs 1024, 8192 batched tokens, block 16, max_model_len 8192.
            // KvCapacityAccuracyTests bounds every row within 10% and the median within 3%; docs/memory.md shows R01 at +0.1%.
            var row = KvCapacityRow.Load().Single(r => r.Id == "R01");
            Assert.Equal(476_016, row.Tokens);
            var deployment = new Deployment(Llama8BOnH100.Model, Llama8BOnH100.Hardware, memoryUtilization: row.MemoryUtilization);
            var summary = Summary(deployment, new SchedulerSettings(maxNumSeqs: row.MaxSequences, maxBatchedTokens: 8192, blockSize: 16), EngineProfiles.Vllm);

            double error = Math.Abs(((double)summary.KvCacheCapacityTokens / row.Tokens) - 1);
            Assert.True(error <= 0.03, $"simulated capacity {summary.KvCacheCapacityTokens} vs vLLM's 476,016: {error:P2}");

            // The simulator has no max_model_len and uses the model's 131,072 positions; vLLM's rule only caps its profiling
            // run at max_num_seqs × max_model_len = 1024 × 8192 tokens, far above 8192, so R01's 8192 gives the same pool.
            var atLogSettings = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, new EngineMemorySettings(0.95, 8192, 1024, 8192, 16), 8192);
            Assert.Equal(atLogSettings.KvCacheTokens / 16 * 16, summary.KvCacheCapacityTokens);

            // docs/memory.md quotes this figure and the generic one at the same settings.
            long generic = Summary(deployment, new SchedulerSettings(maxNumSeqs: 1024), null).KvCacheCapacityTokens;
            string docs = System.IO.File.ReadAllText(RepositoryFiles.Path("docs", "memory.md"));
            string quoted = string.Format(System.Globalization.CultureInfo.InvariantCulture, "gets {0:N0} tokens against the log's 476,016, where the generic sizing gives {1:N0}", summary.KvCacheCapacityTokens, generic);
            Assert.True(docs.Replace("\r\n", " ").Replace("\n", " ").Contains(quoted), "docs/memory.md should say: " + quoted);
        }

        [Fact]
        public void A_hybrid_sliding_window_model_gets_the_pools_printed_tokens_in_blocks()
        {
            // Gemma-2-9B: two KV-cache groups share vLLM's pool, which prints blocks × 16 ÷ 2 tokens as if every layer held
            // every token; the simulator's blocks hold a token for all layers, so it gets ⌊that ÷ 16⌋ blocks.
            var deployment = new Deployment(CatalogSet.BuiltIn.GetModel("gemma-2-9b"), CatalogSet.BuiltIn.GetHardware("h100-sxm"));
            var budget = EngineMemoryBudgets.Compute(deployment, EngineProfiles.Vllm, new EngineMemorySettings(0.90, 8192, 256, blockSize: 16), 1);
            Assert.Equal(2, budget.KvCacheGroups);

            var summary = Summary(deployment, new SchedulerSettings(), EngineProfiles.Vllm);
            Assert.Equal(budget.KvCacheTokens / 16 * 16, summary.KvCacheCapacityTokens);
        }

        [Fact]
        public void The_scheduler_settings_reach_the_engine_budget()
        {
            // A 32-token block: ⌊tokens ÷ 32⌋ × 32 of the pool sized with block 32; 64 sequences shrink vLLM's sampler profile.
            var scheduler = new SchedulerSettings(maxNumSeqs: 64, maxBatchedTokens: 2048, blockSize: 32);
            var budget = EngineMemoryBudgets.Compute(Llama8BOnH100, EngineProfiles.Vllm, new EngineMemorySettings(0.90, 2048, 64, blockSize: 32), 1);
            Assert.Equal(budget.KvCacheTokens / 32 * 32, Summary(Llama8BOnH100, scheduler, EngineProfiles.Vllm).KvCacheCapacityTokens);

            // SGLang's rule with the deployment's 0.90, not its own 0.88 default.
            var sglang = EngineMemoryBudgets.Compute(Llama8BOnH100, EngineProfiles.Sglang, new EngineMemorySettings(0.90, 8192, 256, blockSize: 16), 1);
            Assert.Equal(sglang.KvCacheTokens / 16 * 16, Summary(Llama8BOnH100, new SchedulerSettings(), EngineProfiles.Sglang).KvCacheCapacityTokens);
        }

        [Fact]
        public void Without_an_engine_memory_model_the_generic_capacity_stays()
        {
            // llama.cpp and the generic profile have no start-up budget: the same capacity as no engine at all.
            var scheduler = new SchedulerSettings();
            long generic = Summary(Llama8BOnH100, scheduler, null).KvCacheCapacityTokens;
            Assert.Equal(generic, Summary(Llama8BOnH100, scheduler, EngineProfiles.LlamaCpp).KvCacheCapacityTokens);
            Assert.Equal(generic, Summary(Llama8BOnH100, scheduler, EngineProfiles.Generic).KvCacheCapacityTokens);
            Assert.NotEqual(generic, Summary(Llama8BOnH100, scheduler, EngineProfiles.Vllm).KvCacheCapacityTokens);
        }

        [Fact]
        public void No_room_in_the_engines_pool_is_the_documented_error()
        {
            // Llama-3.1-70B's 141 GB of bf16 weights exceed one H100: vLLM's pool is empty (KvCapacityAccuracyTests).
            var deployment = new Deployment(CatalogSet.BuiltIn.GetModel("llama-3.1-70b"), CatalogSet.BuiltIn.GetHardware("h100-sxm"));
            var error = Assert.Throws<InvalidInputException>(() => Summary(deployment, new SchedulerSettings(), EngineProfiles.Vllm));
            Assert.Equal("KvCacheDoesNotFit", error.ErrorId);
            Assert.Contains("vllm", error.Message);
        }
    }
}
