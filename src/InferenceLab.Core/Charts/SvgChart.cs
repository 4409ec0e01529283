using System.IO;
using System.Text;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Renders chart requests as self-contained SVG (no scripts, no external fonts or styles), written with
    /// <see cref="System.Xml.XmlWriter"/>. The root carries a &lt;title&gt; and a &lt;desc&gt; with the figures for screen readers.
    /// </summary>
    public static class SvgChart
    {
        /// <summary>Default width, px.</summary>
        public const int DefaultWidth = 960;

        /// <summary>Default height, px.</summary>
        public const int DefaultHeight = 600;

        /// <summary>The SVG text of a roofline chart.</summary>
        public static string Render(RooflineChartRequest request)
        {
            using (var stream = new MemoryStream())
            {
                Write(request, stream);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>The SVG text of a line chart.</summary>
        public static string Render(LineChartRequest request)
        {
            using (var stream = new MemoryStream())
            {
                Write(request, stream);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>Writes a roofline chart as UTF-8 SVG to <paramref name="stream"/> (left open).</summary>
        public static void Write(RooflineChartRequest request, Stream stream) =>
            RooflineRenderer.Render(Checked(request), stream);

        /// <summary>Writes a line chart as UTF-8 SVG to <paramref name="stream"/> (left open).</summary>
        public static void Write(LineChartRequest request, Stream stream) =>
            LineChartRenderer.Render(Checked(request), stream);

        /// <summary>Renders a roofline chart in memory, then writes the file whole (no half-written file on an error), replacing any file there.</summary>
        /// <exception cref="IOException">The file cannot be written.</exception>
        public static void WriteFile(RooflineChartRequest request, string path) => File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Render(request)));

        /// <summary>Renders a line chart in memory, then writes the file whole, replacing any file there.</summary>
        /// <exception cref="IOException">The file cannot be written.</exception>
        public static void WriteFile(LineChartRequest request, string path) => File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Render(request)));

        private static T Checked<T>(T request)
            where T : class
        {
            ChartChecks.Require(request != null, "ChartRequestNull", "Request", "A chart request must not be null.");
            return request!;
        }
    }
}
