using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>One published measurement of tests/data/calibration.csv, with the fields the prediction needs.</summary>
    internal sealed class CalibrationRow
    {
        private CalibrationRow(IReadOnlyDictionary<string, string> f)
        {
            Id = f["id"];
            Engine = f["engine"];
            Model = f["model"];
            Gpu = f["gpu"];
            WeightType = f["weight_dtype"];
            KvType = f["kv_dtype"].Replace(" (inferred)", string.Empty);
            Metric = f["metric"];
            Unit = f["unit"];
            Value = Number(f["value"]);
            TensorParallel = (int)Number(f["tp"]);
            Batch = f["batch_or_concurrency"].Length == 0 ? 1 : (int)Number(f["batch_or_concurrency"]);
            InputLength = (int)Number(f["input_len"]);
            OutputLength = (int)Number(f["output_len"]);
            Layers = (int)Number(f["layers"]);
            Hidden = (int)Number(f["hidden"]);
            Heads = (int)Number(f["heads"]);
            KvHeads = (int)Number(f["kv_heads"]);
            Intermediate = (int)Number(f["intermediate"]);
            Vocabulary = (int)Number(f["vocab"]);
            Experts = f["experts"].Length == 0 ? 0 : (int)Number(f["experts"]);
            ActiveExperts = f["active_experts"].Length == 0 ? 0 : (int)Number(f["active_experts"]);
            Source = f["source"];
            Notes = f["notes"];
        }

        public string Id { get; }

        public string Engine { get; }

        public string Model { get; }

        public string Gpu { get; }

        public string WeightType { get; }

        public string KvType { get; }

        public string Metric { get; }

        public string Unit { get; }

        public double Value { get; }

        public int TensorParallel { get; }

        public int Batch { get; }

        public int InputLength { get; }

        public int OutputLength { get; }

        public int Layers { get; }

        public int Hidden { get; }

        public int Heads { get; }

        public int KvHeads { get; }

        public int Intermediate { get; }

        public int Vocabulary { get; }

        public int Experts { get; }

        public int ActiveExperts { get; }

        public string Source { get; }

        public string Notes { get; }

        /// <summary>True for rows that time something; false for the weights-memory rows.</summary>
        public bool IsTiming => Metric != "weights_memory";

        /// <summary>True for TensorRT-LLM rows, false for llama.cpp rows.</summary>
        public bool IsTensorRtLlm => Engine.StartsWith("TensorRT-LLM", StringComparison.Ordinal);

        /// <summary>The engine profile name the row calibrates.</summary>
        public string EngineProfile => IsTensorRtLlm ? "tensorrt-llm" : "llama.cpp";

        public static IReadOnlyList<CalibrationRow> Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "data", "calibration.csv");
            return CsvTable.Read(path).Select(f => new CalibrationRow(f)).ToArray();
        }

        public override string ToString() => Id;

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
