using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace InferenceLab.Core.Tests.Charts
{
    /// <summary>
    /// Reads a rendered chart back as XML, the way a reviewer would check it: the plot area, each axis's transform
    /// (recovered from two of its labelled ticks, whose values are in data-value), and the elements by class.
    /// </summary>
    internal sealed class SvgChartDocument
    {
        public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        public SvgChartDocument(string svg)
        {
            Text = svg;
            Document = XDocument.Parse(svg);
            Assert.Equal(Svg + "svg", Document.Root!.Name);
        }

        public string Text { get; }

        public XDocument Document { get; }

        public XElement Root => Document.Root!;

        public IEnumerable<XElement> WithClass(string cssClass) =>
            Document.Descendants().Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass));

        public (double X, double Y, double Width, double Height) PlotArea
        {
            get
            {
                var rect = WithClass("plot-area").Single();
                return (D(rect, "x"), D(rect, "y"), D(rect, "width"), D(rect, "height"));
            }
        }

        /// <summary>Labelled ticks of an axis (x-axis or y-axis): value in base units, pixel position, label.</summary>
        public IReadOnlyList<(double Value, double Position, string Label)> Ticks(string axis)
        {
            bool horizontal = axis == "x-axis";
            return WithClass(axis).Single().Elements(Svg + "g").Where(g => (string)g.Attribute("class")! == "tick").Select(g =>
            {
                var line = g.Element(Svg + "line")!;
                return (double.Parse((string)g.Attribute("data-value")!, CultureInfo.InvariantCulture), horizontal ? D(line, "x1") : D(line, "y1"), g.Element(Svg + "text")!.Value);
            }).ToList();
        }

        public bool IsLog(string axis) => (string)WithClass(axis).Single().Attribute("data-scale")! == "log";

        /// <summary>The pixel of <paramref name="value"/> on an axis, from the first and last labelled ticks.</summary>
        public double Map(string axis, double value)
        {
            var ticks = Ticks(axis);
            var (a, b) = (ticks.First(), ticks.Last());
            double t = IsLog(axis)
                ? (Math.Log10(value) - Math.Log10(a.Value)) / (Math.Log10(b.Value) - Math.Log10(a.Value))
                : (value - a.Value) / (b.Value - a.Value);
            return a.Position + (t * (b.Position - a.Position));
        }

        /// <summary>The value at pixel <paramref name="position"/> of an axis.</summary>
        public double Invert(string axis, double position)
        {
            var ticks = Ticks(axis);
            var (a, b) = (ticks.First(), ticks.Last());
            double t = (position - a.Position) / (b.Position - a.Position);
            return IsLog(axis)
                ? Math.Pow(10, Math.Log10(a.Value) + (t * (Math.Log10(b.Value) - Math.Log10(a.Value))))
                : a.Value + (t * (b.Value - a.Value));
        }

        /// <summary>The white boxes behind labels of a class: what must not overlap.</summary>
        public IReadOnlyList<(string Text, double X, double Y, double Width, double Height)> LabelBoxes(string cssClass) =>
            WithClass(cssClass).Select(g =>
            {
                var rect = g.Element(Svg + "rect")!;
                return (g.Element(Svg + "text")!.Value, D(rect, "x"), D(rect, "y"), D(rect, "width"), D(rect, "height"));
            }).ToList();

        public static double D(XElement element, string attribute) =>
            double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

        public static bool Overlap((string Text, double X, double Y, double Width, double Height) a, (string Text, double X, double Y, double Width, double Height) b) =>
            a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
    }
}
