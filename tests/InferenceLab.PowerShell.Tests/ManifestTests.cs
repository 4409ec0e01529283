using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// InferenceLab.psd1 (STYLE.md §5) and its staged copy. No PowerShell parser runs here, so the data file is read with
    /// patterns that match its plain layout; the Pester suite imports the staged copy for real.
    /// </summary>
    public sealed class ManifestTests
    {
        private static readonly string Source = File.ReadAllText(Repository.FilePath("InferenceLab.psd1"));

        private static string[] Array(string manifest, string key)
        {
            var match = Regex.Match(manifest, @"^\s*" + key + @"\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
            Assert.True(match.Success, key + " is not an @() array");
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }

        private static string Value(string manifest, string key)
        {
            var match = Regex.Match(manifest, @"^\s*" + key + @"\s*=\s*'([^']*)'", RegexOptions.Multiline);
            Assert.True(match.Success, key + " is not a quoted string");
            return match.Groups[1].Value;
        }

        [Fact]
        public void CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly()
        {
            var exported = Array(Source, "CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal);
            var actual = CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(actual, exported);
        }

        [Fact]
        public void The_other_exports_are_empty_and_nothing_is_a_wildcard()
        {
            Assert.Empty(Array(Source, "FunctionsToExport"));
            Assert.Empty(Array(Source, "VariablesToExport"));
            Assert.Empty(Array(Source, "AliasesToExport"));
            Assert.DoesNotContain("*", string.Concat(Array(Source, "CmdletsToExport")));
        }

        [Fact]
        public void The_manifest_runs_on_both_editions_from_51_and_loads_the_loader_before_the_cmdlets()
        {
            Assert.Equal(new[] { "Desktop", "Core" }, Array(Source, "CompatiblePSEditions"));
            Assert.Equal("5.1", Value(Source, "PowerShellVersion"));
            Assert.Equal(new[] { "InferenceLab.PowerShell.Loader.dll", "InferenceLab.PowerShell.dll" }, Array(Source, "NestedModules"));
            Assert.Equal(new[] { "InferenceLab.Format.ps1xml" }, Array(Source, "FormatsToProcess"));
            Assert.DoesNotMatch(new Regex(@"^\s*RootModule\s*=", RegexOptions.Multiline), Source);
        }

        [Fact]
        public void PSData_has_edition_and_platform_tags_and_the_gallery_fields()
        {
            var tags = Array(Source, "Tags");
            foreach (var tag in new[] { "PSEdition_Core", "PSEdition_Desktop", "Windows", "Linux", "MacOS" })
            {
                Assert.Contains(tag, tags);
            }

            Assert.StartsWith("https://", Value(Source, "ProjectUri"));
            Assert.StartsWith("https://", Value(Source, "LicenseUri"));
            Assert.Matches(new Regex(@"^\s*ReleaseNotes\s*=\s*@'", RegexOptions.Multiline), Source);
        }

        [Fact]
        public void The_source_carries_a_version_placeholder_and_is_plain_ASCII()
        {
            // Directory.Build.props is the one source of the version; Windows PowerShell reads a BOM-less psd1 as ANSI.
            Assert.Equal("{{ModuleVersion}}", Value(Source, "ModuleVersion"));
            Assert.All(Encoding.UTF8.GetBytes(Source), b => Assert.True(b < 128));
        }

        [Fact]
        public void The_staged_manifest_has_the_version_of_Directory_Build_props_and_of_the_assemblies()
        {
            var props = XDocument.Load(Repository.FilePath("Directory.Build.props"));
            string version = props.Descendants("Version").Single().Value;
            var staged = File.ReadAllText(Path.Combine(Repository.StagedModule, "InferenceLab.psd1"));

            Assert.Equal(version, Value(staged, "ModuleVersion"));
            Assert.Equal(new Version(version), TrimmedVersion(typeof(InferenceCommand).Assembly.GetName().Version!));
            Assert.Equal(new Version(version), TrimmedVersion(typeof(Core.Scenario).Assembly.GetName().Version!));
            // Apart from the version, the staged manifest is the source.
            Assert.Equal(Unix(Source.Replace("{{ModuleVersion}}", version)), Unix(staged));
        }

        private static string Unix(string text) => text.Replace("\r\n", "\n").TrimEnd();

        private static Version TrimmedVersion(Version v) => new Version(v.Major, v.Minor, v.Build);
    }
}
