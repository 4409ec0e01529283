using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// docs/&lt;Cmdlet&gt;.md pages (PlatyPS markdown, made into MAML by build.ps1 -Task Help) against the cmdlet's metadata:
    /// the PlatyPS front matter and sections, at least three examples, a syntax block per parameter set, and exactly the
    /// cmdlet's parameters with their sets, aliases, whether they are required, type, position, pipeline input, accepted
    /// values and wildcards; every cmdlet has its page and every cmdlet page names a cmdlet (the documentation-drift test of
    /// issue 7).
    /// </summary>
    public sealed class HelpPageTests
    {
        private static readonly string[] Sections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        public static TheoryData<string> CmdletsWithPages()
        {
            var data = new TheoryData<string>();
            foreach (var type in CmdletMetadata.CmdletTypes.Where(t => File.Exists(PagePath(t))))
            {
                data.Add(type.FullName!);
            }

            return data;
        }

        private static string PagePath(Type cmdlet) => Repository.FilePath("docs", CmdletMetadata.CmdletName(cmdlet) + ".md");

        private static string Read(Type cmdlet) => File.ReadAllText(PagePath(cmdlet)).Replace("\r\n", "\n");

        /// <summary>The text of a "## NAME" section, up to the next "## ".</summary>
        private static string Section(string page, string name)
        {
            int start = page.IndexOf("\n## " + name + "\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "no section " + name);
            int end = page.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
            return end < 0 ? page.Substring(start) : page.Substring(start, end - start);
        }

        [Fact]
        public void Every_cmdlet_has_a_page()
        {
            var missing = CmdletMetadata.CmdletTypes.Where(t => !File.Exists(PagePath(t))).Select(CmdletMetadata.CmdletName).ToArray();
            Assert.True(missing.Length == 0, "no docs/<Verb-Noun>.md for " + string.Join(", ", missing));
        }

        [Fact]
        public void Every_cmdlet_page_names_a_cmdlet()
        {
            var names = new HashSet<string>(CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName), StringComparer.Ordinal);
            var pages = Directory.GetFiles(Repository.FilePath("docs"), "*-*.md").Select(Path.GetFileNameWithoutExtension)
                .Where(n => Regex.IsMatch(n!, "^[A-Z][a-z]+-[A-Z][A-Za-z]+$"));
            Assert.All(pages, page => Assert.True(names.Contains(page!), "docs/" + page + ".md documents no cmdlet"));
        }

        /// <summary>PlatyPS's name of a parameter type: the element type of a nullable, arrays with [].</summary>
        private static string TypeName(Type type) =>
            type.IsArray ? TypeName(type.GetElementType()!) + "[]" : (Nullable.GetUnderlyingType(type) ?? type).Name;

        /// <summary>The values PowerShell accepts for an enum parameter (or an array of one), as PlatyPS lists them; null for other types.</summary>
        private static string? AcceptedValues(Type type)
        {
            var element = type.IsArray ? type.GetElementType()! : type;
            element = Nullable.GetUnderlyingType(element) ?? element;
            return element.IsEnum ? string.Join(", ", Enum.GetNames(element)) : null;
        }

        /// <summary>True when the cmdlet declares SupportsShouldProcess, so PowerShell adds -WhatIf and -Confirm, which PlatyPS documents.</summary>
        private static bool SupportsShouldProcess(Type cmdlet) =>
            cmdlet.GetCustomAttributesData()
                .Single(a => a.AttributeType == typeof(System.Management.Automation.CmdletAttribute))
                .NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && (bool)a.TypedValue.Value!);

        [Theory]
        [MemberData(nameof(CmdletsWithPages))]
        public void A_page_has_the_PlatyPS_front_matter_sections_and_at_least_three_examples(string cmdletName)
        {
            var cmdlet = CmdletMetadata.CmdletTypes.Single(t => t.FullName == cmdletName);
            string page = Read(cmdlet);
            Assert.StartsWith("---\nexternal help file: InferenceLab.PowerShell.dll-Help.xml\nModule Name: InferenceLab\n", page);
            Assert.Contains("\nschema: 2.0.0\n---\n", page);
            Assert.Contains("\n# " + CmdletMetadata.CmdletName(cmdlet) + "\n", page);
            var positions = Sections.Select(s => page.IndexOf("\n## " + s + "\n", StringComparison.Ordinal)).ToArray();
            Assert.All(positions, p => Assert.True(p > 0));
            Assert.Equal(positions.OrderBy(p => p), positions);
            Assert.True(Regex.Matches(Section(page, "EXAMPLES"), "\n### Example \\d+: .+\n```powershell\n").Count >= 3, "at least three examples with a powershell block");
        }

        [Theory]
        [MemberData(nameof(CmdletsWithPages))]
        public void A_page_documents_exactly_the_parameters_with_their_sets_aliases_and_requirement(string cmdletName)
        {
            var cmdlet = CmdletMetadata.CmdletTypes.Single(t => t.FullName == cmdletName);
            string parametersSection = Section(Read(cmdlet), "PARAMETERS");
            var matches = Regex.Matches(parametersSection, "\n### -(\\w+)\n([\\s\\S]*?)```yaml\n([\\s\\S]*?)```").Cast<Match>().ToArray();
            var blocks = matches.ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value);
            var parameters = CmdletMetadata.Parameters(cmdlet);
            var common = SupportsShouldProcess(cmdlet) ? new[] { "Confirm", "WhatIf" } : Array.Empty<string>();
            Assert.Equal(parameters.Select(p => p.Name).Concat(common).OrderBy(n => n, StringComparer.Ordinal), blocks.Keys.OrderBy(n => n, StringComparer.Ordinal));
            var descriptions = matches.ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
            foreach (var name in common)
            {
                Assert.Contains("Type: SwitchParameter", blocks[name]);
                Assert.Contains("Aliases: " + (name == "Confirm" ? "cf" : "wi"), blocks[name]);
            }

            foreach (var p in parameters)
            {
                var yaml = blocks[p.Name].Split('\n').Where(l => l.Contains(':')).ToDictionary(l => l.Substring(0, l.IndexOf(':')), l => l.Substring(l.IndexOf(':') + 1).Trim());
                var sets = p.Sets.Select(s => s.ParameterSetName).ToArray();
                string expectedSets = sets.Contains(CmdletMetadata.SetInfo.AllSets) ? "(All)" : string.Join(", ", sets);
                Assert.True(expectedSets == yaml["Parameter Sets"], $"-{p.Name}: Parameter Sets '{yaml["Parameter Sets"]}', expected '{expectedSets}'");
                Assert.True(string.Join(", ", p.Aliases) == yaml["Aliases"], $"-{p.Name}: Aliases '{yaml["Aliases"]}'");
                Assert.True((p.Mandatory ? "True" : "False") == yaml["Required"], $"-{p.Name}: Required");
                var ways = new[] { p.FromPipelineByPropertyName ? "ByPropertyName" : null, p.FromPipeline ? "ByValue" : null }.Where(w => w != null).ToArray();
                string expectedPipeline = ways.Length == 0 ? "False" : "True (" + string.Join(", ", ways) + ")";
                Assert.True(expectedPipeline == yaml["Accept pipeline input"], $"-{p.Name}: Accept pipeline input '{yaml["Accept pipeline input"]}', expected '{expectedPipeline}'");
                Assert.True(TypeName(p.Type) == yaml["Type"], $"-{p.Name}: Type '{yaml["Type"]}', expected '{TypeName(p.Type)}'");
                var positions = p.Sets.Select(s => s.Position).Distinct().ToArray();
                string expectedPosition = positions.Length == 1 && positions[0] is int position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named";
                Assert.True(expectedPosition == yaml["Position"], $"-{p.Name}: Position '{yaml["Position"]}', expected '{expectedPosition}'");
                string? accepted = AcceptedValues(p.Type);
                Assert.True(accepted == (yaml.TryGetValue("Accepted values", out var listed) ? listed : null), $"-{p.Name}: Accepted values '{listed}', expected '{accepted}'");
                bool wildcards = p.AttributeTypes.Contains(typeof(System.Management.Automation.SupportsWildcardsAttribute));
                Assert.True((wildcards ? "True" : "False") == yaml["Accept wildcard characters"], $"-{p.Name}: Accept wildcard characters");
                Assert.False(string.IsNullOrWhiteSpace(yaml["Default value"]), $"-{p.Name}: Default value");
                Assert.True(!p.Mandatory || yaml["Default value"] == "None", $"-{p.Name}: a required parameter has no default");
                string description = descriptions[p.Name];
                Assert.False(string.IsNullOrWhiteSpace(description), $"-{p.Name}: no description");
            }
        }

        [Theory]
        [MemberData(nameof(CmdletsWithPages))]
        public void A_page_has_a_syntax_block_per_parameter_set_and_names_every_output_type(string cmdletName)
        {
            var cmdlet = CmdletMetadata.CmdletTypes.Single(t => t.FullName == cmdletName);
            string page = Read(cmdlet);
            var sets = CmdletMetadata.Parameters(cmdlet).SelectMany(p => p.Sets).Select(s => s.ParameterSetName).Where(s => s != CmdletMetadata.SetInfo.AllSets).Distinct().ToList();
            string syntax = Section(page, "SYNTAX");
            foreach (var set in sets)
            {
                Assert.Matches(new Regex("\n### " + Regex.Escape(set) + "( \\(Default\\))?\n```\n" + Regex.Escape(CmdletMetadata.CmdletName(cmdlet)) + " "), syntax);
            }

            string outputs = Section(page, "OUTPUTS");
            foreach (var type in CmdletMetadata.OutputTypes(cmdlet))
            {
                Assert.Contains("\n### " + type.FullName + "\n", outputs);
            }
        }
    }
}
