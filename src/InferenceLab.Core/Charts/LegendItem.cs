namespace InferenceLab.Core.Charts
{
    /// <summary>One row of a chart's legend: a swatch (line, marker, or both) and its text, a heading, or a numbered key entry.</summary>
    internal sealed class LegendItem
    {
        private LegendItem(string text)
        {
            Text = text;
        }

        public string Text { get; }

        public string Colour { get; private set; } = Palette.Text;

        /// <summary>Stroke dash pattern of a line swatch; null for solid.</summary>
        public string? Dash { get; private set; }

        /// <summary>Stroke width of a line swatch; 0 for no line.</summary>
        public double LineWidth { get; private set; }

        /// <summary>True to draw the line swatch rising, like a memory ceiling.</summary>
        public bool Rising { get; private set; }

        public MarkerShape? Shape { get; private set; }

        /// <summary>True for an open (white-filled) marker, like the ridge point.</summary>
        public bool OpenMarker { get; private set; }

        public bool IsHeading { get; private set; }

        /// <summary>The number of a key entry (a label moved into the legend), else null.</summary>
        public string? Number { get; private set; }

        public static LegendItem Line(string text, string colour, double width, string? dash = null, bool rising = false) =>
            new LegendItem(text) { Colour = colour, LineWidth = width, Dash = dash, Rising = rising };

        public static LegendItem Marker(string text, string colour, MarkerShape shape, bool open = false) =>
            new LegendItem(text) { Colour = colour, Shape = shape, OpenMarker = open };

        public static LegendItem LineAndMarker(string text, string colour, double width, MarkerShape shape) =>
            new LegendItem(text) { Colour = colour, LineWidth = width, Shape = shape };

        public static LegendItem Heading(string text) => new LegendItem(text) { IsHeading = true };

        public static LegendItem Key(string number, string text) => new LegendItem(text) { Number = number };
    }
}
