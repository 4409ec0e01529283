using System;
using System.Globalization;

namespace InferenceLab.Core.Charts
{
    /// <summary>Validation shared by the chart requests; every failure is an InvalidArgument error naming the field.</summary>
    internal static class ChartChecks
    {
        /// <summary>Smallest chart, px: below this the axes and legend no longer fit.</summary>
        public const int MinWidth = 480;

        /// <inheritdoc cref="MinWidth"/>
        public const int MinHeight = 320;

        /// <summary>Largest chart side, px.</summary>
        public const int MaxSide = 10_000;

        /// <summary>
        /// The largest magnitude a chart plots: an axis spans up to twice it, and its ticks are powers of ten above it, so both
        /// stay finite doubles.
        /// </summary>
        public const double MaxValue = 1e300;

        /// <summary>
        /// The smallest non-zero magnitude a chart plots. Below it a decade's power of ten underflows to 0 and tick steps
        /// to 0, and choosing the ticks never ends.
        /// </summary>
        public const double MinNonZeroValue = 1e-300;

        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        /// <summary>True for 0 and for finite values of magnitude between <see cref="MinNonZeroValue"/> and <see cref="MaxValue"/>.</summary>
        public static bool IsChartable(double value) => value == 0 || (Math.Abs(value) >= MinNonZeroValue && Math.Abs(value) <= MaxValue);

        public static void Require(bool condition, string id, string field, string format, params object?[] args)
        {
            if (!condition)
            {
                throw new InvalidInputException(id, field, string.Format(CultureInfo.InvariantCulture, format, args));
            }
        }

        public static void RequirePositive(double value, string id, string field, string what) =>
            Require(value > 0 && IsFinite(value), id, field, "{0} must be a positive finite number; got {1}.", what, value);

        public static void RequireSize(int width, int height)
        {
            Require(width >= MinWidth && width <= MaxSide, "ChartWidthOutOfRange", "Width", "Width must be between {0} and {1} pixels; got {2}.", MinWidth, MaxSide, width);
            Require(height >= MinHeight && height <= MaxSide, "ChartHeightOutOfRange", "Height", "Height must be between {0} and {1} pixels; got {2}.", MinHeight, MaxSide, height);
        }

        public static string RequireText(string? text, string id, string field, string what)
        {
            Require(!string.IsNullOrWhiteSpace(text), id, field, "{0} must not be empty.", what);
            return text!.Trim();
        }
    }
}
