using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Reads a request trace: CSV with three columns per line — arrival seconds, prompt tokens, output tokens — an optional
    /// header line, blank lines and <c>#</c> comments ignored. Invariant culture: the decimal separator is a point.
    /// Errors are <see cref="CatalogDataException"/>s naming the file and line.
    /// </summary>
    public static class TraceReader
    {
        /// <summary>Largest trace file read: 1 GiB.</summary>
        public const long MaxFileBytes = 1L << 30;

        /// <summary>Reads a trace file.</summary>
        /// <exception cref="CatalogDataException">The file is missing, unreadable, too large, empty or malformed.</exception>
        public static IReadOnlyList<TraceEntry> Read(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new InvalidInputException("TracePathMissing", "TracePath", "TracePath must name a CSV file.");
            }

            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new CatalogDataException("TraceFileNotFound", path, 0, 0, null, "The trace file does not exist.", ErrorKind.ReadError);
                }

                if (info.Length > MaxFileBytes)
                {
                    throw new CatalogDataException("TraceFileTooLarge", path, 0, 0, null, string.Format(CultureInfo.InvariantCulture, "The trace file has {0} bytes; at most {1} are read.", info.Length, MaxFileBytes), ErrorKind.ReadError);
                }

                using (var reader = new StreamReader(path))
                {
                    return Parse(reader, path);
                }
            }
            catch (IOException error)
            {
                throw new CatalogDataException("TraceFileUnreadable", path, 0, 0, null, "The trace file cannot be read: " + error.Message, ErrorKind.ReadError, error);
            }
            catch (UnauthorizedAccessException error)
            {
                throw new CatalogDataException("TraceFileUnreadable", path, 0, 0, null, "The trace file cannot be read: " + error.Message, ErrorKind.ReadError, error);
            }
        }

        /// <summary>Reads a trace from text; <paramref name="fileName"/> names it in errors.</summary>
        /// <exception cref="CatalogDataException">No entries, or a line that is not three valid fields.</exception>
        public static IReadOnlyList<TraceEntry> Parse(TextReader reader, string fileName)
        {
            var entries = new List<TraceEntry>();
            long lineNumber = 0;
            bool seenContent = false;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                string[] fields = trimmed.Split(',');
                if (fields.Length != 3)
                {
                    throw Malformed(fileName, lineNumber, null, string.Format(CultureInfo.InvariantCulture, "Expected 3 comma-separated fields (arrival seconds, prompt tokens, output tokens); found {0}.", fields.Length));
                }

                bool firstContent = !seenContent;
                seenContent = true;
                string arrivalText = fields[0].Trim();
                if (firstContent && !double.TryParse(arrivalText, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    // A header line: its first field is not a number.
                    continue;
                }

                double arrival = ParseArrival(arrivalText, fileName, lineNumber);
                int input = ParseTokens(fields[1].Trim(), fileName, lineNumber, "prompt tokens");
                int output = ParseTokens(fields[2].Trim(), fileName, lineNumber, "output tokens");
                entries.Add(new TraceEntry(arrival, input, output, lineNumber));
            }

            if (entries.Count == 0)
            {
                throw Malformed(fileName, 0, null, "The trace holds no requests: each line needs arrival seconds, prompt tokens and output tokens.");
            }

            return entries;
        }

        private static double ParseArrival(string text, string file, long line)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= 0 && value <= TraceEntry.MaxArrivalSeconds))
            {
                throw Malformed(file, line, "arrival seconds", string.Format(CultureInfo.InvariantCulture, "'{0}' is not an arrival time: give seconds from 0 to {1}, with a point as the decimal separator.", text, TraceEntry.MaxArrivalSeconds));
            }

            return value;
        }

        private static int ParseTokens(string text, string file, long line, string field)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                throw Malformed(file, line, field, string.Format(CultureInfo.InvariantCulture, "'{0}' is not a token count: give a whole number of at least 1.", text));
            }

            return value;
        }

        private static CatalogDataException Malformed(string file, long line, string? field, string problem) =>
            new CatalogDataException("TraceMalformed", file, line, 0, field, problem);
    }
}
