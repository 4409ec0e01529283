using System.Globalization;
using System.Linq;
using InferenceLab.Cli.Output;
using InferenceLab.Core;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Tests
{
    /// <summary>CSV quoting, culture independence and the way non-scalar properties print.</summary>
    public sealed class OutputFormatTests
    {
        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("a,b", "\"a,b\"")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
        [InlineData("two\nlines", "\"two\nlines\"")]
        [InlineData("", "")]
        public void Csv_quotes_cells_as_rfc_4180_says(string cell, string quoted) => Assert.Equal(quoted, CsvResultWriter.Quote(cell));

        [Fact]
        public void Csv_round_trips_names_with_commas_and_quotes()
        {
            var odd = new ModelSpec("my,\"odd\" model", 2, 64, 4, 4, 128, 100, 512, aliases: new[] { "org/odd", "odd" });
            var run = CliRun.With(new TestCatalog(new[] { odd }).Open, "models", "--format", "csv");
            var records = run.Csv();
            Assert.Equal(2, records.Count);
            Assert.Equal("my,\"odd\" model", records[1][0]);
            Assert.Equal("org/odd;odd", records[1][records[0].ToList().IndexOf("Aliases")]);

            // A nested object is its compact JSON, with the nested type's property names.
            string cell = records[1][records[0].ToList().IndexOf("WeightFormat")];
            Assert.DoesNotContain("\n", cell);
            using var format = System.Text.Json.JsonDocument.Parse(cell);
            Assert.Equal(
                typeof(WeightFormat).GetProperties().OrderBy(p => p.MetadataToken).Select(p => p.Name),
                format.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Bf16", format.RootElement.GetProperty("Type").GetString());
            Assert.Equal(2, format.RootElement.GetProperty("BytesPerWeight").GetDouble());
        }

        [Fact]
        public void Output_does_not_depend_on_the_current_culture()
        {
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                var csv = CliRun.With("memory", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "100", "--memory-utilization", "0.85", "--format", "csv").Csv();
                Assert.Equal("0.85", csv[1][csv[0].ToList().IndexOf("MemoryUtilization")]);
                var table = CliRun.With("memory", "--model", "llama-2-7b", "--input-length", "100").Output;
                Assert.Contains(" 12.55 ", table);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Fact]
        public void Json_writes_enums_by_name_lists_as_arrays_and_missing_values_as_null()
        {
            var run = CliRun.With("hardware", "v100-sxm2-32gb", "--format", "json");
            var gpu = Assert.Single(run.Json());
            Assert.Equal(new[] { "Fp32", "Fp16" }, gpu.GetProperty("NativeTypes").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, gpu.GetProperty("Bf16FlopsPerSecond").ValueKind);
            Assert.Equal(125e12, gpu.GetProperty("Fp16FlopsPerSecond").GetDouble());
            Assert.Equal(32L * 1024 * 1024 * 1024, gpu.GetProperty("MemoryBytes").GetInt64());
        }

        [Fact]
        public void An_empty_result_set_is_an_empty_json_array_and_no_table()
        {
            var json = CliRun.With("memory", "--model", "no-such-model", "--input-length", "10", "--format", "json");
            Assert.Equal("[]", json.Output.Trim());
            Assert.Equal(1, json.ExitCode);
            Assert.Equal("", CliRun.With("memory", "--model", "no-such-model", "--input-length", "10").Output);
        }

        [Fact]
        public void Models_by_wildcard_alias_and_case()
        {
            string Names(params string[] args) => string.Join(",", CliRun.With(args).Json().Select(m => m.GetProperty("Name").GetString()));
            Assert.Equal("llama-2-7b,llama-3-8b", Names("models", "LLAMA-*", "--format", "json"));
            Assert.Equal("llama-2-7b", Names("models", "meta-llama/Llama-2-7b-hf", "--format", "json"));
            Assert.Equal("a10,a100-sxm-80gb", Names("hardware", "a10", "a100*", "--format", "json"));
        }
    }
}
