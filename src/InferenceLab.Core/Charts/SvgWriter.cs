using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Writes SVG elements through <see cref="XmlWriter"/>, so text is escaped and the document is well-formed by
    /// construction. Numbers are written in the invariant culture with at most two decimals.
    /// </summary>
    internal sealed class SvgWriter : IDisposable
    {
        public const string Namespace = "http://www.w3.org/2000/svg";

        private readonly XmlWriter xml;

        public SvgWriter(Stream stream)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                CloseOutput = false,
            };
            xml = XmlWriter.Create(stream, settings);
        }

        /// <summary>Opens the root &lt;svg&gt; with its size, view box, title and description for screen readers.</summary>
        public void StartDocument(double width, double height, string title, string description)
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("svg", Namespace);
            Attribute("version", "1.1");
            Attribute("width", NumberText.Coordinate(width));
            Attribute("height", NumberText.Coordinate(height));
            Attribute("viewBox", "0 0 " + NumberText.Coordinate(width) + " " + NumberText.Coordinate(height));
            Attribute("role", "img");
            Attribute("aria-labelledby", "chart-title chart-desc");
            Attribute("font-family", TextMetrics.FontFamily);
            xml.WriteStartElement("title", Namespace);
            Attribute("id", "chart-title");
            xml.WriteString(XmlText(title));
            xml.WriteEndElement();
            xml.WriteStartElement("desc", Namespace);
            Attribute("id", "chart-desc");
            xml.WriteString(XmlText(description));
            xml.WriteEndElement();
        }

        public void EndDocument()
        {
            xml.WriteEndElement();
            xml.WriteEndDocument();
            xml.Flush();
        }

        /// <summary>Opens a &lt;g&gt; with the given attributes (name, value pairs; null values are skipped).</summary>
        public void StartGroup(params string?[] attributes)
        {
            xml.WriteStartElement("g", Namespace);
            Attributes(attributes);
        }

        public void EndGroup() => xml.WriteEndElement();

        /// <summary>Opens any element (defs, clipPath) with the given attributes.</summary>
        public void Start(string element, params string?[] attributes)
        {
            xml.WriteStartElement(element, Namespace);
            Attributes(attributes);
        }

        /// <summary>Closes the element opened last.</summary>
        public void End() => xml.WriteEndElement();

        /// <summary>A &lt;title&gt; child: the tooltip browsers show and screen readers read for the enclosing group.</summary>
        public void Tooltip(string text)
        {
            xml.WriteStartElement("title", Namespace);
            xml.WriteString(XmlText(text));
            xml.WriteEndElement();
        }

        public void Rect(Box box, params string?[] attributes)
        {
            xml.WriteStartElement("rect", Namespace);
            Attribute("x", NumberText.Coordinate(box.X));
            Attribute("y", NumberText.Coordinate(box.Y));
            Attribute("width", NumberText.Coordinate(box.Width));
            Attribute("height", NumberText.Coordinate(box.Height));
            Attributes(attributes);
            xml.WriteEndElement();
        }

        public void Line(double x1, double y1, double x2, double y2, params string?[] attributes)
        {
            xml.WriteStartElement("line", Namespace);
            Attribute("x1", NumberText.Coordinate(x1));
            Attribute("y1", NumberText.Coordinate(y1));
            Attribute("x2", NumberText.Coordinate(x2));
            Attribute("y2", NumberText.Coordinate(y2));
            Attributes(attributes);
            xml.WriteEndElement();
        }

        public void Circle(double cx, double cy, double r, params string?[] attributes)
        {
            xml.WriteStartElement("circle", Namespace);
            Attribute("cx", NumberText.Coordinate(cx));
            Attribute("cy", NumberText.Coordinate(cy));
            Attribute("r", NumberText.Coordinate(r));
            Attributes(attributes);
            xml.WriteEndElement();
        }

        public void Polyline(IEnumerable<(double X, double Y)> points, params string?[] attributes)
        {
            var text = new StringBuilder();
            foreach (var (x, y) in points)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(NumberText.Coordinate(x)).Append(',').Append(NumberText.Coordinate(y));
            }

            xml.WriteStartElement("polyline", Namespace);
            Attribute("points", text.ToString());
            Attribute("fill", "none");
            Attributes(attributes);
            xml.WriteEndElement();
        }

        public void Path(string data, params string?[] attributes)
        {
            xml.WriteStartElement("path", Namespace);
            Attribute("d", data);
            Attributes(attributes);
            xml.WriteEndElement();
        }

        /// <summary>One line of text; <paramref name="anchor"/> is start, middle or end; y is the baseline.</summary>
        public void Text(double x, double y, string text, double fontSize, string anchor, params string?[] attributes)
        {
            xml.WriteStartElement("text", Namespace);
            Attribute("x", NumberText.Coordinate(x));
            Attribute("y", NumberText.Coordinate(y));
            Attribute("font-size", NumberText.Coordinate(fontSize));
            if (anchor != "start")
            {
                Attribute("text-anchor", anchor);
            }

            Attributes(attributes);
            xml.WriteString(XmlText(text));
            xml.WriteEndElement();
        }

        /// <summary>A marker of <paramref name="shape"/> centred on (x, y) with half-size <paramref name="r"/>.</summary>
        public void Marker(MarkerShape shape, double x, double y, double r, params string?[] attributes)
        {
            switch (shape)
            {
                case MarkerShape.Circle:
                    Circle(x, y, r, attributes);
                    break;
                case MarkerShape.Square:
                    Rect(Box.Around(x, y, r * 0.9), attributes);
                    break;
                case MarkerShape.Triangle:
                    Path(Polygon((x, y - (r * 1.15)), (x + r, y + (r * 0.75)), (x - r, y + (r * 0.75))), attributes);
                    break;
                case MarkerShape.InvertedTriangle:
                    Path(Polygon((x, y + (r * 1.15)), (x + r, y - (r * 0.75)), (x - r, y - (r * 0.75))), attributes);
                    break;
                default:
                    Path(Polygon((x, y - (r * 1.2)), (x + (r * 1.2), y), (x, y + (r * 1.2)), (x - (r * 1.2), y)), attributes);
                    break;
            }
        }

        public void Dispose() => xml.Dispose();

        private static string Polygon(params (double X, double Y)[] corners)
        {
            var text = new StringBuilder();
            for (int i = 0; i < corners.Length; i++)
            {
                text.Append(i == 0 ? "M" : " L").Append(NumberText.Coordinate(corners[i].X)).Append(',').Append(NumberText.Coordinate(corners[i].Y));
            }

            return text.Append(" Z").ToString();
        }

        private void Attributes(string?[] attributes)
        {
            if (attributes.Length % 2 != 0)
            {
                throw new ArgumentException("Attributes come in name, value pairs.", nameof(attributes));
            }

            for (int i = 0; i < attributes.Length; i += 2)
            {
                if (attributes[i + 1] != null)
                {
                    Attribute(attributes[i]!, attributes[i + 1]!);
                }
            }
        }

        private void Attribute(string name, string value) => xml.WriteAttributeString(name, XmlText(value));

        /// <summary>
        /// The text with every character XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE) replaced by U+FFFD.
        /// Names and titles come from user catalogs and piped records; the XML writer throws on such characters.
        /// </summary>
        internal static string XmlText(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            StringBuilder? clean = null;
            for (int i = 0; i < text!.Length; i++)
            {
                char c = text[i];
                bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (pair)
                {
                    clean?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (XmlConvert.IsXmlChar(c))
                {
                    clean?.Append(c);
                    continue;
                }

                clean = clean ?? new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }

            return clean?.ToString() ?? text;
        }
    }
}
