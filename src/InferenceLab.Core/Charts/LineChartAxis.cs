using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// One axis of a line chart: the words of its title, the base unit of its values (the chart picks a readable multiple:
    /// s → ms, B → GiB, FLOP/s → TFLOP/s) and its scale.
    /// </summary>
    public sealed class LineChartAxis
    {
        /// <summary>Creates an axis.</summary>
        /// <param name="title">The title's words, without the unit (<c>Time to first token</c>).</param>
        /// <param name="unit">
        /// The values' base unit: s, B, B/s, FLOP, FLOP/s (scaled for display), or any other text shown as given (tokens/s,
        /// FLOP/B); a qualifier after " per " is kept (<c>B per token</c>); empty for a count without unit.
        /// </param>
        /// <param name="scale">Linear, Log, or Auto to decide from the values.</param>
        /// <param name="categories">
        /// For an x axis of names (GPUs, models): the names in order; the points' x values are then indexes into this list.
        /// Null for a numeric axis.
        /// </param>
        /// <exception cref="InvalidInputException">An empty title, or a log scale asked for categories.</exception>
        public LineChartAxis(string title, string? unit = null, AxisScale scale = AxisScale.Auto, IReadOnlyList<string>? categories = null)
        {
            Title = ChartChecks.RequireText(title, "ChartAxisTitleMissing", "Title", "An axis title");
            ChartChecks.Require(categories == null || (categories.Count > 0 && scale != AxisScale.Log), "CategoryAxisNotLog", "XScale", "An axis of names ({0}) cannot be logarithmic.", Title);
            Unit = unit?.Trim() ?? string.Empty;
            Scale = scale;
            Categories = categories?.Select(c => c ?? string.Empty).ToArray();
        }

        /// <summary>The title's words.</summary>
        public string Title { get; }

        /// <summary>The base unit; empty for none.</summary>
        public string Unit { get; }

        /// <summary>The scale asked for.</summary>
        public AxisScale Scale { get; }

        /// <summary>The names of a category axis, in order; null for a numeric axis.</summary>
        public IReadOnlyList<string>? Categories { get; }

        /// <summary>True for an axis of names.</summary>
        public bool IsCategorical => Categories != null;

        /// <summary>
        /// The axis for a property named by DESIGN §2's convention: <c>TimeToFirstTokenSeconds</c> → "Time to first token" in s,
        /// <c>OutputTokensPerSecond</c> → "Output" in tokens/s, <c>BatchSize</c> → "Batch size" in sequences.
        /// </summary>
        /// <param name="propertyName">The property.</param>
        /// <param name="title">Words to use instead of the ones read from the name; null to read them.</param>
        /// <param name="scale">The scale.</param>
        /// <param name="categories">The names of a category axis; null for a numeric one.</param>
        public static LineChartAxis ForProperty(string propertyName, string? title = null, AxisScale scale = AxisScale.Auto, IReadOnlyList<string>? categories = null)
        {
            var (words, unit, qualifier) = PropertyTitle.Parse(ChartChecks.RequireText(propertyName, "ChartPropertyMissing", "X", "A property name"));
            return new LineChartAxis(string.IsNullOrWhiteSpace(title) ? words : title!, categories == null ? unit + qualifier : null, scale, categories);
        }
    }
}
