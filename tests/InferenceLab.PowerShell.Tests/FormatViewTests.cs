using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// module/InferenceLab.Format.ps1xml (STYLE.md §10): a table and a list view for every output type, and every
    /// property a view reads exists on its type, so a renamed property cannot leave a silently empty column.
    /// </summary>
    public sealed class FormatViewTests
    {
        private static readonly XDocument Views = XDocument.Load(Repository.FilePath("module", "InferenceLab.Format.ps1xml"));

        private static IEnumerable<Type> OutputTypes() =>
            CmdletMetadata.CmdletTypes.SelectMany(CmdletMetadata.OwnOutputTypes).Distinct();

        private static Type TypeNamed(string fullName) =>
            OutputTypes().SingleOrDefault(t => t.FullName == fullName)
            ?? typeof(Core.Scenario).Assembly.GetType(fullName)
            ?? throw new InvalidOperationException("No type " + fullName);

        [Fact]
        public void Every_output_type_has_a_table_view_and_a_list_view()
        {
            foreach (var type in OutputTypes())
            {
                var views = Views.Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName).ToArray();
                Assert.True(views.Any(v => v.Element("TableControl") != null), type.FullName + " has no table view");
                Assert.True(views.Any(v => v.Element("ListControl") != null), type.FullName + " has no list view");
            }
        }

        [Fact]
        public void Every_view_names_a_real_type_and_reads_only_its_properties()
        {
            foreach (var view in Views.Descendants("View"))
            {
                var type = TypeNamed(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value);
                var properties = new HashSet<string>(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

                foreach (var name in view.Descendants("PropertyName").Select(e => e.Value))
                {
                    Assert.True(properties.Contains(name), $"{view.Element("Name")!.Value}: {type.Name} has no property {name}");
                }

                foreach (var script in view.Descendants("ScriptBlock").Select(e => e.Value))
                {
                    var read = Regex.Matches(script, @"\$_\.(\w+)").Select(m => m.Groups[1].Value).ToArray();
                    Assert.NotEmpty(read);
                    foreach (var name in read)
                    {
                        Assert.True(properties.Contains(name), $"{view.Element("Name")!.Value}: {type.Name} has no property {name} ({script})");
                    }
                }
            }
        }

        [Fact]
        public void Table_columns_match_their_headers_and_view_names_are_unique()
        {
            foreach (var table in Views.Descendants("TableControl"))
            {
                Assert.Equal(table.Descendants("TableColumnHeader").Count(), table.Descendants("TableColumnItem").Count());
            }

            var names = Views.Descendants("View").Select(v => v.Element("Name")!.Value).ToArray();
            Assert.Equal(names.Length, names.Distinct().Count());
        }

        [Fact]
        public void Human_units_stay_in_the_views_the_objects_keep_base_units()
        {
            // Cmdlets never format (STYLE.md §10): no output property is a string holding a number with a unit. Dimensionless
            // figures say what they count: a utilization, a fraction, a concurrency (requests at once, as vLLM prints it).
            foreach (var type in OutputTypes())
            {
                foreach (var p in type.GetProperties().Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(double?)))
                {
                    // A simulation's time averages are counts of requests or sequences, named so.
                    Assert.Matches(new Regex("Bytes|Flops|Seconds|PerSecond|Utilization|Fraction|Concurrency$|^MeasuredValue$|^MeanRequestsInSystem$|^MeanRunningSequences$"), p.Name);
                }
            }
        }
    }
}
