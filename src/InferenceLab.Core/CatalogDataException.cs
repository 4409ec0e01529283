using System;
using System.Globalization;
using System.Text;

namespace InferenceLab.Core
{
    /// <summary>
    /// A catalog YAML or config.json file that cannot be used: malformed, partial, unsupported, too large or
    /// unreadable. The message names the file, line, column and field where they are known.
    /// </summary>
    public sealed class CatalogDataException : InferenceLabException
    {
        /// <summary>Creates the error; the message is composed from the location and the problem.</summary>
        /// <param name="errorId">Stable identifier, e.g. <c>ConfigFieldMissing</c>.</param>
        /// <param name="file">The file path, or a description such as <c>built-in models.yaml</c>.</param>
        /// <param name="line">1-based line, or 0 when unknown.</param>
        /// <param name="column">1-based column, or 0 when unknown.</param>
        /// <param name="field">The field at fault, or null.</param>
        /// <param name="problem">What is wrong, as a sentence.</param>
        /// <param name="kind">InvalidData for bad content, ReadError for a file that cannot be read.</param>
        /// <param name="inner">The parser's exception, if any.</param>
        public CatalogDataException(string errorId, string file, long line, long column, string? field, string problem, ErrorKind kind = ErrorKind.InvalidData, Exception? inner = null)
            : base(errorId, kind, field, Compose(file, line, column, field, problem), inner)
        {
            File = file;
            Line = line;
            Column = column;
            Problem = problem;
        }

        /// <summary>The file at fault.</summary>
        public string File { get; }

        /// <summary>1-based line of the problem, or 0 when unknown.</summary>
        public long Line { get; }

        /// <summary>1-based column of the problem, or 0 when unknown.</summary>
        public long Column { get; }

        /// <summary>The problem without the location.</summary>
        public string Problem { get; }

        private static string Compose(string file, long line, long column, string? field, string problem)
        {
            var text = new StringBuilder(file);
            if (line > 0)
            {
                text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
                if (column > 0)
                {
                    text.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (!string.IsNullOrEmpty(field))
            {
                text.Append(" (field '").Append(field).Append("')");
            }

            return text.Append(": ").Append(problem).ToString();
        }
    }
}
