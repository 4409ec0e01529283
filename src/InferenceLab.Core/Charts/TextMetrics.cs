namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Estimates how wide a line of text renders, without font files. The charts name Arial, Helvetica and Liberation
    /// Sans, which share one set of advance widths (Liberation Sans is metric-compatible with Arial by design); the
    /// widths below are Arial's, with 6% to spare for Helvetica's small differences and for renderers' hinting, so a box
    /// sized from them holds the text.
    /// </summary>
    internal static class TextMetrics
    {
        /// <summary>The font stack every chart's text uses: metric-compatible faces first.</summary>
        public const string FontFamily = "Arial, Helvetica, 'Liberation Sans', sans-serif";

        private const double Spare = 1.06;

        // Arial's advance widths, 1/1000 em, for the printable ASCII characters from space (32) to tilde (126).
        private static readonly int[] Ascii = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };

        /// <summary>Width of <paramref name="text"/> in pixels at <paramref name="fontSize"/>.</summary>
        public static double Width(string text, double fontSize, bool bold = false)
        {
            double em = 0;
            foreach (char c in text)
            {
                em += Advance(c);
            }

            return em / 1000 * fontSize * Spare * (bold ? 1.08 : 1.0);
        }

        /// <summary>Breaks <paramref name="text"/> at spaces into lines no wider than <paramref name="maxWidth"/> (a single word wider than that keeps its own line).</summary>
        public static System.Collections.Generic.IReadOnlyList<string> Wrap(string text, double fontSize, double maxWidth)
        {
            var lines = new System.Collections.Generic.List<string>();
            string current = string.Empty;
            foreach (var word in text.Split(' '))
            {
                string candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Width(candidate, fontSize) > maxWidth)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        /// <summary>Line height of one line of text: ascent plus descent with a little leading.</summary>
        public static double Height(double fontSize) => fontSize * 1.2;

        private static double Advance(char c)
        {
            if (c >= ' ' && c <= '~')
            {
                return Ascii[c - ' '];
            }

            switch (c)
            {
                case '·':
                    return 278;
                case '×':
                    return 584;
                case '—':
                case '…':
                    return 1000;
                case '–':
                    return 556;
                default:
                    // Other letters (µ, accented Latin) are about as wide as a lower-case letter; wide scripts are not expected.
                    return 600;
            }
        }
    }
}
