using System;
using System.IO;
using System.Text;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Tests.Catalog;

namespace InferenceLab.Fuzz
{
    /// <summary>Failures the import fuzz found, and the large-file limits it relies on (issue 10).</summary>
    public sealed class ImportRegressions
    {
        [Theory]
        [InlineData("gpus:\n  - name: g\n    peak_flops_per_second: { bf16: 1e12, fp16: \r71e12, int8: 2e12 }\n")]
        [InlineData("models:\n  - name: \"x\"\n    aliases: [\"org/x\"_\n    layers: 2\n")]
        public void Regression_input_that_trips_the_YAML_scanner_is_a_syntax_error_with_its_line(string text)
        {
            // YamlDotNet's scanner threw InvalidOperationException on these (a lone CR in a flow mapping, text straight
            // after a quoted list item); a catch-all turned it into "could not be parsed: Operation is not valid due to
            // the current state of the object", with no line, and would have hidden any bug of our own the same way.
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.Parse(text, "catalog.yaml"));
            Assert.Equal("CatalogSyntaxError", error.ErrorId);
            Assert.True(error.Line >= 2, "line " + error.Line);
            Assert.StartsWith("catalog.yaml:" + error.Line, error.Message);
            Assert.DoesNotContain("current state of the object", error.Message);
        }

        [Fact]
        public void A_config_json_of_several_megabytes_imports()
        {
            // A real config (Llama-3.1-8B) padded with a 6 MB field stays under the 16 MiB limit and imports.
            string config = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b"));
            string padded = config.Insert(config.IndexOf('{') + 1, "\"padding\": \"" + new string('x', 6_000_000) + "\",");
            string path = CatalogTestFiles.Write(padded, "config.json");
            var model = CatalogFile.ReadModel(path).Value;
            Assert.Equal(32, model.LayerCount);
        }

        [Fact]
        public void A_file_above_16_MiB_is_a_read_error_naming_the_limit()
        {
            string path = CatalogTestFiles.WriteBytes(Encoding.ASCII.GetBytes("{\"padding\": \"" + new string('x', 17 * 1024 * 1024) + "\"}"), "config.json");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(path));
            Assert.Equal("CatalogFileTooLarge", error.ErrorId);
            Assert.Equal(ErrorKind.ReadError, error.Kind);
            Assert.Contains("16 MiB", error.Message);
        }
    }
}
