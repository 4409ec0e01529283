using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Lays out and writes a line chart: one coloured line with its own marker shape per series, linear or log axes with
    /// ticks in a readable unit, and a legend at the right.
    /// </summary>
    internal sealed class LineChartRenderer
    {
        private const string ClipId = "line-chart-plot";

        private readonly LineChartRequest request;

        private LineChartRenderer(LineChartRequest request)
        {
            this.request = request;
        }

        public static void Render(LineChartRequest request, Stream stream) => new LineChartRenderer(request).Write(stream);

        private void Write(Stream stream)
        {
            double width = request.Width;
            var subtitle = request.Subtitle.Length > 0 ? TextMetrics.Wrap(request.Subtitle, ChartFrame.SubtitleFontSize, width - 40) : Array.Empty<string>();
            double plotTop = ChartFrame.PlotTop(subtitle.Count);

            var items = request.Series.Select((s, i) => request.X.IsCategorical
                ? LegendItem.Marker(s.Name, Palette.Colour(i), Palette.Shape(i))
                : LegendItem.LineAndMarker(s.Name, Palette.Colour(i), 2, Palette.Shape(i))).ToList();
            var legend = new Legend(items, Math.Min(width * 0.36, Legend.NaturalWidth(items)));
            double legendX = width - ChartFrame.Margin - legend.Width;
            double plotRight = legendX - 20;
            var noteLines = ChartFrame.WrapAll(request.Notes, ChartFrame.NoteFontSize, width - (2 * ChartFrame.Margin));
            double plotBottom = request.Height - ChartFrame.BelowPlot - (noteLines.Count * ChartFrame.NoteLineHeight) - 4;
            var categories = request.X.Categories;
            if (categories != null)
            {
                // Slanted names need room below the plot; decide from a rough plot width (the exact one needs the y labels).
                double roughSpacing = (plotRight - 90) / categories.Count;
                if (categories.Any(c => TextMetrics.Width(c, Axis.TickFontSize) + 10 > roughSpacing))
                {
                    plotBottom -= Axis.SlantedHeight(categories);
                }
            }

            var xs = request.Series.SelectMany(s => s.Points).Select(p => p.X).ToList();
            var ys = request.Series.SelectMany(s => s.Points).Select(p => p.Y).ToList();
            var y = Build(request.Y, ys, plotBottom, plotTop, horizontal: false);
            double plotLeft = ChartFrame.PlotLeft(y.WidestLabel);
            var x = categories != null
                ? Axis.Categorical(categories, plotLeft, plotRight, PropertyTitle.Compose(request.X.Title, string.Empty))
                : Build(request.X, xs, plotLeft, plotRight, horizontal: true);
            var plot = new Box(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);

            double notesTop = plotBottom + ChartFrame.BelowPlot + x.ExtraBelow + 6;
            double height = Math.Max(request.Height, Math.Max(plotTop + legend.Height + ChartFrame.Margin, notesTop + (noteLines.Count * ChartFrame.NoteLineHeight)));
            int pointCount = xs.Count;
            double radius = categories != null ? 4.5 : pointCount > 60 ? 2.5 : 3.5;

            // On an axis of names the series sit side by side around each name, so equal values do not hide one another.
            double spacing = categories != null ? Math.Min(10, Math.Abs(plotRight - plotLeft) / categories.Count / (request.Series.Count + 1)) : 0;

            using (var svg = new SvgWriter(stream))
            {
                svg.StartDocument(width, height, request.Title, Description(x, y));
                ChartFrame.Background(svg, width, height);
                ChartFrame.ClipPath(svg, ClipId, plot);
                ChartFrame.Grid(svg, plot, x, y);
                ChartFrame.Axes(svg, plot, x, y);
                svg.StartGroup("class", "series-lines", "clip-path", "url(#" + ClipId + ")");
                for (int i = 0; i < request.Series.Count; i++)
                {
                    var s = request.Series[i];
                    if (s.Points.Count > 1 && categories == null)
                    {
                        svg.Polyline(s.Points.Select(p => (x.Map(p.X), y.Map(p.Y))), "class", "series-line", "data-series", s.Name, "stroke", Palette.Colour(i), "stroke-width", "2", "stroke-linejoin", "round");
                    }
                }

                svg.EndGroup();
                for (int i = 0; i < request.Series.Count; i++)
                {
                    var s = request.Series[i];
                    svg.StartGroup("class", "series", "data-series", s.Name);
                    foreach (var p in s.Points)
                    {
                        svg.StartGroup("class", "point", "data-x", ChartFrame.Value(p.X), "data-y", ChartFrame.Value(p.Y));
                        svg.Tooltip(s.Name + ": " + Reading(request.X, x, p.X) + ", " + Reading(request.Y, y, p.Y));
                        double dodge = (i - ((request.Series.Count - 1) / 2.0)) * spacing;
                        svg.Marker(Palette.Shape(i), x.Map(p.X) + dodge, y.Map(p.Y), radius, "class", "marker", "fill", Palette.Colour(i), "stroke", "#ffffff", "stroke-width", "1");
                        svg.EndGroup();
                    }

                    svg.EndGroup();
                }

                legend.Draw(svg, legendX, plotTop);
                ChartFrame.Notes(svg, ChartFrame.Margin, notesTop, noteLines);
                ChartFrame.Titles(svg, width, request.Title, subtitle);
                svg.EndDocument();
            }
        }

        private static Axis Build(LineChartAxis axis, IReadOnlyList<double> values, double start, double end, bool horizontal)
        {
            double min = values.Min(), max = values.Max();
            var unit = Unit(axis.Unit, Math.Max(Math.Abs(min), Math.Abs(max)));
            string title = PropertyTitle.Compose(axis.Title, unit.Name);
            if (LineChartRequest.Resolve(axis, values) == AxisScale.Log)
            {
                return Axis.Log(min, max, start, end, horizontal, unit, title, decades: false);
            }

            // Zero joins a linear axis when the values share a sign and reach less than half way from it to their extreme.
            bool includeZero = (min >= 0 && min <= max / 2) || (max <= 0 && max >= min / 2);
            return Axis.Linear(min, max, start, end, horizontal, unit, title, includeZero);
        }

        /// <summary>The display unit of a base unit with an optional qualifier after " per " (B per token → KiB per token).</summary>
        private static DisplayUnit Unit(string unit, double largest)
        {
            int per = unit.IndexOf(" per ", StringComparison.Ordinal);
            if (per < 0)
            {
                return DisplayUnit.For(unit, largest);
            }

            var head = DisplayUnit.For(unit.Substring(0, per), largest);
            return DisplayUnit.Qualified(head, unit.Substring(per));
        }

        private static string Reading(LineChartAxis axis, Axis scale, double value) =>
            axis.IsCategorical ? axis.Title + " " + axis.Categories![(int)value] : axis.Title + " " + NumberText.Significant(value / scale.Unit.Factor, 4) + (scale.Unit.Name.Length > 0 ? " " + scale.Unit.Name : string.Empty);

        private string Description(Axis x, Axis y)
        {
            var categories = request.X.Categories;
            var text = new List<string>
            {
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Line chart of {0} against {1}. X axis ({2}): {3} to {4}. Y axis ({5}): {6} to {7}.",
                    y.Title,
                    x.Title,
                    categories != null ? "names" : x.Scale == AxisScale.Log ? "log" : "linear",
                    categories != null ? categories[0] : NumberText.Significant(x.Min / x.Unit.Factor, 4),
                    categories != null ? categories[categories.Count - 1] : NumberText.Significant(x.Max / x.Unit.Factor, 4),
                    y.Scale == AxisScale.Log ? "log" : "linear",
                    NumberText.Significant(y.Min / y.Unit.Factor, 4),
                    NumberText.Significant(y.Max / y.Unit.Factor, 4)),
            };
            foreach (var s in request.Series)
            {
                text.Add("Series " + s.Name + ": " + string.Join("; ", s.Points.Select(p => (categories != null ? categories[(int)p.X] : NumberText.Significant(p.X / x.Unit.Factor, 4)) + " → " + NumberText.Significant(p.Y / y.Unit.Factor, 4))) + ".");
            }

            text.AddRange(request.Notes);
            return string.Join(" ", text);
        }
    }
}
