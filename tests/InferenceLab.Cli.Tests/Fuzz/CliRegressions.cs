using System.IO;
using System.Linq;
using InferenceLab.Cli;

namespace InferenceLab.Fuzz
{
    /// <summary>Failures the command-line fuzz found, each kept as the smallest case that showed it (issue 10).</summary>
    public sealed class CliRegressions
    {
        [Fact]
        public void Regression_config_key_with_a_newline_and_an_ANSI_escape_prints_as_one_escaped_warning_line()
        {
            // A config.json key "odd\nkey\u001b[31m" was printed raw: the warning broke over two lines and the escape
            // sequence reached the terminal. File text in messages and warnings is now escaped.
            using var files = new FuzzFiles();
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CliApplication.Run(new[] { "models", files.OddConfig, "--format", "csv" }, output, error);

            Assert.Equal(0, code);
            var lines = error.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            Assert.All(lines, l => Assert.StartsWith("warning: ", l));
            Assert.DoesNotContain('\u001b', error.ToString());
            Assert.Contains(lines, l => l.Contains("odd\\nkey\\u001B[31m", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Regression_error_quoting_file_text_with_control_characters_is_one_line()
        {
            using var files = new FuzzFiles();
            string path = Path.Combine(files.Folder, "bad-type.json");
            File.WriteAllText(path, "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\", \"hidden_size\": \"4096\\n\\u001b[2J\", \"num_hidden_layers\": 2}");
            var error = new StringWriter();
            int code = CliApplication.Run(new[] { "models", path }, new StringWriter(), error);

            Assert.Equal(1, code);
            Assert.Single(error.ToString().Split('\n'), l => l.Trim().Length > 0);
            Assert.DoesNotContain('\u001b', error.ToString());
        }
    }
}
