using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Efficiency
{
    /// <summary>
    /// The built-in engine profiles (DESIGN §6). Fitted factors come from the procedure in
    /// tests/InferenceLab.Core.Tests/Calibration (CalibrationFitTests re-runs it and checks these values are its optimum;
    /// docs/accuracy.md shows the errors). Factors that are not fitted keep physical defaults:
    /// <see cref="AllReduceLatencySeconds"/> and <see cref="InterconnectEfficiency"/>.
    /// </summary>
    public static class EngineProfiles
    {
        /// <summary>
        /// Latency of one small all-reduce within an NVLink node: NCCL's all_reduce_perf reports 5–10 µs for small messages on
        /// 8-GPU A100 and H100 systems; TensorRT-LLM's custom all-reduce is in the same range. Not fitted: the calibration rows
        /// cannot separate it from the compute factors.
        /// </summary>
        public const double AllReduceLatencySeconds = 8e-6;

        /// <summary>Fraction of NVLink/PCIe bandwidth a ring all-reduce reaches (NCCL bus bandwidth is ~80% of the link's on DGX systems).</summary>
        public const double InterconnectEfficiency = 0.80;

        private const string FitProcedure = "Fitted by tests/InferenceLab.Core.Tests/Calibration (CalibrationFitTests): mean squared log error, Nelder–Mead.";

        /// <summary>
        /// The generic default: one set of factors fitted to every timing row of tests/data/calibration.csv (TensorRT-LLM and
        /// llama.cpp together), with flash attention and GQA-sharing decode kernels as modern engines have.
        /// </summary>
        public static EngineProfile Generic { get; } = new EngineProfile(
            "generic",
            new[] { "default" },
            new EfficiencyProfile("generic", computeEfficiency: 0.570, memoryEfficiency: 0.720, attentionMemoryEfficiency: 0.720,
                layerOverheadSeconds: 12e-6, allReduceLatencySeconds: AllReduceLatencySeconds, interconnectEfficiency: InterconnectEfficiency,
                source: FitProcedure + " All 30 timing rows."),
            30,
            "Fitted to all 30 timing rows (23 TensorRT-LLM v0.9.0, 7 llama.cpp): compute, memory and per-layer overhead.");

        /// <summary>TensorRT-LLM, fitted to the 23 rows of its v0.9.0 performance document (H100, H200, L40S, A100).</summary>
        public static EngineProfile TensorRtLlm { get; } = new EngineProfile(
            "tensorrt-llm",
            new[] { "TensorRT-LLM", "trtllm", "trt-llm", "tensorrt" },
            new EfficiencyProfile("tensorrt-llm", computeEfficiency: 0.589, memoryEfficiency: 0.726, attentionMemoryEfficiency: 0.726,
                allReduceLatencySeconds: AllReduceLatencySeconds, interconnectEfficiency: InterconnectEfficiency,
                source: FitProcedure + " 23 TensorRT-LLM v0.9.0 rows."),
            23,
            "Fitted to 23 rows of TensorRT-LLM v0.9.0's performance document: compute and memory efficiency.",
            new Memory.EngineMemoryModel(
                Memory.KvBudgetRule.TensorRtLlm, defaultMemoryUtilization: 0.90, defaultBlockSize: 32, defaultMaxBatchedTokens: 8192, defaultMaxSequences: 2048,
                samplerLogitBuffers: 1, forwardActivationScale: 1.31, nonTorchBytes: 0.25 * GiB, multiGpuCommunicationBytes: 1.86 * GiB,
                contextBytes: 0.51 * GiB, cudaGraphBytes: 0, deductsCudaGraphs: false,
                source: "TensorRT-LLM's KvCacheConfig: free_gpu_memory_fraction (0.9) of the memory free after the engine and its runtime buffers (max_num_tokens 8192) load; tokens_per_block 32. Not calibrated."));

        /// <summary>llama.cpp (CUDA), fitted to 7 llama-bench rows of pull requests #4766 and #6017 (RTX 4090, A100 PCIe).</summary>
        public static EngineProfile LlamaCpp { get; } = new EngineProfile(
            "llama.cpp",
            new[] { "llamacpp", "llama-cpp", "ggml" },
            new EfficiencyProfile("llama.cpp", computeEfficiency: 0.441, memoryEfficiency: 0.850, attentionMemoryEfficiency: 0.850,
                layerOverheadSeconds: 93e-6, allReduceLatencySeconds: AllReduceLatencySeconds, interconnectEfficiency: InterconnectEfficiency,
                flashAttention: false, source: FitProcedure + " 7 llama.cpp rows (without flash attention, as measured)."),
            7,
            "Fitted to 7 llama-bench rows (early 2024, no flash attention, no CUDA graphs): compute, memory and per-layer overhead.");

        private const double GiB = 1024.0 * 1024 * 1024;

        /// <summary>
        /// vLLM: no latency calibration rows yet, so the generic efficiency factors. Its start-up memory budget is fitted to 22
        /// vLLM 0.19 start-up logs on H100 (tests/data/kv-capacity-calibration.csv; VllmMemoryFitTests re-runs the fit):
        /// the sampler holds 3.80 fp32 vocabulary-sized buffers per sequence, the forward pass peaks at 1.31× the working set
        /// InferenceLab counts, 0.25 GiB outside PyTorch grows during the forward pass and NCCL adds 1.86 GiB with TP above 1.
        /// Defaults as its logs print them: gpu_memory_utilization 0.9, block size 16, 8192 batched tokens, 1024 sequences; the
        /// CUDA-graph pool (about 0.84 GiB estimated) is captured after sizing and not deducted.
        /// </summary>
        public static EngineProfile Vllm { get; } = Uncalibrated("vllm", new[] { "vLLM" }, new Memory.EngineMemoryModel(
            Memory.KvBudgetRule.Vllm, defaultMemoryUtilization: 0.90, defaultBlockSize: 16, defaultMaxBatchedTokens: 8192, defaultMaxSequences: 1024,
            samplerLogitBuffers: 3.80, forwardActivationScale: 1.31, nonTorchBytes: 0.25 * GiB, multiGpuCommunicationBytes: 1.86 * GiB,
            contextBytes: 0.51 * GiB, cudaGraphBytes: 0.84 * GiB, deductsCudaGraphs: false,
            source: "Fitted to 22 vLLM 0.19 start-up logs (llm-d-incubation/llm-d-planner PR #205); see docs/memory.md."));

        /// <summary>
        /// SGLang: no calibration rows, so the generic efficiency factors. Its KV pool is mem_fraction_static × total memory
        /// minus weights and the CUDA context (python/sglang/srt/model_executor/model_runner.py, profile_max_num_token);
        /// default fraction 0.88 at TP 1, token pages of 1, chunked prefill of 8192 tokens. Not calibrated.
        /// </summary>
        public static EngineProfile Sglang { get; } = Uncalibrated("sglang", new[] { "SGLang" }, new Memory.EngineMemoryModel(
            Memory.KvBudgetRule.Sglang, defaultMemoryUtilization: 0.88, defaultBlockSize: 1, defaultMaxBatchedTokens: 8192, defaultMaxSequences: 4096,
            samplerLogitBuffers: 3.80, forwardActivationScale: 1.31, nonTorchBytes: 0.25 * GiB, multiGpuCommunicationBytes: 1.86 * GiB,
            contextBytes: 0.51 * GiB, cudaGraphBytes: 0.84 * GiB, deductsCudaGraphs: false,
            source: "SGLang's documented rule with vLLM's measured CUDA context and NCCL sizes; not calibrated."));

        /// <summary>Every built-in profile.</summary>
        public static IReadOnlyList<EngineProfile> All { get; } = new[] { Generic, TensorRtLlm, Vllm, Sglang, LlamaCpp };

        /// <summary>
        /// The efficiency factors a time estimate uses: the named engine's (the generic profile when null), with compute and
        /// memory efficiency replaced where given; or the pure roofline when <paramref name="roofline"/> is set, which
        /// ignores the rest.
        /// </summary>
        /// <exception cref="NotFoundException">No engine profile has that name.</exception>
        /// <exception cref="InvalidInputException">An efficiency outside [1e-6, 1].</exception>
        public static EfficiencyProfile EfficiencyFor(string? engine, bool roofline = false, double? computeEfficiency = null, double? memoryEfficiency = null)
        {
            if (roofline)
            {
                return EfficiencyProfile.Roofline;
            }

            var profile = engine == null ? Generic : Get(engine);
            return profile.Efficiency.WithFactors(computeEfficiency, memoryEfficiency);
        }

        /// <summary>The profile named <paramref name="name"/> (case-insensitive; aliases accepted).</summary>
        /// <exception cref="NotFoundException">No profile has that name.</exception>
        public static EngineProfile Get(string name)
        {
            string wanted = (name ?? string.Empty).Trim();
            foreach (var profile in All)
            {
                if (string.Equals(profile.Name, wanted, StringComparison.OrdinalIgnoreCase) || profile.Aliases.Any(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase)))
                {
                    return profile;
                }
            }

            var names = All.Select(p => p.Name).ToArray();
            throw new NotFoundException("EngineNotFound", "Engine", wanted, names, $"Engine '{wanted}' is not a known profile. Known: {string.Join(", ", names)}.");
        }

        private static EngineProfile Uncalibrated(string name, IReadOnlyList<string> aliases, Memory.EngineMemoryModel memory)
        {
            var g = Generic.Efficiency;
            var efficiency = new EfficiencyProfile(name, g.ComputeEfficiency, g.MemoryEfficiency, g.AttentionMemoryEfficiency, g.GemmHalfEfficiencyTokens,
                g.MoeEfficiency, g.StepOverheadSeconds, g.LayerOverheadSeconds, g.AllReduceLatencySeconds, g.InterconnectEfficiency, g.FlashAttention,
                g.SharesKvAcrossQueryGroups, "The generic profile's factors: no published measurements of " + name + " are in the calibration data.");
            return new EngineProfile(name, aliases, efficiency, 0, $"No latency calibration rows for {name}: uses the generic profile's efficiency factors.", memory);
        }
    }
}
