using System;
using System.Globalization;

namespace InferenceLab.Core.Charts
{
    /// <summary>Invariant-culture number text for tick labels, attributes and descriptions.</summary>
    internal static class NumberText
    {
        /// <summary>An SVG coordinate: at most two decimals, invariant culture.</summary>
        public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>A value rounded to <paramref name="significant"/> significant digits with thousands separators, for descriptions and tooltips (153.01 → "153", 2048 → "2,048").</summary>
        public static string Significant(double value, int significant = 3)
        {
            if (value == 0)
            {
                return "0";
            }

            double magnitude = Math.Floor(Math.Log10(Math.Abs(value)));
            if (magnitude >= 15 || magnitude < -6)
            {
                return value.ToString("G" + significant.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            int decimals = Math.Max(0, significant - 1 - (int)magnitude);
            double rounded = Math.Round(value, Math.Min(decimals, 15));
            return rounded.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
        }

        /// <summary>
        /// A tick label. With <paramref name="useSuffixes"/>, values from 1,000 up read 2k, 10k, 1.5M, 3G; otherwise plain
        /// digits. <paramref name="decimals"/> is the number of decimals the axis's step needs (null: as many as the value has, up to 6).
        /// </summary>
        public static string Tick(double value, bool useSuffixes, int? decimals = null)
        {
            if (value == 0)
            {
                return "0";
            }

            double magnitude = Math.Abs(value);
            if (useSuffixes && magnitude >= 1000)
            {
                string[] suffixes = { "k", "M", "G", "T", "P", "E" };
                int index = Math.Min(suffixes.Length - 1, (int)Math.Floor(Math.Log10(magnitude) / 3) - 1);
                double scaled = value / Math.Pow(1000, index + 1);
                return Plain(scaled, null) + suffixes[index];
            }

            if (magnitude < 1e-6)
            {
                return value.ToString("0.#e0", CultureInfo.InvariantCulture);
            }

            return Plain(value, decimals);
        }

        private static string Plain(double value, int? decimals)
        {
            if (decimals.HasValue)
            {
                int d = Math.Max(0, Math.Min(10, decimals.Value));
                return value.ToString(d == 0 ? "0" : "0." + new string('0', d), CultureInfo.InvariantCulture);
            }

            return Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
        }
    }
}
