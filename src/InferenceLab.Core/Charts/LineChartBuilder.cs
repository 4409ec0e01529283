using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Collects records (property name → value: a result object's properties, a CSV row) and builds a
    /// <see cref="LineChartRequest"/> of one property against another, one series per distinct value of the series
    /// properties — by default per model and GPU (ModelName, HardwareName) when the records have them.
    /// </summary>
    public sealed class LineChartBuilder
    {
        /// <summary>The properties that name a series when none are given: each result's model and GPU.</summary>
        public static readonly IReadOnlyList<string> DefaultSeriesProperties = new[] { "ModelName", "HardwareName" };

        private readonly List<(string Series, double X, double Y)> rows = new List<(string, double, double)>();
        private readonly List<string> seriesOrder = new List<string>();
        private readonly IReadOnlyList<string>? seriesProperties;
        private readonly List<string> categories = new List<string>();
        private IReadOnlyList<string>? resolvedSeries;
        private bool? categorical;

        /// <summary>Creates a builder.</summary>
        /// <param name="xProperty">The property on the x axis.</param>
        /// <param name="yProperty">The property on the y axis.</param>
        /// <param name="seriesProperties">Properties whose values name the series; null for model and GPU, empty for one series.</param>
        /// <exception cref="InvalidInputException">An empty property name.</exception>
        public LineChartBuilder(string xProperty, string yProperty, IReadOnlyList<string>? seriesProperties = null)
        {
            XProperty = ChartChecks.RequireText(xProperty, "ChartPropertyMissing", "X", "The x property");
            YProperty = ChartChecks.RequireText(yProperty, "ChartPropertyMissing", "Y", "The y property");
            if (seriesProperties != null)
            {
                ChartChecks.Require(seriesProperties.All(s => !string.IsNullOrWhiteSpace(s)), "ChartPropertyMissing", "Series", "Series property names must not be empty.");
                this.seriesProperties = seriesProperties.Select(s => s.Trim()).ToArray();
            }
        }

        /// <summary>The x property.</summary>
        public string XProperty { get; }

        /// <summary>The y property.</summary>
        public string YProperty { get; }

        /// <summary>The title; null for "Y vs X".</summary>
        public string? Title { get; set; }

        /// <summary>The line under the title; null for the series' name when there is one series.</summary>
        public string? Subtitle { get; set; }

        /// <summary>Words of the x title instead of those read from the property name; the unit is still added.</summary>
        public string? XTitle { get; set; }

        /// <summary>Words of the y title instead of those read from the property name; the unit is still added.</summary>
        public string? YTitle { get; set; }

        /// <summary>The x scale.</summary>
        public AxisScale XScale { get; set; }

        /// <summary>The y scale.</summary>
        public AxisScale YScale { get; set; }

        /// <summary>Width, px.</summary>
        public int Width { get; set; } = SvgChart.DefaultWidth;

        /// <summary>Height, px.</summary>
        public int Height { get; set; } = SvgChart.DefaultHeight;

        /// <summary>Records added so far.</summary>
        public int Count => rows.Count;

        /// <summary>True when the x values are names (the first record's x is not a number): the x axis then lists them in order of arrival.</summary>
        public bool IsCategorical => categorical == true;

        /// <summary>
        /// Adds a record. The y value, and the x value unless the x axis is one of names, may be any number type or a number
        /// in invariant-culture text (an Import-Csv row). When the first record's x is text that is not a number (a GPU
        /// name), the x axis lists names. Series values are shown as text.
        /// </summary>
        /// <exception cref="InvalidInputException">The record lacks the x or y property, or a value that must be a number is not a finite one; the record is not added.</exception>
        public void Add(IReadOnlyDictionary<string, object?> record)
        {
            ChartChecks.Require(record != null, "ChartRecordNull", "InputObject", "A chart record must not be null.");
            if (categorical == null && Find(record!, XProperty, out var first) && first != null && ToDouble(first) == null)
            {
                categorical = true;
            }

            double x = categorical == true ? Category(record!) : Number(record!, XProperty, "X");
            double y = Number(record!, YProperty, "Y");
            categorical = categorical ?? false;
            if (resolvedSeries == null)
            {
                resolvedSeries = seriesProperties ?? DefaultSeriesProperties
                    .Where(p => Find(record!, p, out _) && !string.Equals(p, XProperty, StringComparison.OrdinalIgnoreCase) && !string.Equals(p, YProperty, StringComparison.OrdinalIgnoreCase))
                    .ToArray();
            }

            string series = SeriesName(record!, resolvedSeries);
            if (!seriesOrder.Contains(series))
            {
                seriesOrder.Add(series);
            }

            rows.Add((series, x, y));
        }

        /// <summary>The request for the records added. Warnings (several y values at one x of a series) go to <see cref="LineChartRequest.Notes"/>.</summary>
        /// <exception cref="InvalidInputException">No records, a log axis with a value that is not positive, or a size out of range.</exception>
        public LineChartRequest Build()
        {
            ChartChecks.Require(rows.Count > 0, "ChartHasNoPoints", "InputObject", "A line chart of {0} against {1} needs at least one record; got none.", YProperty, XProperty);
            var series = seriesOrder.Select(name => new LineChartSeries(name, rows.Where(r => r.Series == name).Select(r => new LineChartPoint(r.X, r.Y)).ToArray())).ToList();
            var notes = new List<string>();
            foreach (var s in series)
            {
                var repeated = s.Points.GroupBy(p => p.X).Where(g => g.Count() > 1).ToList();
                if (repeated.Count > 0)
                {
                    notes.Add(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}has several {1} values at {2} {3} {4}: the records differ in a property the series do not name.",
                        seriesOrder.Count > 1 || s.Name != YProperty ? "Series '" + s.Name + "' " : "The series ",
                        YProperty,
                        XProperty,
                        repeated.Count == 1 ? "=" : "values",
                        string.Join(", ", repeated.Take(5).Select(g => IsCategorical ? categories[(int)g.Key] : NumberText.Significant(g.Key, 6))) + (repeated.Count > 5 ? ", …" : string.Empty)));
                }
            }

            var xAxis = LineChartAxis.ForProperty(XProperty, XTitle, IsCategorical ? AxisScale.Linear : XScale, IsCategorical ? categories : null);
            var yAxis = LineChartAxis.ForProperty(YProperty, YTitle, YScale);
            string title = Title ?? yAxis.Title + " vs " + Lower(xAxis.Title);
            string? subtitle = Subtitle ?? (series.Count == 1 && series[0].Name != YProperty ? series[0].Name : null);
            return new LineChartRequest(title, xAxis, yAxis, series, subtitle, notes, Width, Height);
        }

        private static string Lower(string words) =>
            words.Length > 1 && char.IsUpper(words[0]) && !char.IsUpper(words[1]) ? char.ToLowerInvariant(words[0]) + words.Substring(1) : words;

        private string SeriesName(IReadOnlyDictionary<string, object?> record, IReadOnlyList<string> properties)
        {
            if (properties.Count == 0)
            {
                return YProperty;
            }

            bool modelAndGpu = properties.Count == 2 && properties[0] == DefaultSeriesProperties[0] && properties[1] == DefaultSeriesProperties[1];
            bool modelOrGpu = properties.Count == 1 && DefaultSeriesProperties.Contains(properties[0]);
            var values = new List<string>();
            foreach (var property in properties)
            {
                if (!Find(record, property, out var value))
                {
                    throw new InvalidInputException("ChartPropertyMissing", "Series", string.Format(CultureInfo.InvariantCulture, "A record has no property '{0}' to name its series by. It has: {1}.", property, string.Join(", ", record.Keys)));
                }

                string text = Text(value);
                values.Add(modelAndGpu || modelOrGpu || !IsNumber(value) ? text : PropertyTitle.Words(property) + " " + text);
            }

            return modelAndGpu ? values[0] + " on " + values[1] : string.Join(", ", values);
        }

        private double Category(IReadOnlyDictionary<string, object?> record)
        {
            if (!Find(record, XProperty, out var value))
            {
                throw new InvalidInputException(
                    "ChartPropertyMissing",
                    "X",
                    string.Format(CultureInfo.InvariantCulture, "A record has no property '{0}' to chart on X. It has: {1}.", XProperty, string.Join(", ", record.Keys)));
            }

            string name = Text(value);
            int index = categories.IndexOf(name);
            if (index < 0)
            {
                categories.Add(name);
                index = categories.Count - 1;
            }

            return index;
        }

        private static double Number(IReadOnlyDictionary<string, object?> record, string property, string field)
        {
            if (!Find(record, property, out var value))
            {
                throw new InvalidInputException(
                    "ChartPropertyMissing",
                    field,
                    string.Format(CultureInfo.InvariantCulture, "A record has no property '{0}' to chart on {2}. It has: {1}.", property, string.Join(", ", record.Keys), field));
            }

            double? number = ToDouble(value);
            if (number == null)
            {
                throw new InvalidInputException(
                    "ChartValueNotNumeric",
                    field,
                    string.Format(CultureInfo.InvariantCulture, "Property '{0}' on {3} is '{1}' ({2}), not a number, so it cannot be charted.", property, Text(value), value?.GetType().Name ?? "null", field));
            }

            if (!ChartChecks.IsFinite(number.Value))
            {
                throw new InvalidInputException(
                    "ChartValueNotFinite",
                    field,
                    string.Format(CultureInfo.InvariantCulture, "Property '{0}' on {2} is {1}, which a chart cannot place.", property, Text(value), field));
            }

            return number.Value;
        }

        private static bool Find(IReadOnlyDictionary<string, object?> record, string property, out object? value)
        {
            if (record.TryGetValue(property, out value))
            {
                return true;
            }

            foreach (var pair in record)
            {
                if (string.Equals(pair.Key, property, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        private static bool IsNumber(object? value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint || value is long || value is ulong
            || value is float || value is double || value is decimal;

        private static double? ToDouble(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case bool _:
                case Enum _:
                    return null;
                case string text:
                    return double.TryParse(text.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null;
                default:
                    return IsNumber(value) ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : (double?)null;
            }
        }

        private static string Text(object? value) =>
            value == null ? "null"
            : value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : value.ToString() ?? string.Empty;
    }
}
