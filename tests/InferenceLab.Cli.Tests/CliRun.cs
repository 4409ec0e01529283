using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using InferenceLab.Cli.Catalog;

namespace InferenceLab.Cli.Tests
{
    /// <summary>The outcome of one in-process run of the command line.</summary>
    internal sealed class CliRun
    {
        private CliRun(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public string Error { get; }

        /// <summary>Standard error's non-empty lines.</summary>
        public IReadOnlyList<string> ErrorLines => Error.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Runs <c>inferencelab</c> with the test catalog.</summary>
        public static CliRun With(params string[] args) => With(new TestCatalog().Open, args);

        /// <summary>Runs <c>inferencelab</c> with catalogs from <paramref name="openCatalog"/>.</summary>
        public static CliRun With(CatalogOpener openCatalog, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CliApplication.Run(args, output, error, openCatalog);
            return new CliRun(code, output.ToString(), error.ToString());
        }

        /// <summary>The JSON output's objects; fails the test unless the output is one JSON array of objects.</summary>
        public IReadOnlyList<JsonElement> Json()
        {
            using var document = JsonDocument.Parse(Output);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }

        /// <summary>The CSV output's records, each a list of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks).</summary>
        public IReadOnlyList<IReadOnlyList<string>> Csv() => CsvReader.Read(Output);
    }
}
