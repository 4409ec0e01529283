using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// Prints results as aligned columns with a header and a rule, like PowerShell's Format-Table. Buffers the rows to
    /// size the columns; prints nothing when there are no results.
    /// </summary>
    internal sealed class TableResultWriter : IResultWriter
    {
        private const string Gap = "  ";
        private readonly TextWriter output;
        private readonly List<string[]> rows = new List<string[]>();
        private IReadOnlyList<TableColumn>? columns;

        /// <summary>Creates the writer.</summary>
        public TableResultWriter(TextWriter output)
        {
            this.output = output;
        }

        /// <inheritdoc />
        public void Write(object result)
        {
            columns ??= TableLayouts.For(result.GetType());
            rows.Add(columns.Select(c => c.Cell(result)).ToArray());
        }

        /// <inheritdoc />
        public void Complete()
        {
            if (columns != null)
            {
                var widths = columns.Select((c, i) => Math.Max(c.Header.Length, rows.Max(r => r[i].Length))).ToArray();
                WriteLine(columns.Select(c => c.Header).ToArray(), widths);
                WriteLine(columns.Select(c => new string('-', c.Header.Length)).ToArray(), widths);
                foreach (var row in rows)
                {
                    WriteLine(row, widths);
                }
            }

            output.Flush();
        }

        private void WriteLine(string[] cells, int[] widths)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(Gap);
                }

                line.Append(columns![i].Numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
