using System;
using System.Collections.Generic;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Reads one GPU entry of a catalog file (the schema of the built-in <c>gpus.yaml</c>) into a
    /// <see cref="HardwareSpec"/>. Figures are in base units: bytes, B/s, FLOP/s. <c>memory_gib</c> and
    /// <c>visible_memory_gib</c> are accepted as conveniences and multiplied by 2^30 exactly.
    /// </summary>
    internal static class HardwareEntryReader
    {
        /// <summary>Every key a GPU entry may carry, with the <see cref="HardwareSpec"/> property it fills.</summary>
        internal static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = "Name",
            ["aliases"] = "Aliases",
            ["vendor"] = "Vendor",
            ["source"] = "Source",
            ["notes"] = "Notes",
            ["memory_bytes"] = "MemoryBytes",
            ["memory_gib"] = "MemoryGib",
            ["visible_memory_bytes"] = "VisibleMemoryBytes",
            ["visible_memory_gib"] = "VisibleMemoryGib",
            ["memory_bandwidth_bytes_per_second"] = "MemoryBandwidthBytesPerSecond",
            ["peak_flops_per_second"] = "PeakFlopsPerSecond",
            ["interconnect"] = "Interconnect",
            ["interconnect_bandwidth_bytes_per_second"] = "InterconnectBandwidthBytesPerSecond",
            ["unified_memory"] = "UnifiedMemory",
        };

        private const double Gib = 1024.0 * 1024 * 1024;

        /// <summary>True when a mapping looks like a GPU entry.</summary>
        public static bool LooksLikeHardware(YamlMappingNode node) =>
            node.ContainsKey("memory_bytes") || node.ContainsKey("memory_gib") || node.ContainsKey("peak_flops_per_second") || node.ContainsKey("memory_bandwidth_bytes_per_second");

        public static HardwareSpec Read(EntryFields f)
        {
            ModelEntryReader.RejectUnknownKeys(f, Keys.Keys, "GPU");
            string name = f.RequireString("name");
            double memory = Bytes(f, "memory_bytes", "memory_gib", required: true);
            double visible = Bytes(f, "visible_memory_bytes", "visible_memory_gib", required: false);
            double bandwidth = f.RequireDouble("memory_bandwidth_bytes_per_second");

            var peaks = new Dictionary<DataType, double>();
            var rates = f.Mapping("peak_flops_per_second") ?? throw f.Missing("peak_flops_per_second");
            foreach (var key in rates.Node.Keys)
            {
                if (!DataTypes.TryParse(key, out var type))
                {
                    var at = rates.Node.KeyNode(key);
                    throw new CatalogDataException("CatalogUnknownKey", f.File, at.Line, at.Column, rates.FieldName(key), "'" + key + "' is not a data type; use fp32, tf32, bf16, fp16, fp8, int8, int4 or fp4.");
                }

                if (peaks.ContainsKey(type))
                {
                    throw rates.ErrorAt("CatalogDuplicateKey", key, "The data type " + type.ToName() + " appears twice under another spelling.");
                }

                double rate = rates.RequireDouble(key);
                if (!(rate > 0))
                {
                    throw rates.ErrorAt("CatalogFieldOutOfRange", key, "A peak rate must be positive; leave out a type the GPU does not support natively.");
                }

                peaks[type] = rate;
            }

            f.Ignore("notes");
            return ModelEntryReader.Construct(f, () => new HardwareSpec(
                name,
                memory,
                bandwidth,
                peaks,
                interconnectBandwidthBytesPerSecond: f.Double("interconnect_bandwidth_bytes_per_second") ?? 0,
                interconnect: f.String("interconnect"),
                visibleMemoryBytes: visible,
                vendor: f.String("vendor"),
                unifiedMemory: f.Bool("unified_memory") ?? false,
                aliases: f.StringList("aliases"),
                source: f.String("source"),
                notes: f.String("notes")));
        }

        private static double Bytes(EntryFields f, string bytesKey, string gibKey, bool required)
        {
            if (f.Contains(bytesKey) && f.Contains(gibKey))
            {
                throw f.ErrorAt("CatalogFieldConflict", gibKey, "Give either " + bytesKey + " or " + gibKey + ", not both.");
            }

            if (f.Contains(gibKey))
            {
                return f.RequireDouble(gibKey) * Gib;
            }

            if (required)
            {
                return f.RequireDouble(bytesKey);
            }

            return f.Double(bytesKey) ?? 0;
        }
    }
}
