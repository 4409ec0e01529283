using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.PowerShell.Efficiency;
using InferenceLab.PowerShell.Memory;
using InferenceLab.PowerShell.Time;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>-Engine and its companions: the efficiency a time cmdlet plans with, and the engine budget a memory cmdlet returns.</summary>
    public sealed class EngineParameterTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        [Fact]
        public void Engine_selects_the_calibrated_profile_and_factors_override_it()
        {
            var cmd = new MeasureInferenceLatencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, Engine = "TensorRT-LLM" };
            Assert.Same(EngineProfiles.TensorRtLlm.Efficiency, cmd.Plan().Single().Request!.Efficiency);

            cmd.ComputeEfficiency = 0.5;
            var custom = cmd.Plan().Single().Request!.Efficiency;
            Assert.Equal(0.5, custom.ComputeEfficiency);
            Assert.Equal(EngineProfiles.TensorRtLlm.Efficiency.MemoryEfficiency, custom.MemoryEfficiency);
            Assert.Equal("tensorrt-llm+custom", custom.Name);

            // -Roofline is the pure bound whatever the engine.
            cmd.RooflineRequested = true;
            Assert.Same(EfficiencyProfile.Roofline, cmd.Plan().Single().Request!.Efficiency);
        }

        [Fact]
        public void An_unknown_engine_is_an_ObjectNotFound_error_for_the_item()
        {
            var cmd = new MeasureInferenceEfficiencyCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, OutputLength = new[] { 128 }, TimeToFirstTokenSeconds = 0.05, Engine = "tgi" };
            var failure = Assert.Single(cmd.Plan()).Error!;
            Assert.Equal("EngineNotFound", failure.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, failure.Kind);
        }

        [Fact]
        public void Get_InferenceMemory_with_Engine_vllm_reports_the_pool_vLLM_printed()
        {
            // vLLM 0.19, Llama-3.1-8B bf16 on an H100 80GB, gpu_memory_utilization 0.95, max_model_len 8192: "GPU KV cache
            // size: 476,016 tokens" (tests/data/kv-capacity-calibration.csv, R01).
            var cmd = new GetInferenceMemoryCommand
            {
                Model = CatalogSet.BuiltIn.GetModel("llama-3.1-8b"),
                Hardware = CatalogSet.BuiltIn.GetHardware("h100-sxm"),
                InputLength = new[] { 8192 },
                Engine = "vllm",
                MemoryUtilization = 0.95,
                MaxModelLength = 8192,
            };
            var budget = Assert.IsType<EngineMemoryBudget>(GetInferenceMemoryCommand.Compute(cmd.Plan().Single().Request!).Single());
            Assert.InRange(budget.KvCacheTokens, 476_016 * 0.97, 476_016 * 1.03);
            Assert.Equal(0.95, budget.MemoryUtilization);
            Assert.Equal(8192, budget.ContextLength);
        }

        [Fact]
        public void Get_MaxBatchSize_with_Engine_reports_concurrency_and_settings_reach_Core()
        {
            // Same log: "Maximum concurrency for 8,192 tokens per request: 58.11x".
            var cmd = new GetMaxBatchSizeCommand
            {
                Model = CatalogSet.BuiltIn.GetModel("llama-3.1-8b"),
                Hardware = CatalogSet.BuiltIn.GetHardware("h100-sxm"),
                ContextLength = new[] { 8192 },
                Engine = "vLLM",
                MemoryUtilization = 0.95,
                MaxModelLength = 8192,
                MaxSequences = 1024,
                BlockSize = 32,
                EnforceEagerRequested = true,
            };
            var request = cmd.Plan().Single().Request!;
            Assert.Equal(1024, request.EngineSettings.MaxSequences);
            Assert.True(request.EngineSettings.EnforceEager);
            var budget = Assert.IsType<EngineMemoryBudget>(GetMaxBatchSizeCommand.Compute(request).Single());
            Assert.InRange(budget.MaxConcurrency, 58.11 * 0.97, 58.11 * 1.03);
            Assert.Equal(32, budget.BlockSize);
            Assert.Equal(0, budget.CudaGraphBytes);

            // Without -Engine, the generic limit as before.
            cmd.Engine = null;
            Assert.IsType<MaxBatchResult>(GetMaxBatchSizeCommand.Compute(cmd.Plan().Single().Request!).Single());
        }

        [Fact]
        public void Get_MaxContextLength_with_Engine_builds_the_engine_request_and_answers_from_the_pool()
        {
            // vLLM 0.19, Llama-3.1-8B bf16 on an H100 80GB at gpu_memory_utilization 0.95: "GPU KV cache size: 476,016
            // tokens" in 29,751 blocks (tests/data/kv-capacity-calibration.csv, R01, max_model_len 8192; the pool is the same
            // for any max_model_len ≥ 8, as vLLM profiles min(8192, 1024 × L) tokens). Eight sequences get ⌊29,751 / 8⌋ = 3,718
            // blocks each, 59,488 tokens, fewer than the 131,072 positions, so memory limits them.
            var cmd = new GetMaxContextLengthCommand
            {
                Model = CatalogSet.BuiltIn.GetModel("llama-3.1-8b"),
                Hardware = CatalogSet.BuiltIn.GetHardware("h100-sxm"),
                BatchSize = new[] { 8 },
                Engine = "vLLM",
                MemoryUtilization = 0.95,
                MaxSequences = 1024,
                MaxBatchedTokens = 8192,
                BlockSize = 16,
                EnforceEagerRequested = true,
            };
            var request = cmd.Plan().Single().Request!;
            Assert.Same(EngineProfiles.Vllm, request.Engine);
            Assert.Equal(8, request.BatchSize);
            Assert.Equal(0.95, request.EngineSettings.MemoryUtilization);
            Assert.Equal(1024, request.EngineSettings.MaxSequences);
            Assert.Equal(8192, request.EngineSettings.MaxBatchedTokens);
            Assert.Equal(16, request.EngineSettings.BlockSize);
            Assert.Null(request.EngineSettings.MaxModelLength);
            Assert.True(request.EngineSettings.EnforceEager);
            var result = Assert.IsType<EngineMaxContextResult>(GetMaxContextLengthCommand.Compute(request).Single());
            Assert.Equal(LimitReason.Memory, result.LimitedBy);
            Assert.InRange(result.MaxContextLength, 59_488 * 0.97, 59_488 * 1.03);
            Assert.Equal("vllm", result.Engine);

            // -MaxModelLength caps it and is reported as the limit.
            cmd.MaxModelLength = 32768;
            var capped = Assert.IsType<EngineMaxContextResult>(GetMaxContextLengthCommand.Compute(cmd.Plan().Single().Request!).Single());
            Assert.Equal(32768, capped.MaxContextLength);
            Assert.Equal(LimitReason.MaxModelLength, capped.LimitedBy);

            // Without -Engine, the generic limit as before, and the engine's parameters are ignored.
            cmd.Engine = null;
            var generic = cmd.Plan().Single().Request!;
            Assert.Null(generic.Engine);
            Assert.IsType<MaxContextResult>(GetMaxContextLengthCommand.Compute(generic).Single());
        }

        [Fact]
        public void Get_MaxContextLength_with_a_bad_engine_or_batch_fails_the_point()
        {
            var unknown = new GetMaxContextLengthCommand { Model = Known.Llama2_7B, Hardware = Known.A100, Engine = "tgi" };
            var failure = Assert.Single(unknown.Plan()).Error!;
            Assert.Equal("EngineNotFound", failure.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, failure.Kind);

            var noBudget = new GetMaxContextLengthCommand { Model = Known.Llama2_7B, Hardware = Known.A100, Engine = "llama.cpp" };
            Assert.Equal("EngineHasNoMemoryBudget", Assert.Throws<InvalidInputException>(() => GetMaxContextLengthCommand.Compute(noBudget.Plan().Single().Request!)).ErrorId);

            var zero = new GetMaxContextLengthCommand { Model = Known.Llama2_7B, Hardware = Known.A100, Engine = "vllm", BatchSize = new[] { 0 } };
            Assert.Equal("BatchSizeOutOfRange", Assert.Throws<InvalidInputException>(() => GetMaxContextLengthCommand.Compute(zero.Plan().Single().Request!)).ErrorId);
        }

        [Fact]
        public void Memory_utilization_left_unset_takes_the_generic_or_the_engines_default()
        {
            var generic = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 } };
            Assert.Equal(Deployment.DefaultMemoryUtilization, generic.Plan().Single().Request!.Deployment.MemoryUtilization);

            var sglang = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = Known.A100, InputLength = new[] { 512 }, Engine = "sglang" };
            var budget = (EngineMemoryBudget)GetInferenceMemoryCommand.Compute(sglang.Plan().Single().Request!).Single();
            Assert.Equal(EngineProfiles.Sglang.Memory!.DefaultMemoryUtilization, budget.MemoryUtilization);
        }

        [Fact]
        public void Engine_names_complete_to_the_built_in_profiles()
        {
            // CompletionResult is a stub outside PowerShell (its properties read empty), so count the results and check the
            // names through the matcher the completer uses.
            Assert.Single(new EngineNameCompleter().CompleteArgument("Measure-InferenceLatency", "Engine", "v", null!, null!));
            Assert.Equal(5, new EngineNameCompleter().CompleteArgument("Measure-InferenceLatency", "Engine", "", null!, null!).Count());
            Assert.Equal(new[] { "tensorrt-llm" }, Catalog.NameCompletion.Matching(EngineProfiles.All.Select(p => p.Name), "t*"));
        }
    }
}
