using System.Globalization;
using System.Text;

namespace InferenceLab.Core
{
    /// <summary>
    /// Text from files made safe to print: control characters (a newline in a config key, an ANSI escape in a value) are
    /// written as escapes (<c>\n</c>, <c>\u001B</c>), so a message stays one line and cannot drive the terminal.
    /// </summary>
    internal static class PrintableText
    {
        /// <summary>The text with every control character escaped; the same string when it has none.</summary>
        public static string Of(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            StringBuilder? printable = null;
            for (int i = 0; i < text!.Length; i++)
            {
                char c = text[i];
                if (!char.IsControl(c))
                {
                    printable?.Append(c);
                    continue;
                }

                printable = printable ?? new StringBuilder(text, 0, i, text.Length + 8);
                printable.Append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            return printable?.ToString() ?? text;
        }

        /// <summary>True when the text holds a control character.</summary>
        public static bool HasControl(string text)
        {
            foreach (char c in text)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
