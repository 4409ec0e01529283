using System;
using System.Collections.Generic;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// The parts every chart shares: background, title and subtitle, grid, axes with ticks and titles, and footnotes.
    /// Positions are fixed by the renderer's layout before anything is written.
    /// </summary>
    internal static class ChartFrame
    {
        public const double TitleFontSize = 18;
        public const double SubtitleFontSize = 12;
        public const double AxisTitleFontSize = 13;
        public const double NoteFontSize = 11;
        public const double NoteLineHeight = 14;
        public const double Margin = 14;

        /// <summary>Top of the plot area below the title and the subtitle's lines.</summary>
        public static double PlotTop(int subtitleLines) => 44 + (subtitleLines * 16) + 16;

        /// <summary>Space under the plot for x tick labels and the x title.</summary>
        public const double BelowPlot = 52;

        /// <summary>Left edge of the plot: room for the rotated y title and the widest y tick label.</summary>
        public static double PlotLeft(double widestTickLabel) => Margin + AxisTitleFontSize + 12 + widestTickLabel + 8;

        public static void Background(SvgWriter svg, double width, double height) =>
            svg.Rect(new Box(0, 0, width, height), "fill", "#ffffff");

        public static void Titles(SvgWriter svg, double width, string title, IReadOnlyList<string> subtitleLines)
        {
            svg.Text(width / 2, 30, title, TitleFontSize, "middle", "class", "chart-title", "font-weight", "bold", "fill", Palette.Text);
            for (int i = 0; i < subtitleLines.Count; i++)
            {
                svg.Text(width / 2, 50 + (i * 16), subtitleLines[i], SubtitleFontSize, "middle", "class", "chart-subtitle", "fill", Palette.MutedText);
            }
        }

        public static void ClipPath(SvgWriter svg, string id, Box plot)
        {
            svg.Start("defs");
            svg.Start("clipPath", "id", id);
            svg.Rect(plot);
            svg.End();
            svg.End();
        }

        /// <summary>Grid lines: light ones at unlabelled ticks, darker at labelled ones.</summary>
        public static void Grid(SvgWriter svg, Box plot, Axis x, Axis y)
        {
            svg.StartGroup("class", "grid", "stroke-width", "1");
            foreach (var pass in new[] { false, true })
            {
                foreach (var tick in x.Ticks)
                {
                    if (tick.IsLabelled == pass && Inside(tick.Position, plot.X, plot.Right))
                    {
                        svg.Line(tick.Position, plot.Y, tick.Position, plot.Bottom, "stroke", pass ? Palette.MajorGrid : Palette.MinorGrid);
                    }
                }

                foreach (var tick in y.Ticks)
                {
                    if (tick.IsLabelled == pass && Inside(tick.Position, plot.Y, plot.Bottom))
                    {
                        svg.Line(plot.X, tick.Position, plot.Right, tick.Position, "stroke", pass ? Palette.MajorGrid : Palette.MinorGrid);
                    }
                }
            }

            svg.EndGroup();
        }

        /// <summary>The plot frame, tick marks, tick labels and axis titles. Each labelled tick carries its value in base units as data-value.</summary>
        public static void Axes(SvgWriter svg, Box plot, Axis x, Axis y)
        {
            svg.Rect(plot, "class", "plot-area", "fill", "none", "stroke", Palette.Axis, "stroke-width", "1");
            svg.StartGroup("class", "x-axis", "data-scale", x.Scale == AxisScale.Log ? "log" : "linear", "fill", Palette.Text);
            foreach (var tick in x.Ticks)
            {
                svg.StartGroup("class", tick.IsLabelled ? "tick" : "minor-tick", "data-value", Value(tick.Value));
                svg.Line(tick.Position, plot.Bottom, tick.Position, plot.Bottom + (tick.IsLabelled ? 5 : 3), "stroke", Palette.Axis);
                if (tick.IsLabelled && x.SlantedLabels)
                {
                    double ty = plot.Bottom + 14;
                    svg.Text(tick.Position + 4, ty, tick.Label, Axis.TickFontSize, "end", "transform", "rotate(-" + NumberText.Coordinate(Axis.SlantDegrees) + " " + NumberText.Coordinate(tick.Position + 4) + " " + NumberText.Coordinate(ty) + ")");
                }
                else if (tick.IsLabelled)
                {
                    svg.Text(tick.Position, plot.Bottom + 18, tick.Label, Axis.TickFontSize, "middle");
                }

                svg.EndGroup();
            }

            svg.Text(plot.X + (plot.Width / 2), plot.Bottom + 40 + x.ExtraBelow, x.Title, AxisTitleFontSize, "middle", "class", "axis-title");
            svg.EndGroup();

            svg.StartGroup("class", "y-axis", "data-scale", y.Scale == AxisScale.Log ? "log" : "linear", "fill", Palette.Text);
            foreach (var tick in y.Ticks)
            {
                svg.StartGroup("class", tick.IsLabelled ? "tick" : "minor-tick", "data-value", Value(tick.Value));
                svg.Line(plot.X - (tick.IsLabelled ? 5 : 3), tick.Position, plot.X, tick.Position, "stroke", Palette.Axis);
                if (tick.IsLabelled)
                {
                    svg.Text(plot.X - 8, tick.Position + (0.35 * Axis.TickFontSize), tick.Label, Axis.TickFontSize, "end");
                }

                svg.EndGroup();
            }

            double titleX = Margin + AxisTitleFontSize;
            double titleY = plot.Y + (plot.Height / 2);
            svg.Text(titleX, titleY, y.Title, AxisTitleFontSize, "middle", "class", "axis-title", "transform", "rotate(-90 " + NumberText.Coordinate(titleX) + " " + NumberText.Coordinate(titleY) + ")");
            svg.EndGroup();
        }

        /// <summary>Footnote lines from <paramref name="top"/> down.</summary>
        public static void Notes(SvgWriter svg, double x, double top, IReadOnlyList<string> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }

            svg.StartGroup("class", "notes", "fill", Palette.MutedText);
            for (int i = 0; i < lines.Count; i++)
            {
                svg.Text(x, top + (i * NoteLineHeight), lines[i], NoteFontSize, "start");
            }

            svg.EndGroup();
        }

        /// <summary>A value in base units for data-value attributes: round-trip precision, invariant culture.</summary>
        public static string Value(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The lines of <paramref name="notes"/> wrapped to <paramref name="width"/>.</summary>
        public static IReadOnlyList<string> WrapAll(IEnumerable<string> notes, double fontSize, double width)
        {
            var lines = new List<string>();
            foreach (var note in notes)
            {
                lines.AddRange(TextMetrics.Wrap(note, fontSize, width));
            }

            return lines;
        }

        private static bool Inside(double position, double a, double b) => position >= Math.Min(a, b) - 0.01 && position <= Math.Max(a, b) + 0.01;
    }
}
