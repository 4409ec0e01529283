using System.Collections.Generic;
using System.Text;

namespace InferenceLab.Cli.Tests
{
    /// <summary>An RFC 4180 reader written for the tests, independent of the writer it checks.</summary>
    internal static class CsvReader
    {
        public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
        {
            var records = new List<IReadOnlyList<string>>();
            var record = new List<string>();
            var cell = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        cell.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    record.Add(cell.ToString());
                    cell.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    record.Add(cell.ToString());
                    cell.Clear();
                    records.Add(record);
                    record = new List<string>();
                    i++;
                }
                else
                {
                    cell.Append(c);
                }
            }

            Assert.False(quoted, "An unterminated quoted cell.");
            Assert.True(cell.Length == 0 && record.Count == 0, "The last record does not end with CRLF.");
            return records;
        }
    }
}
