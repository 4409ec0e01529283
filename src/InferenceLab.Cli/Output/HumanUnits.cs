using System.Globalization;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// Human units for table output only (DESIGN §2): memory in binary GiB/MiB, rates and FLOP counts in decimal units
    /// as datasheets state them, times in ms or s. JSON and CSV keep base units.
    /// </summary>
    internal static class HumanUnits
    {
        private const double GiB = 1024.0 * 1024 * 1024;
        private const double MiB = 1024.0 * 1024;

        /// <summary>Bytes as GiB with two decimals.</summary>
        public static string Gibibytes(double bytes) => Number(bytes / GiB, 2);

        /// <summary>Bytes as MiB with two decimals.</summary>
        public static string Mebibytes(double bytes) => Number(bytes / MiB, 2);

        /// <summary>Seconds as milliseconds with three decimals.</summary>
        public static string Milliseconds(double seconds) => Number(seconds * 1e3, 3);

        /// <summary>Seconds with three decimals.</summary>
        public static string Seconds(double seconds) => Number(seconds, 3);

        /// <summary>FLOP/s (or B/s) as tera-units per second with one decimal.</summary>
        public static string Tera(double perSecond) => Number(perSecond / 1e12, 1);

        /// <summary>A count or rate as giga-units with two decimals (GFLOP, GB/s).</summary>
        public static string Giga(double value) => Number(value / 1e9, 2);

        /// <summary>A fraction as a percentage with one decimal.</summary>
        public static string Percent(double fraction) => Number(fraction * 100, 1);

        /// <summary>A number with thousands separators and a fixed number of decimals, invariant culture.</summary>
        public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>A whole number with thousands separators.</summary>
        public static string Whole(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>A value, or "-" when it is missing (no GPU given, no native rate).</summary>
        public static string OrDash(double? value, System.Func<double, string> format) => value.HasValue ? format(value.Value) : "-";

        /// <summary>Text, or "-" when empty.</summary>
        public static string OrDash(string text) => string.IsNullOrEmpty(text) ? "-" : text;
    }
}
