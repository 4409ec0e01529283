using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Everything a line chart shows: title, axes and series. Build one from result objects with
    /// <see cref="LineChartBuilder"/>, or directly; render it with <see cref="SvgChart"/>.
    /// </summary>
    public sealed class LineChartRequest
    {
        /// <summary>Creates a request.</summary>
        /// <param name="title">The chart's title.</param>
        /// <param name="x">The x axis.</param>
        /// <param name="y">The y axis.</param>
        /// <param name="series">The series; at least one.</param>
        /// <param name="subtitle">A line under the title; null for none.</param>
        /// <param name="notes">Footnotes; null for none.</param>
        /// <param name="width">Width, px.</param>
        /// <param name="height">Height, px; a long legend makes the chart taller.</param>
        /// <exception cref="InvalidInputException">No series, a log axis with a value that is not positive, or a size out of range.</exception>
        public LineChartRequest(
            string title,
            LineChartAxis x,
            LineChartAxis y,
            IReadOnlyList<LineChartSeries> series,
            string? subtitle = null,
            IReadOnlyList<string>? notes = null,
            int width = SvgChart.DefaultWidth,
            int height = SvgChart.DefaultHeight)
        {
            Title = ChartChecks.RequireText(title, "ChartTitleMissing", "Title", "The chart's title");
            ChartChecks.Require(x != null && y != null, "ChartAxisMissing", "X", "A line chart needs both axes.");
            ChartChecks.Require(series != null && series.Count > 0 && series.All(s => s != null), "ChartHasNoPoints", "InputObject", "A line chart needs at least one series with a point; got none.");
            ChartChecks.RequireSize(width, height);
            X = x!;
            Y = y!;
            Series = series!.ToArray();
            ChartChecks.Require(!Y.IsCategorical, "CategoryAxisNotSupported", "Y", "The y axis of a line chart must be numeric.");
            if (X.IsCategorical)
            {
                int count = X.Categories!.Count;
                var outside = Series.SelectMany(s => s.Points).Select(p => p.X).Where(v => v < 0 || v >= count || v != Math.Floor(v)).Take(1).ToList();
                ChartChecks.Require(outside.Count == 0, "CategoryIndexOutOfRange", "X", "On an axis of {0} names, x must be an index from 0 to {1}; got {2}.", count, count - 1, outside.Count > 0 ? outside[0] : 0);
            }

            RequireChartable(X, Series.SelectMany(s => s.Points).Select(p => p.X), "X");
            RequireChartable(Y, Series.SelectMany(s => s.Points).Select(p => p.Y), "Y");
            RequirePositiveOnLog(X, Series.SelectMany(s => s.Points).Select(p => p.X), "XScale");
            RequirePositiveOnLog(Y, Series.SelectMany(s => s.Points).Select(p => p.Y), "YScale");
            Subtitle = string.IsNullOrWhiteSpace(subtitle) ? string.Empty : subtitle!.Trim();
            Notes = notes?.Where(n => !string.IsNullOrWhiteSpace(n)).ToArray() ?? Array.Empty<string>();
            Width = width;
            Height = height;
        }

        /// <summary>The title.</summary>
        public string Title { get; }

        /// <summary>The line under the title; empty for none.</summary>
        public string Subtitle { get; }

        /// <summary>The x axis.</summary>
        public LineChartAxis X { get; }

        /// <summary>The y axis.</summary>
        public LineChartAxis Y { get; }

        /// <summary>The series.</summary>
        public IReadOnlyList<LineChartSeries> Series { get; }

        /// <summary>Footnotes.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Width, px.</summary>
        public int Width { get; }

        /// <summary>Height, px (at least).</summary>
        public int Height { get; }

        /// <summary>
        /// The scale <paramref name="axis"/> gets for <paramref name="values"/>: as asked, or for Auto, Log when every value is
        /// positive, the largest is over 20 times the smallest, and the distinct values bunch at the low end (median below a quarter
        /// of the range, as in a doubling sweep 1, 2, 4, … 256); Linear otherwise.
        /// </summary>
        public static AxisScale Resolve(LineChartAxis axis, IEnumerable<double> values)
        {
            if (axis != null && axis.IsCategorical)
            {
                return AxisScale.Linear;
            }

            if (axis == null || axis.Scale != AxisScale.Auto)
            {
                return axis?.Scale ?? AxisScale.Linear;
            }

            var sorted = values.Distinct().OrderBy(v => v).ToArray();
            if (sorted.Length < 2 || sorted[0] <= 0)
            {
                return AxisScale.Linear;
            }

            double min = sorted[0], max = sorted[sorted.Length - 1];
            double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            return max / min > 20 && median - min < (max - min) / 4 ? AxisScale.Log : AxisScale.Linear;
        }

        private static void RequireChartable(LineChartAxis axis, IEnumerable<double> values, string field)
        {
            var bad = values.Where(v => !ChartChecks.IsChartable(v)).Take(1).ToList();
            ChartChecks.Require(
                bad.Count == 0,
                "ChartValueOutOfRange",
                field,
                "{0} = {1:R} on the {2} axis cannot be charted: values must be 0 or between {3:R} and {4:R} in size.",
                axis.Title,
                bad.Count > 0 ? bad[0] : 0,
                field == "X" ? "x" : "y",
                ChartChecks.MinNonZeroValue,
                ChartChecks.MaxValue);
        }

        private static void RequirePositiveOnLog(LineChartAxis axis, IEnumerable<double> values, string field)
        {
            if (axis.Scale != AxisScale.Log)
            {
                return;
            }

            var bad = values.Where(v => v <= 0).Take(1).ToList();
            ChartChecks.Require(bad.Count == 0, "LogAxisNeedsPositiveValues", field, "A log axis ({2} Log) cannot show {0} = {1}: every value on it must be positive. Use a linear scale.", axis.Title, bad.Count > 0 ? bad[0] : 0, field);
        }
    }
}
