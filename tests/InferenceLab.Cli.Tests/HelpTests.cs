using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InferenceLab.Cli.Commands;

namespace InferenceLab.Cli.Tests
{
    /// <summary>--help on every command, with examples that parse; --version from Directory.Build.props.</summary>
    public sealed class HelpTests
    {
        public static IEnumerable<object[]> CommandNames() =>
            new[] { "models", "hardware", "memory", "max-context", "max-batch", "cost", "roofline", "latency", "efficiency" }.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(CommandNames))]
        public void Every_command_has_help_with_an_example(string command)
        {
            foreach (var flag in new[] { "--help", "-h" })
            {
                var run = CliRun.With(command, flag);
                Assert.Equal(0, run.ExitCode);
                Assert.Equal("", run.Error);
                Assert.Contains("Usage:\n  inferencelab " + command + " ", run.Output.Replace("\r", ""));
                Assert.Contains("--format <table|csv|json>", run.Output);
                Assert.Matches(new Regex("^Examples:\\n(  # .*\\n  inferencelab " + Regex.Escape(command) + "( .*)?\\n)+", RegexOptions.Multiline), run.Output.Replace("\r", ""));
            }
        }

        [Fact]
        public void Help_wins_over_other_errors_on_the_line()
        {
            var run = CliRun.With("latency", "--batch-size", "x", "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Examples:", run.Output);
        }

        [Fact]
        public void The_root_help_lists_every_command()
        {
            var run = CliRun.With("--help");
            Assert.Equal(0, run.ExitCode);
            foreach (var row in CommandNames())
            {
                Assert.Matches(new Regex("^  " + Regex.Escape((string)row[0]) + "\\b", RegexOptions.Multiline), run.Output);
            }
        }

        [Fact]
        public void Every_example_parses_without_errors()
        {
            var root = CliApplication.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, new TestCatalog().Open));
            var commands = new[] { root }.Concat(root.Subcommands).OfType<ExampleCommand>().ToList();
            Assert.Equal(10, commands.Count);
            foreach (var example in commands.SelectMany(c => c.Examples).Where(e => !e.StartsWith("#")))
            {
                var words = example.Split(' ').Select(w => w.Trim('\'')).ToArray();
                Assert.Equal("inferencelab", words[0]);
                var parse = root.Parse(words.Skip(1).ToArray());
                Assert.True(parse.Errors.Count == 0, example + ": " + string.Join("; ", parse.Errors.Select(e => e.Message)));
            }
        }

        [Fact]
        public void Version_is_the_one_in_Directory_Build_props()
        {
            var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
            {
                directory = directory.Parent!;
            }

            string version = XDocument.Load(Path.Combine(directory.FullName, "Directory.Build.props")).Descendants("Version").Single().Value;
            var run = CliRun.With("--version");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(version, run.Output.Trim());
        }
    }
}
