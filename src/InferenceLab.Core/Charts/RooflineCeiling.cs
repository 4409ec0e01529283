using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// The roof of one GPU for one compute rate: the memory ceiling (intensity × bandwidth) rising to the compute ceiling
    /// (the dense peak), meeting at the ridge point, whose intensity is the machine balance (DESIGN §4). Data types with
    /// the same peak share one ceiling (bf16/fp16).
    /// </summary>
    public sealed class RooflineCeiling
    {
        /// <summary>Creates a ceiling.</summary>
        /// <param name="hardwareName">The GPU.</param>
        /// <param name="dataTypes">The data types whose dense peak this is (at least one).</param>
        /// <param name="peakFlopsPerSecond">Dense peak, FLOP/s (OP/s for integer types).</param>
        /// <param name="memoryBandwidthBytesPerSecond">Peak memory bandwidth, B/s.</param>
        /// <param name="isPrimary">True when the chart's points run at this rate: drawn solid, with the ridge guide.</param>
        /// <exception cref="InvalidInputException">A missing name or type, or a rate that is not a positive finite number.</exception>
        public RooflineCeiling(string hardwareName, IReadOnlyList<DataType> dataTypes, double peakFlopsPerSecond, double memoryBandwidthBytesPerSecond, bool isPrimary)
        {
            HardwareName = ChartChecks.RequireText(hardwareName, "ChartHardwareNameMissing", "HardwareName", "A ceiling's GPU name");
            ChartChecks.Require(dataTypes != null && dataTypes.Count > 0, "ChartCeilingTypeMissing", "DataTypes", "A ceiling needs at least one data type.");
            ChartChecks.RequirePositive(peakFlopsPerSecond, "ChartPeakNotPositive", "PeakFlopsPerSecond", "A ceiling's peak FLOP/s");
            ChartChecks.RequirePositive(memoryBandwidthBytesPerSecond, "ChartBandwidthNotPositive", "MemoryBandwidthBytesPerSecond", "A ceiling's memory bandwidth");
            DataTypes = dataTypes!.Distinct().OrderBy(t => t).ToArray();
            PeakFlopsPerSecond = peakFlopsPerSecond;
            MemoryBandwidthBytesPerSecond = memoryBandwidthBytesPerSecond;
            IsPrimary = isPrimary;
        }

        /// <summary>The GPU.</summary>
        public string HardwareName { get; }

        /// <summary>The data types sharing this peak, in <see cref="DataType"/> order.</summary>
        public IReadOnlyList<DataType> DataTypes { get; }

        /// <summary>The types as the chart prints them: <c>bf16/fp16</c>.</summary>
        public string DataTypeLabel => string.Join("/", DataTypes.Select(t => t.ToName()));

        /// <summary>Dense peak, FLOP/s.</summary>
        public double PeakFlopsPerSecond { get; }

        /// <summary>Peak memory bandwidth, B/s.</summary>
        public double MemoryBandwidthBytesPerSecond { get; }

        /// <summary>The ridge point's intensity, the machine balance: peak ÷ bandwidth, FLOP/B.</summary>
        public double RidgeFlopsPerByte => PeakFlopsPerSecond / MemoryBandwidthBytesPerSecond;

        /// <summary>True when the chart's points run at this rate.</summary>
        public bool IsPrimary { get; }

        /// <summary>True when every type is an integer type, whose rate datasheets give in OP/s.</summary>
        internal bool IsIntegerRate => DataTypes.All(t => t == DataType.Int8 || t == DataType.Int4);

        /// <summary>GPU, types and peak.</summary>
        public override string ToString() => HardwareName + " " + DataTypeLabel + " " + PeakFlopsPerSecond.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + " FLOP/s";
    }
}
