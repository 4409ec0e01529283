using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using InferenceLab.Cli;
using InferenceLab.Cli.Catalog;
using InferenceLab.Cli.Tests;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Issue 10's fuzz of the command line: random argument vectors built from every command's real options, run in
    /// process. Each exits 0, 1 or 2 (never 3, an internal error), prints no stack trace or exception name, and on
    /// success prints only finite, non-negative numbers.
    /// </summary>
    public sealed class CliFuzzTests
    {
        /// <summary>Cases per run in CI (INFERENCELAB_FUZZ_CASES replaces it).</summary>
        public const int DefaultCases = FuzzSettings.CommandLineCases;

        private readonly ITestOutputHelper output;

        public CliFuzzTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Every_argument_vector_exits_0_1_or_2_without_a_stack_trace()
        {
            using var files = new FuzzFiles();
            var root = CliApplication.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, CatalogSource.Open));
            var cases = FuzzSettings.Sample(CliCase.Gen(root, files), FuzzSettings.Cases(DefaultCases), 3);
            var codes = new int[4];
            int run = FuzzRunner.Run(output, "command line", cases, c => codes[Check(c)]++, TimeSpan.FromSeconds(20));
            output.WriteLine($"exit codes: 0 × {codes[0]}, 1 × {codes[1]}, 2 × {codes[2]}");
            Assert.True(run >= FuzzSettings.Cases(DefaultCases));

            // The vectors reach the computations, not only the parser.
            Assert.True(codes[0] * 5 >= run, $"only {codes[0]} of {run} runs succeeded");
        }

        /// <summary>Runs one vector with the built-in catalogs and checks the invariant; returns the exit code.</summary>
        internal static int Check(CliCase c)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = CliApplication.Run(c.Args, stdout, stderr);
            string error = stderr.ToString();
            string text = stdout.ToString();
            Require(code >= 0 && code <= 2, $"exit code {code}; stderr: {error}");
            Require(!error.Contains("   at ", StringComparison.Ordinal), "a stack trace on stderr: " + error);
            Require(!error.Contains("Exception", StringComparison.Ordinal), "an exception's name on stderr: " + error);
            foreach (var line in error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
            {
                Require(line.StartsWith("error: ", StringComparison.Ordinal) || line.StartsWith("warning: ", StringComparison.Ordinal) || line.StartsWith("Run '", StringComparison.Ordinal), "a stderr line that is not an error or warning: " + line);
            }

            Require(code == 0 || error.Length > 0, $"exit {code} without a message");
            Require(!System.Text.RegularExpressions.Regex.IsMatch(text, @"\bNaN\b|∞|Infinity(?! Fabric)"), "NaN or infinity in the output: " + text);
            int format = Array.IndexOf(c.Args, "--format");
            string? kind = format >= 0 && format + 1 < c.Args.Length ? c.Args[format + 1] : null;
            if (code != 2 && text.Length > 0 && !c.Args.Contains("--help"))
            {
                if (kind == "json")
                {
                    using var document = JsonDocument.Parse(text);
                    Numbers(document.RootElement, "$");
                }
                else if (kind == "csv")
                {
                    var records = CsvReader.Read(text);
                    foreach (var record in records.Skip(1))
                    {
                        for (int i = 0; i < record.Count; i++)
                        {
                            Cell(record[i], records[0][i]);
                        }
                    }
                }
            }

            return code;
        }

        private static void Numbers(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number:
                    double value = element.GetDouble();
                    Require(!double.IsNaN(value) && !double.IsInfinity(value) && value >= 0, $"{path} = {value}");
                    break;
                case JsonValueKind.String:
                    string? s = element.GetString();
                    Require(s != "NaN" && s != "Infinity" && s != "-Infinity", $"{path} = {s}");
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Numbers(item, path + "[" + i++ + "]");
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Numbers(property.Value, path + "." + property.Name);
                    }

                    break;
            }
        }

        private static void Cell(string cell, string column)
        {
            Require(cell != "NaN" && cell != "Infinity" && cell != "-Infinity" && cell != "∞" && cell != "-∞", $"{column} = {cell}");
            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                Require(!double.IsInfinity(value) && value >= 0, $"{column} = {cell}");
            }
            else if (cell.StartsWith("{", StringComparison.Ordinal) || cell.StartsWith("[", StringComparison.Ordinal))
            {
                using var nested = JsonDocument.Parse(cell);
                Numbers(nested.RootElement, column);
            }
        }

        private static void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InvalidOperationException(problem);
            }
        }
    }
}
