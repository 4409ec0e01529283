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
            "Fitted to 23 rows of TensorRT-LLM v0.9.0's performance document: compute and memory efficiency.");

        /// <summary>llama.cpp (CUDA), fitted to 7 llama-bench rows of pull requests #4766 and #6017 (RTX 4090, A100 PCIe).</summary>
        public static EngineProfile LlamaCpp { get; } = new EngineProfile(
            "llama.cpp",
            new[] { "llamacpp", "llama-cpp", "ggml" },
            new EfficiencyProfile("llama.cpp", computeEfficiency: 0.441, memoryEfficiency: 0.850, attentionMemoryEfficiency: 0.850,
                layerOverheadSeconds: 93e-6, allReduceLatencySeconds: AllReduceLatencySeconds, interconnectEfficiency: InterconnectEfficiency,
                flashAttention: false, source: FitProcedure + " 7 llama.cpp rows (without flash attention, as measured)."),
            7,
            "Fitted to 7 llama-bench rows (early 2024, no flash attention, no CUDA graphs): compute, memory and per-layer overhead.");

        /// <summary>vLLM: no calibration rows yet, so the generic factors.</summary>
        public static EngineProfile Vllm { get; } = Uncalibrated("vllm", new[] { "vLLM" });

        /// <summary>SGLang: no calibration rows yet, so the generic factors.</summary>
        public static EngineProfile Sglang { get; } = Uncalibrated("sglang", new[] { "SGLang" });

        /// <summary>Every built-in profile.</summary>
        public static IReadOnlyList<EngineProfile> All { get; } = new[] { Generic, TensorRtLlm, Vllm, Sglang, LlamaCpp };

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

        private static EngineProfile Uncalibrated(string name, IReadOnlyList<string> aliases)
        {
            var g = Generic.Efficiency;
            var efficiency = new EfficiencyProfile(name, g.ComputeEfficiency, g.MemoryEfficiency, g.AttentionMemoryEfficiency, g.GemmHalfEfficiencyTokens,
                g.MoeEfficiency, g.StepOverheadSeconds, g.LayerOverheadSeconds, g.AllReduceLatencySeconds, g.InterconnectEfficiency, g.FlashAttention,
                g.SharesKvAcrossQueryGroups, "The generic profile's factors: no published measurements of " + name + " are in the calibration data.");
            return new EngineProfile(name, aliases, efficiency, 0, $"No calibration rows for {name}: uses the generic profile's factors.");
        }
    }
}
