using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// Prints results as RFC 4180 CSV: a header of the result type's property names, then one record per object, in base
    /// units and the invariant culture. Booleans print as True/False and enums by name, as <c>Export-Csv</c> writes them;
    /// a list of scalars joins its items with <c>;</c>; a nested object or list of objects is its compact JSON.
    /// </summary>
    internal sealed class CsvResultWriter : IResultWriter
    {
        private readonly TextWriter output;
        private IReadOnlyList<PropertyInfo>? columns;

        /// <summary>Creates the writer; the header is printed with the first record.</summary>
        public CsvResultWriter(TextWriter output)
        {
            this.output = output;
        }

        /// <inheritdoc />
        public void Write(object result)
        {
            if (columns == null)
            {
                columns = ResultProperties.Of(result.GetType());
                WriteRecord(columns.Select(p => p.Name));
            }

            WriteRecord(columns.Select(p => Cell(p.GetValue(result))));
        }

        /// <inheritdoc />
        public void Complete() => output.Flush();

        /// <summary>The text of one cell, before quoting.</summary>
        public static string Cell(object? value)
        {
            switch (value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case bool flag:
                    return flag ? "True" : "False";
                case Enum named:
                    return named.ToString();
                case double real:
                    return real.ToString("R", CultureInfo.InvariantCulture);
                case IFormattable number when value.GetType().IsPrimitive:
                    return number.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable items when items.Cast<object?>().All(i => i != null && ResultProperties.IsScalar(i)):
                    return string.Join(";", items.Cast<object>().Select(Cell));
                default:
                    return CompactJson(value);
            }
        }

        /// <summary>Quotes a cell when it holds a comma, quote, CR or LF, doubling inner quotes (RFC 4180 §2.6–2.7).</summary>
        public static string Quote(string cell) =>
            cell.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

        private static string CompactJson(object value)
        {
            using (var buffer = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    JsonValues.Write(json, value);
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private void WriteRecord(IEnumerable<string> cells)
        {
            // RFC 4180 ends records with CRLF on every platform.
            output.Write(string.Join(",", cells.Select(Quote)));
            output.Write("\r\n");
        }
    }
}
