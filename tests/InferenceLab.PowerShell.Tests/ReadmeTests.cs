using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// The README (issue 7): the test command CI runs, a link to every cmdlet's page, and PowerShell examples with output that
    /// are copies of examples in docs/, whose output ExampleOutputTests checks and whose code tests/Pester/Docs.Tests.ps1 runs.
    /// The command-line quick start is checked by the CLI tests.
    /// </summary>
    public sealed class ReadmeTests
    {
        private static string Readme() => File.ReadAllText(Repository.FilePath("README.md")).Replace("\r\n", "\n");

        [Fact]
        public void The_README_gives_the_test_command_that_CI_runs()
        {
            Assert.Contains("\n```\ndotnet test InferenceLab.sln --configuration Release\n```\n", Readme());
        }

        [Fact]
        public void The_README_links_every_cmdlet_page()
        {
            string readme = Readme();
            Assert.All(CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName), name => Assert.Contains("](docs/" + name + ".md)", readme));
        }

        [Fact]
        public void Every_README_example_with_output_is_an_example_of_a_help_page()
        {
            string pages = string.Join("\n", Directory.GetFiles(Repository.FilePath("docs"), "*.md").Select(f => File.ReadAllText(f).Replace("\r\n", "\n")));
            var examples = Regex.Matches(Readme(), "```powershell\n[\\s\\S]*?```\n\n```output\n[\\s\\S]*?```").Cast<Match>().Select(m => m.Value).ToArray();
            Assert.True(examples.Length >= 5, "the tour shows output");
            Assert.All(examples, example => Assert.Contains(example, pages));
        }
    }
}
