using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InferenceLab.Cli.Tests
{
    /// <summary>--help on every command, with examples (CatalogCommandTests runs each); --version from Directory.Build.props.</summary>
    public sealed class HelpTests
    {
        public static IEnumerable<object[]> CommandNames() =>
            new[] { "models", "hardware", "memory", "max-context", "max-batch", "cost", "roofline", "latency", "efficiency", "simulate" }.Select(n => new object[] { n });

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
