using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Cost;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Issue 10's fuzz of the charts: line charts of records as a script pipes them in (numbers of every size and sign,
    /// numbers as text, names, nulls, markup and control characters in names and titles; Import-Csv | Export-InferenceChart),
    /// and rooflines of mutated scenarios. Each renders a well-formed SVG with finite coordinates, or fails with a
    /// documented error.
    /// </summary>
    public sealed class ChartFuzzTests
    {
        /// <summary>Cases per run in CI (INFERENCELAB_FUZZ_CASES replaces it).</summary>
        public const int DefaultCases = FuzzSettings.ChartCases;

        private static readonly object?[] Values =
        {
            0.0, 1.0, 2.0, 8.0, 64.0, 1e-300, double.Epsilon, 1e300, double.MaxValue, -1.0, -1e300, double.NaN, double.PositiveInfinity, 3, 1024, long.MaxValue,
            0.5m, "16", "1e3", "-4", "NaN", "Infinity", "abc", "", null, true, "1,5", "0x10", 1.0000000000000002, 1e15, 12345.678,
        };

        private static readonly string?[] Names =
        {
            "llama-3.1-8b", "h100-sxm", "", null, "<script>&amp;\"'", "\u0001\u0008\u001F", "\uFFFE\uD800", "🦙", new string('n', 5000), "a\nb\r\nc", "]]>",
        };

        private readonly ITestOutputHelper output;

        public ChartFuzzTests(ITestOutputHelper output) => this.output = output;

        internal sealed class Case
        {
            public int Kind { get; set; }

            public int[] Picks { get; set; } = Array.Empty<int>();

            public ScenarioCase Scenario { get; set; } = null!;

            public override string ToString() => $"chart kind {Kind}, picks [{string.Join(", ", Picks)}]; " + (Kind == 1 ? Scenario.ToString() : string.Empty);
        }

        internal static Gen<Case> Cases =>
            from kind in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)))
            from picks in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 200)
            from scenario in ScenarioCase.GenWith(1)
            select new Case { Kind = kind, Picks = picks, Scenario = scenario };

        [Fact]
        public void Every_chart_is_well_formed_SVG_or_a_documented_error()
        {
            var cases = FuzzSettings.Sample(Cases, FuzzSettings.Cases(DefaultCases), 5);
            int drawn = 0;
            int run = FuzzRunner.Run(output, "charts", cases, c => drawn += Check(c) ? 1 : 0);
            output.WriteLine($"{drawn} of {run} charts drawn; the rest stopped at a documented error.");
            Assert.True(run >= FuzzSettings.Cases(DefaultCases));
            Assert.True(drawn * 5 >= run, $"only {drawn} of {run} charts drawn");
        }

        private static bool Check(Case c)
        {
            int next = 0;
            int Next() => c.Picks[next++ % c.Picks.Length];
            string? svg = c.Kind == 0 ? LineChart(Next) : Roofline(c.Scenario, Next);
            if (svg == null)
            {
                return false;
            }

            XDocument document;
            try
            {
                document = XDocument.Parse(svg);
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvariantViolation("the SVG is not well-formed XML: " + e.Message);
            }

            // Coordinates and sizes, not text: a series may be named "NaN" by a record's own text.
            foreach (var attribute in document.Descendants().Attributes().Where(a => !a.Name.LocalName.StartsWith("data-", StringComparison.Ordinal) && a.Name.LocalName != "class" && a.Name.LocalName != "id"))
            {
                if (attribute.Value.Contains("NaN", StringComparison.Ordinal) || attribute.Value.Contains("Infinity", StringComparison.Ordinal))
                {
                    throw new InvariantViolation($"attribute {attribute.Name} = {attribute.Value}");
                }
            }

            return true;
        }

        /// <summary>Builds and renders one line chart from the case's picks; <paramref name="log"/> receives each record, to reproduce a case by hand.</summary>
        internal static string? LineChart(Func<int> next, Action<string>? log = null)
        {
            string[] properties = { "BatchSize", "InputLength", "OutputTokensPerSecond", "TotalBytes", "HardwareName", "ModelName", "Odd" };
            string x = properties[next() % properties.Length];
            string y = properties[next() % 4];
            string[]? series = (next() % 4) switch { 0 => null, 1 => Array.Empty<string>(), 2 => new[] { "ModelName" }, _ => new[] { "HardwareName", "Odd" } };
            var builder = Invariant.CallForData("LineChartBuilder", () => new LineChartBuilder(x, y, series));
            if (builder == null)
            {
                return null;
            }

            builder.XScale = (AxisScale)(next() % 3);
            builder.YScale = (AxisScale)(next() % 3);
            builder.Title = Names[next() % Names.Length];
            builder.XTitle = next() % 3 == 0 ? Names[next() % Names.Length] : null;
            int[] sizes = { SvgChart.DefaultWidth, 480, 10_000, 479, 0, -1 };
            builder.Width = next() % 5 == 0 ? sizes[next() % sizes.Length] : SvgChart.DefaultWidth;
            builder.Height = next() % 5 == 0 ? sizes[next() % sizes.Length] : SvgChart.DefaultHeight;
            int records = 1 + (next() % 40);
            bool ordinary = next() % 2 == 0;
            for (int i = 0; i < records; i++)
            {
                var record = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["BatchSize"] = ordinary ? (object)(1 << (next() % 10)) : Values[next() % Values.Length],
                    ["InputLength"] = ordinary ? (object)(128 * (1 + (next() % 64))) : Values[next() % Values.Length],
                    ["OutputTokensPerSecond"] = ordinary ? (object)(next() % 100_000 / 7.0) : Values[next() % Values.Length],
                    ["TotalBytes"] = ordinary ? (object)(next() * 37.0) : Values[next() % Values.Length],
                    ["HardwareName"] = ordinary ? new[] { "h100-sxm", "a100-sxm-80gb", "l4" }[next() % 3] : Names[next() % Names.Length],
                    ["ModelName"] = ordinary ? "llama-3.1-8b" : Names[next() % Names.Length],
                };
                if (next() % 3 == 0)
                {
                    record["Odd"] = Values[next() % Values.Length];
                }

                if (!ordinary && next() % 8 == 0)
                {
                    record.Remove(properties[next() % properties.Length]);
                }

                log?.Invoke(string.Join("; ", record.Select(p => p.Key + "=" + (p.Value is string t ? "'" + (t.Length > 20 ? t.Substring(0, 20) + "…" : t) + "'" : p.Value?.ToString() ?? "null") + ":" + p.Value?.GetType().Name)));
                Invariant.CallForData("LineChartBuilder.Add", () => { builder.Add(record); return 0; });
            }

            log?.Invoke($"x {x} ({builder.XScale}), y {y} ({builder.YScale}), series {(series == null ? "null" : string.Join("+", series))}, {builder.Width}x{builder.Height}, title {builder.Title?.Length}");
            var request = Invariant.CallForData("LineChartBuilder.Build", builder.Build);
            log?.Invoke("built");
            return request == null ? null : Invariant.CallForData("SvgChart.Render(line)", () => SvgChart.Render(request));
        }

        private static string? Roofline(ScenarioCase c, Func<int> next)
        {
            var model = Invariant.Call("ModelSpec", c.Model.Build);
            var gpu = model == null || c.Gpu == null ? null : Invariant.Call("HardwareSpec", c.BuildGpu);
            var deployment = gpu == null ? null : Invariant.Call("Deployment", () => c.BuildDeployment(model!, gpu));
            var scenario = deployment == null ? null : Invariant.Call("Scenario", () => new Scenario(deployment, c.Batch, c.Input, c.Output));
            if (scenario == null)
            {
                return null;
            }

            var builder = new RooflineChartBuilder { Title = Names[next() % Names.Length] };
            var phase = next() % 2 == 0 ? Phase.Prefill : Phase.Decode;
            var points = next() % 2 == 0
                ? Invariant.Call("RooflineAnalyzer.AnalyzeOperators", () => RooflineAnalyzer.AnalyzeOperators(scenario, phase))
                : Invariant.Call("RooflineAnalyzer.Analyze", () => (IReadOnlyList<RooflinePoint>)new[] { RooflineAnalyzer.Analyze(scenario, phase) });
            if (points == null)
            {
                return null;
            }

            foreach (var point in points)
            {
                builder.Add(point);
            }

            builder.AddHardware(gpu!);
            if (next() % 3 == 0)
            {
                builder.CeilingTypes = Enum.GetValues(typeof(DataType)).Cast<DataType>().Where(_ => next() % 2 == 0).ToArray();
            }

            var request = Invariant.CallForData("RooflineChartBuilder.Build", builder.Build);
            return request == null ? null : Invariant.CallForData("SvgChart.Render(roofline)", () => SvgChart.Render(request));
        }
    }
}
