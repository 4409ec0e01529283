using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InferenceLab.Core.Hardware
{
    /// <summary>
    /// One accelerator as its datasheet describes it (DESIGN §3): memory in exact bytes, bandwidth and dense peak
    /// rates in decimal units per second, and the per-GPU interconnect. Immutable and validated on construction.
    /// </summary>
    public sealed class HardwareSpec
    {
        /// <summary>
        /// The largest memory capacity or bandwidth accepted, bytes or B/s: 1e18, a million times today's largest GPU. Past it
        /// KV-cache token counts no longer fit a 64-bit integer.
        /// </summary>
        public const double MaxBytes = 1e18;

        /// <summary>The largest peak rate accepted, FLOP/s: 1e21, a million times today's fastest GPU.</summary>
        public const double MaxFlopsPerSecond = 1e21;

        /// <summary>
        /// The smallest memory, bandwidth or peak rate accepted: 1 (byte, B/s, FLOP/s). A figure near zero (5e-324) divides
        /// into infinite machine balances and times.
        /// </summary>
        public const double MinFigure = 1;

        private readonly Dictionary<DataType, double> peaks;

        /// <summary>Creates a hardware entry.</summary>
        /// <param name="name">Catalog name (<c>h100-sxm</c>).</param>
        /// <param name="memoryBytes">Memory capacity in bytes (an "80 GB" H100 has 80 GiB = 85,899,345,920 B).</param>
        /// <param name="memoryBandwidthBytesPerSecond">Peak memory bandwidth, B/s.</param>
        /// <param name="peakFlopsPerSecond">Dense peak per data type, FLOP/s (never the "with sparsity" figure).</param>
        /// <param name="interconnectBandwidthBytesPerSecond">GPU-to-GPU bandwidth per GPU and direction, B/s; 0 when the GPU cannot be paired.</param>
        /// <param name="interconnect">The link's name (NVLink 4, PCIe Gen5 x16, Infinity Fabric).</param>
        /// <param name="visibleMemoryBytes">Memory CUDA reports as total; 0 means the capacity.</param>
        /// <param name="vendor">Maker.</param>
        /// <param name="unifiedMemory">True when CPU and GPU share the memory (Apple silicon, GH200's CPU side excluded).</param>
        /// <param name="aliases">Other names (vendor spellings such as <c>NVIDIA H100 80GB HBM3</c>).</param>
        /// <param name="source">Where the figures come from (datasheet addresses).</param>
        /// <param name="notes">Remarks on the figures, such as which were halved from "with sparsity".</param>
        /// <exception cref="InvalidInputException">A figure that is not a positive finite number.</exception>
        public HardwareSpec(
            string name,
            double memoryBytes,
            double memoryBandwidthBytesPerSecond,
            IReadOnlyDictionary<DataType, double> peakFlopsPerSecond,
            double interconnectBandwidthBytesPerSecond = 0,
            string? interconnect = null,
            double visibleMemoryBytes = 0,
            string? vendor = null,
            bool unifiedMemory = false,
            IReadOnlyList<string>? aliases = null,
            string? source = null,
            string? notes = null)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidInputException("HardwareNameMissing", "Name", "A GPU needs a name.");
            }

            if (PrintableText.HasControl(name))
            {
                throw new InvalidInputException("HardwareNameInvalid", "Name", "Name '" + name + "' holds control characters; a GPU's name is printed in tables and messages.");
            }

            RequirePositive(memoryBytes, "MemoryBytes", MaxBytes);
            RequirePositive(memoryBandwidthBytesPerSecond, "MemoryBandwidthBytesPerSecond", MaxBytes);
            RequireNonNegative(interconnectBandwidthBytesPerSecond, "InterconnectBandwidthBytesPerSecond");
            if (interconnectBandwidthBytesPerSecond > 0)
            {
                RequirePositive(interconnectBandwidthBytesPerSecond, "InterconnectBandwidthBytesPerSecond", MaxBytes);
            }

            RequireNonNegative(visibleMemoryBytes, "VisibleMemoryBytes");
            if (visibleMemoryBytes > memoryBytes)
            {
                throw new InvalidInputException("VisibleMemoryAboveCapacity", "VisibleMemoryBytes", Format("VisibleMemoryBytes {0} exceeds MemoryBytes {1}.", visibleMemoryBytes, memoryBytes));
            }

            peaks = new Dictionary<DataType, double>();
            foreach (var pair in peakFlopsPerSecond ?? throw new ArgumentNullException(nameof(peakFlopsPerSecond)))
            {
                if (pair.Value == 0)
                {
                    continue;
                }

                RequirePositive(pair.Value, pair.Key.ToName() + " peak FLOP/s", MaxFlopsPerSecond);
                peaks[pair.Key] = pair.Value;
            }

            if (peaks.Count == 0)
            {
                throw new InvalidInputException("PeakFlopsMissing", "PeakFlopsPerSecond", $"GPU '{name}' needs at least one dense peak rate (PeakFlopsPerSecond).");
            }

            Name = name.Trim();
            MemoryBytes = memoryBytes;
            VisibleMemoryBytes = visibleMemoryBytes > 0 ? visibleMemoryBytes : memoryBytes;
            MemoryBandwidthBytesPerSecond = memoryBandwidthBytesPerSecond;
            InterconnectBandwidthBytesPerSecond = interconnectBandwidthBytesPerSecond;
            Interconnect = interconnect ?? string.Empty;
            Vendor = vendor ?? string.Empty;
            UnifiedMemory = unifiedMemory;
            Aliases = aliases ?? Array.Empty<string>();
            Source = source ?? string.Empty;
            Notes = notes ?? string.Empty;
        }

        /// <summary>Catalog name.</summary>
        public string Name { get; }

        /// <summary>Other names the GPU is known by.</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>Maker.</summary>
        public string Vendor { get; }

        /// <summary>Memory capacity, bytes.</summary>
        public double MemoryBytes { get; }

        /// <summary>Memory the driver reports as total (CUDA's total_memory), bytes; equals the capacity unless the catalog says otherwise.</summary>
        public double VisibleMemoryBytes { get; }

        /// <summary>True when CPU and GPU share this memory.</summary>
        public bool UnifiedMemory { get; }

        /// <summary>Peak memory bandwidth, B/s.</summary>
        public double MemoryBandwidthBytesPerSecond { get; }

        /// <summary>GPU-to-GPU bandwidth per GPU and direction, B/s; 0 when none.</summary>
        public double InterconnectBandwidthBytesPerSecond { get; }

        /// <summary>The interconnect's name.</summary>
        public string Interconnect { get; }

        /// <summary>Dense fp32 peak, FLOP/s; null when not native.</summary>
        public double? Fp32FlopsPerSecond => Peak(DataType.Fp32);

        /// <summary>Dense tf32 tensor peak, FLOP/s; null when not native.</summary>
        public double? Tf32FlopsPerSecond => Peak(DataType.Tf32);

        /// <summary>Dense bf16 peak, FLOP/s; null when not native.</summary>
        public double? Bf16FlopsPerSecond => Peak(DataType.Bf16);

        /// <summary>Dense fp16 peak, FLOP/s; null when not native.</summary>
        public double? Fp16FlopsPerSecond => Peak(DataType.Fp16);

        /// <summary>Dense fp8 peak, FLOP/s; null when not native.</summary>
        public double? Fp8FlopsPerSecond => Peak(DataType.Fp8);

        /// <summary>Dense int8 peak, OP/s; null when not native.</summary>
        public double? Int8FlopsPerSecond => Peak(DataType.Int8);

        /// <summary>Dense int4 peak, OP/s; null when not native.</summary>
        public double? Int4FlopsPerSecond => Peak(DataType.Int4);

        /// <summary>Dense fp4 peak, FLOP/s; null when not native.</summary>
        public double? Fp4FlopsPerSecond => Peak(DataType.Fp4);

        /// <summary>The data types with a native dense rate.</summary>
        public IReadOnlyList<DataType> NativeTypes => peaks.Keys.OrderBy(t => t).ToArray();

        /// <summary>Where the figures come from.</summary>
        public string Source { get; }

        /// <summary>Remarks on the figures.</summary>
        public string Notes { get; }

        /// <summary>The native dense peak of <paramref name="type"/>, FLOP/s; null when the GPU has none.</summary>
        public double? Peak(DataType type) => peaks.TryGetValue(type, out var rate) ? rate : (double?)null;

        /// <summary>
        /// The dense peak that applies when computing in <paramref name="computeType"/>: the native rate, or the next
        /// wider type's for quantized types and tf32 (DESIGN §3).
        /// </summary>
        /// <exception cref="InvalidInputException">The GPU cannot compute in that type at all (bf16 on a V100).</exception>
        public PeakRate ResolvePeak(DataType computeType, string field = "ActivationType")
        {
            if (peaks.TryGetValue(computeType, out var native))
            {
                return new PeakRate(computeType, computeType, native);
            }

            foreach (var wider in computeType.WideningOrder())
            {
                if (peaks.TryGetValue(wider, out var rate))
                {
                    return new PeakRate(computeType, wider, rate);
                }
            }

            throw new InvalidInputException(
                "DataTypeNotSupported",
                field,
                $"{field} {computeType.ToName()}: {Name} has no native {computeType.ToName()} support, so it cannot run in it. Supported: {string.Join(", ", NativeTypes.Select(t => t.ToName()))}.");
        }

        /// <summary>Machine balance for <paramref name="computeType"/>: peak FLOP/s ÷ bandwidth, FLOP/B.</summary>
        public double MachineBalance(DataType computeType) => ResolvePeak(computeType).FlopsPerSecond / MemoryBandwidthBytesPerSecond;

        /// <summary>The catalog name.</summary>
        public override string ToString() => Name;

        /// <summary>A copy with another name, aliases and source; every figure unchanged.</summary>
        public HardwareSpec WithIdentity(string name, IReadOnlyList<string>? aliases, string? source) =>
            new HardwareSpec(name, MemoryBytes, MemoryBandwidthBytesPerSecond, peaks, InterconnectBandwidthBytesPerSecond, Interconnect,
                VisibleMemoryBytes, Vendor, UnifiedMemory, aliases, source, Notes);

        internal IReadOnlyDictionary<DataType, double> Peaks => peaks;

        private static void RequirePositive(double value, string field, double max)
        {
            string id = field.Replace(" ", string.Empty).Replace("/", string.Empty);
            if (!(value > 0) || double.IsInfinity(value))
            {
                throw new InvalidInputException(id + "NotPositive", field, Format("{0} must be a positive finite number; got {1}.", field, value));
            }

            if (value < MinFigure || value > max)
            {
                throw new InvalidInputException(id + "OutOfRange", field, Format("{0} must be between {1:R} and {2:R}; got {3:R}.", field, MinFigure, max, value));
            }
        }

        private static void RequireNonNegative(double value, string field)
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                throw new InvalidInputException(field + "Negative", field, Format("{0} must be zero or a positive finite number; got {1}.", field, value));
            }
        }

        private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
