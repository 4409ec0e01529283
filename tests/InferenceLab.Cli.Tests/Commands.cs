using System;
using System.Collections.Generic;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Time;

namespace InferenceLab.Cli.Tests
{
    /// <summary>One working command line per command (and per-operator variant), with the Core type it prints and its row count.</summary>
    internal static class Commands
    {
        public static readonly IReadOnlyDictionary<string, (string[] Args, Type Output, int Rows)> All = new Dictionary<string, (string[], Type, int)>
        {
            ["models"] = (new[] { "models" }, typeof(ModelSpec), 2),
            ["hardware"] = (new[] { "hardware" }, typeof(HardwareSpec), 3),
            ["memory"] = (new[] { "memory", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "2", "--input-length", "1000", "--output-length", "24" }, typeof(MemoryEstimate), 1),
            ["max-context"] = (new[] { "max-context", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb" }, typeof(MaxContextResult), 1),
            ["max-batch"] = (new[] { "max-batch", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--context-length", "2048" }, typeof(MaxBatchResult), 1),
            ["memory --engine"] = (new[] { "memory", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "1000", "--engine", "vllm" }, typeof(EngineMemoryBudget), 1),
            ["max-context --engine"] = (new[] { "max-context", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "1,8", "--engine", "vllm", "--max-sequences", "256", "--block-size", "32", "--enforce-eager" }, typeof(EngineMaxContextResult), 2),
            ["max-batch --engine"] = (new[] { "max-batch", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--context-length", "2048,4096", "--engine", "sglang" }, typeof(EngineMemoryBudget), 2),
            ["cost"] = (new[] { "cost", "--model", "llama-2-7b", "--input-length", "128" }, typeof(StepCost), 2),
            // The operators a dense model without sliding windows has: Embedding, QkvProjection, Attention, OutputProjection, Mlp, Elementwise, LmHead.
            ["cost --per-operator"] = (new[] { "cost", "--model", "llama-2-7b", "--phase", "decode", "--input-length", "128", "--per-operator" }, typeof(OperatorCost), 7),
            ["roofline"] = (new[] { "roofline", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "128" }, typeof(RooflinePoint), 2),
            ["roofline --per-operator"] = (new[] { "roofline", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--phase", "prefill", "--input-length", "128", "--per-operator" }, typeof(RooflinePoint), 7),
            ["latency"] = (new[] { "latency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "128", "--output-length", "16" }, typeof(LatencyEstimate), 1),
            ["efficiency"] = (new[] { "efficiency", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--input-length", "128", "--output-length", "16", "--tpot-seconds", "0.01" }, typeof(EfficiencyReport), 1),
            ["simulate"] = (new[] { "simulate", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--request-rate", "2", "--request-count", "20", "--input-length", "100", "--output-length", "10" }, typeof(SimulationSummary), 1),
            ["simulate --per-request"] = (new[] { "simulate", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--clients", "4", "--request-count", "12", "--input-length-distribution", "uniform:50:150", "--output-length", "10", "--per-request" }, typeof(SimulatedRequest), 12),
        };

        public static IEnumerable<object[]> Names()
        {
            foreach (var name in All.Keys)
            {
                yield return new object[] { name };
            }
        }

        public static IEnumerable<object[]> NamesAndFormats()
        {
            foreach (var name in All.Keys)
            {
                foreach (var format in new[] { "table", "csv", "json" })
                {
                    yield return new object[] { name, format };
                }
            }
        }

        public static string[] With(string name, params string[] extra)
        {
            var args = new List<string>(All[name].Args);
            args.AddRange(extra);
            return args.ToArray();
        }
    }
}
