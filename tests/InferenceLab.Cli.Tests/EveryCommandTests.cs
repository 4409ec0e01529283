using System.Linq;
using System.Reflection;
using System.Text.Json;
using InferenceLab.Cli.Output;

namespace InferenceLab.Cli.Tests
{
    /// <summary>Every command prints in every format, and JSON and CSV carry exactly the Core result type's public properties.</summary>
    public sealed class EveryCommandTests
    {
        /// <summary>The Core type's public instance property names in declaration order, read from its assembly.</summary>
        private static string[] CorePropertyNames(System.Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).Select(p => p.Name).ToArray();

        [Theory]
        [MemberData(nameof(Commands.NamesAndFormats), MemberType = typeof(Commands))]
        public void Every_command_succeeds_in_every_format_with_nothing_on_stderr(string command, string format)
        {
            var run = CliRun.With(Commands.With(command, "--format", format));
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            Assert.NotEqual("", run.Output.Trim());
        }

        [Theory]
        [MemberData(nameof(Commands.Names), MemberType = typeof(Commands))]
        public void Json_is_an_array_of_objects_whose_names_are_the_Core_output_type_properties(string command)
        {
            var (_, type, rows) = Commands.All[command];
            var run = CliRun.With(Commands.With(command, "--format", "json"));
            var objects = run.Json();
            Assert.Equal(rows, objects.Count);
            foreach (var item in objects)
            {
                Assert.Equal(JsonValueKind.Object, item.ValueKind);
                Assert.Equal(CorePropertyNames(type), item.EnumerateObject().Select(p => p.Name).ToArray());
            }
        }

        [Theory]
        [MemberData(nameof(Commands.Names), MemberType = typeof(Commands))]
        public void Csv_has_a_header_of_the_Core_output_type_properties_and_one_record_per_result(string command)
        {
            var (_, type, rows) = Commands.All[command];
            var records = CliRun.With(Commands.With(command, "--format", "csv")).Csv();
            Assert.Equal(CorePropertyNames(type), records[0].ToArray());
            Assert.Equal(rows, records.Count - 1);
            Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        }

        [Theory]
        [MemberData(nameof(Commands.Names), MemberType = typeof(Commands))]
        public void Table_is_the_default_with_a_header_a_rule_and_one_line_per_result(string command)
        {
            var (_, type, rows) = Commands.All[command];
            var lines = CliRun.With(Commands.All[command].Args).Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(rows + 2, lines.Length);
            var headers = TableLayouts.For(type).Select(c => c.Header).ToArray();
            Assert.All(headers, h => Assert.Contains(h, lines[0]));
            Assert.Matches("^[- ]+$", lines[1].TrimEnd('\r'));
        }

        [Fact]
        public void Every_result_type_a_command_prints_has_a_table_layout()
        {
            Assert.Equal(
                Commands.All.Values.Select(c => c.Output).Distinct().OrderBy(t => t.FullName),
                TableLayouts.Types.OrderBy(t => t.FullName));
        }
    }
}
