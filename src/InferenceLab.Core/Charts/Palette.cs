namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Series colours and marker shapes. The colours are Okabe and Ito's palette for colour-blind readers (yellow left out:
    /// it vanishes on white); the shapes repeat the distinction for readers who cannot tell colours apart at all.
    /// </summary>
    internal static class Palette
    {
        private static readonly string[] Colours = { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000" };

        public const string Text = "#1a1a1a";

        public const string MutedText = "#555555";

        public const string Axis = "#4d4d4d";

        public const string MajorGrid = "#d9d9d9";

        public const string MinorGrid = "#efefef";

        public const string Leader = "#666666";

        public static string Colour(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];

        public static MarkerShape Shape(int index)
        {
            var shapes = new[] { MarkerShape.Circle, MarkerShape.Square, MarkerShape.Triangle, MarkerShape.Diamond, MarkerShape.InvertedTriangle };
            return shapes[((index % shapes.Length) + shapes.Length) % shapes.Length];
        }
    }
}
