using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InferenceLab.Core.Tests.Calibration;

namespace InferenceLab.Core.Tests.EngineMemory
{
    /// <summary>One vLLM 0.19 start-up log of tests/data/kv-capacity-calibration.csv: its settings and the figures it printed.</summary>
    internal sealed class KvCapacityRow
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        private KvCapacityRow(IReadOnlyDictionary<string, string> f)
        {
            Id = f["id"];
            Model = f["model"];
            WeightType = f["weight_dtype"];
            KvType = f["kv_dtype"];
            TensorParallel = (int)Number(f["tp"]);
            MemoryUtilization = Number(f["gpu_memory_utilization"].Split(' ')[0]);
            MaxModelLength = (int)Number(f["max_model_len"]);
            MaxSequences = (int)Number(f["max_num_seqs"].Split(' ')[0]);
            Blocks = (long)Number(f["gpu_blocks"]);
            Tokens = (long)Number(f["kv_tokens"]);
            WeightBytes = Number(f["weights_gib"]) * GiB;
            ActivationPeakBytes = Number(f["activation_peak_gib"]) * GiB;
            NonTorchBytes = Number(f["non_torch_gib"]) * GiB;
            KvCacheBytes = Number(f["kv_cache_gib"]) * GiB;
            Notes = f["notes"];
        }

        public string Id { get; }

        public string Model { get; }

        public string WeightType { get; }

        public string KvType { get; }

        public int TensorParallel { get; }

        public double MemoryUtilization { get; }

        public int MaxModelLength { get; }

        public int MaxSequences { get; }

        public long Blocks { get; }

        public long Tokens { get; }

        public double WeightBytes { get; }

        public double ActivationPeakBytes { get; }

        public double NonTorchBytes { get; }

        public double KvCacheBytes { get; }

        public string Notes { get; }

        public static IReadOnlyList<KvCapacityRow> Load()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "data", "kv-capacity-calibration.csv");
            return CsvTable.Read(path).Select(f => new KvCapacityRow(f)).ToArray();
        }

        public override string ToString() => Id;

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
