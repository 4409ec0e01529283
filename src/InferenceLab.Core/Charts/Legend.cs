using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>The legend panel at a chart's right: measures its rows (wrapping long ones) and draws them.</summary>
    internal sealed class Legend
    {
        public const double FontSize = 12;

        private const double Padding = 10;
        private const double SwatchWidth = 26;
        private const double RowHeight = 18;
        private const double KeyFontSize = 11;

        private readonly List<(LegendItem Item, IReadOnlyList<string> Lines)> rows = new List<(LegendItem, IReadOnlyList<string>)>();

        public Legend(IEnumerable<LegendItem> items, double maxWidth)
        {
            var list = items.ToList();
            double widest = list.Select(i => Indent(i) + TextMetrics.Width(i.Text, i.IsHeading ? FontSize : FontSizeOf(i), i.IsHeading)).DefaultIfEmpty(60).Max();
            Width = Math.Min(maxWidth, widest + (2 * Padding) + 4);
            double textWidth = Width - (2 * Padding);
            double height = Padding;
            foreach (var item in list)
            {
                var lines = TextMetrics.Wrap(item.Text, FontSizeOf(item), textWidth - Indent(item));
                rows.Add((item, lines));
                height += (RowHeight * (lines.Count - 1)) + RowHeight + (item.IsHeading && rows.Count > 1 ? 6 : 0);
            }

            Height = height + Padding - 4;
        }

        public double Width { get; }

        public double Height { get; }

        /// <summary>Width a legend needs for these rows, before capping.</summary>
        public static double NaturalWidth(IEnumerable<LegendItem> items) =>
            items.Select(i => Indent(i) + TextMetrics.Width(i.Text, FontSizeOf(i), i.IsHeading)).DefaultIfEmpty(60).Max() + (2 * Padding) + 4;

        public void Draw(SvgWriter svg, double x, double y)
        {
            svg.StartGroup("class", "legend");
            svg.Rect(new Box(x, y, Width, Height), "fill", "#ffffff", "stroke", "#cccccc", "stroke-width", "1", "rx", "3");
            double top = y + Padding;
            bool first = true;
            foreach (var (item, lines) in rows)
            {
                if (item.IsHeading && !first)
                {
                    top += 6;
                }

                first = false;
                double middle = top + (RowHeight / 2);
                double textX = x + Padding + Indent(item);
                if (item.IsHeading)
                {
                    svg.Text(x + Padding, middle + (0.35 * FontSize), item.Text, FontSize, "start", "font-weight", "bold", "fill", Palette.Text);
                }
                else if (item.Number != null)
                {
                    svg.StartGroup("class", "key-entry", "data-number", item.Number);
                    svg.Text(x + Padding, middle + (0.35 * KeyFontSize), item.Number, KeyFontSize, "start", "font-weight", "bold", "fill", Palette.Text);
                    DrawLines(svg, textX, middle, lines, KeyFontSize);
                    svg.EndGroup();
                }
                else
                {
                    DrawSwatch(svg, item, x + Padding, middle);
                    DrawLines(svg, textX, middle, lines, FontSize);
                }

                top += RowHeight * lines.Count;
            }

            svg.EndGroup();
        }

        private static double FontSizeOf(LegendItem item) => item.Number != null ? KeyFontSize : FontSize;

        private static double Indent(LegendItem item) => item.IsHeading ? 0 : item.Number != null ? 22 : SwatchWidth + 8;

        private static void DrawLines(SvgWriter svg, double x, double middle, IReadOnlyList<string> lines, double fontSize)
        {
            for (int i = 0; i < lines.Count; i++)
            {
                svg.Text(x, middle + (0.35 * fontSize) + (i * RowHeight), lines[i], fontSize, "start", "fill", Palette.Text);
            }
        }

        private static void DrawSwatch(SvgWriter svg, LegendItem item, double x, double middle)
        {
            if (item.LineWidth > 0)
            {
                if (item.Rising)
                {
                    svg.Line(x + 4, middle + 6, x + SwatchWidth - 4, middle - 6, "stroke", item.Colour, "stroke-width", NumberText.Coordinate(item.LineWidth), "stroke-dasharray", item.Dash);
                }
                else
                {
                    svg.Line(x, middle, x + SwatchWidth, middle, "stroke", item.Colour, "stroke-width", NumberText.Coordinate(item.LineWidth), "stroke-dasharray", item.Dash);
                }
            }

            if (item.Shape.HasValue)
            {
                svg.Marker(item.Shape.Value, x + (SwatchWidth / 2), middle, 4.5, "fill", item.OpenMarker ? "#ffffff" : item.Colour, "stroke", item.OpenMarker ? item.Colour : "#ffffff", "stroke-width", item.OpenMarker ? "1.8" : "1");
            }
        }
    }
}
