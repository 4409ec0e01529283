using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>Reads an RFC 4180 CSV file (quoted fields may hold commas, quotes and line breaks) into rows keyed by header.</summary>
    internal static class CsvTable
    {
        public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
        {
            var records = Parse(File.ReadAllText(path, Encoding.UTF8));
            var header = records[0];
            var rows = new List<IReadOnlyDictionary<string, string>>();
            for (int r = 1; r < records.Count; r++)
            {
                if (records[r].Count == 1 && records[r][0].Length == 0)
                {
                    continue;
                }

                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int c = 0; c < header.Count; c++)
                {
                    row[header[c]] = c < records[r].Count ? records[r][c] : string.Empty;
                }

                rows.Add(row);
            }

            return rows;
        }

        private static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = new List<string>();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                records.Add(record);
            }

            return records;
        }
    }
}
