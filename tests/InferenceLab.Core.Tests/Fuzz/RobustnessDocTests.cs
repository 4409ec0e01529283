using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using InferenceLab.Core;
using InferenceLab.Core.Tests;

namespace InferenceLab.Fuzz
{
    /// <summary>docs/robustness.md states the limits the code enforces and the fuzz settings the suites use.</summary>
    public sealed class RobustnessDocTests
    {
        private static readonly string[] Lines = File.ReadAllLines(RepositoryFiles.Path("docs", "robustness.md"));

        [Fact]
        public void Every_limit_in_the_table_is_the_constant_it_names()
        {
            int header = Array.IndexOf(Lines, "| limit | value | constant |");
            Assert.True(header >= 0, "the limits table is missing");
            var rows = Lines.Skip(header + 2).TakeWhile(l => l.StartsWith("|", StringComparison.Ordinal)).ToList();
            Assert.True(rows.Count >= 15, "only " + rows.Count + " limits");
            foreach (var row in rows)
            {
                var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                double stated = double.Parse(cells[1], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                string constant = cells[2].Trim('`');
                int dot = constant.LastIndexOf('.');
                string typeName = constant.Substring(0, dot);
                var type = typeName == "System.Int32" ? typeof(int) : typeof(Scenario).Assembly.GetTypes().Single(t => t.Name == typeName);
                var field = type.GetField(constant.Substring(dot + 1), BindingFlags.Public | BindingFlags.Static);
                Assert.True(field != null, constant + " is not a constant");
                Assert.Equal(Convert.ToDouble(field!.GetValue(null), CultureInfo.InvariantCulture), stated);
            }
        }

        [Fact]
        public void The_fuzz_settings_in_the_doc_are_the_suites_own()
        {
            string text = string.Join("\n", Lines);
            Assert.Contains("`" + FuzzSettings.SeedVariable + "`", text);
            Assert.Contains("`" + FuzzSettings.CasesVariable + "`", text);
            Assert.Contains("| " + FuzzSettings.DefaultSeed.ToString(CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("| " + CoreFuzzTests.DefaultCases.ToString("N0", CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("| " + ImportFuzzTests.DefaultCases.ToString("N0", CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("| " + SimulationFuzzTests.DefaultCases.ToString("N0", CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("| " + FuzzSettings.CommandLineCases.ToString("N0", CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("| " + ChartFuzzTests.DefaultCases.ToString("N0", CultureInfo.InvariantCulture) + " |", text);
            Assert.Contains("That is " + FuzzSettings.TotalDefaultCases.ToString("N0", CultureInfo.InvariantCulture) + " cases per run", text);
        }

        [Fact]
        public void A_default_run_checks_at_least_10000_cases()
        {
            Assert.True(FuzzSettings.TotalDefaultCases >= 10_000, FuzzSettings.TotalDefaultCases + " cases");
        }
    }
}
