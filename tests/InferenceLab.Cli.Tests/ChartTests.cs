using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// <c>--chart</c>: the roofline of <c>roofline</c> and the line charts of the other commands, written beside the printed
    /// results. The test catalog's A100 is the datasheet's: 2,039 GB/s, 312 TFLOP/s fp16, so the ridge is 153.0 FLOP/B.
    /// </summary>
    public sealed class ChartTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static XElement[] ByClass(XDocument svg, string cssClass) =>
            svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cssClass)).ToArray();

        [Fact]
        public void Roofline_chart_writes_the_points_with_the_gpus_datasheet_ceilings_and_still_prints_the_table()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "roofline.svg");
            var run = CliRun.With("roofline", "--model", "llama-2-7b", "--hardware", "a100-sxm-80gb", "--batch-size", "1,64", "--input-length", "1024", "--chart", file);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Error);
            Assert.Contains("prefill", run.Output.ToLowerInvariant());
            var svg = XDocument.Load(file);
            Assert.Equal("Roofline: llama-2-7b on a100-sxm-80gb", svg.Root!.Element(Svg + "title")!.Value);
            Assert.Equal(new[] { "decode B=1", "decode B=64", "prefill B=1", "prefill B=64" }, ByClass(svg, "point").Select(p => (string)p.Attribute("data-label")!).OrderBy(l => l, StringComparer.Ordinal));

            // The datasheet's four rates (fp32, tf32, bf16/fp16, int8), the points' fp16 solid, its ridge at 153 FLOP/B.
            Assert.Equal(new[] { "fp32", "tf32", "bf16/fp16", "int8" }, ByClass(svg, "compute-ceiling").Select(c => (string)c.Attribute("data-types")!));
            Assert.Equal("ridge 153 FLOP/B", ByClass(svg, "ridge-label").Single().Value);
        }

        [Fact]
        public void Roofline_chart_takes_a_title_and_the_ceiling_types_of_several_gpus()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "two.svg");
            var run = CliRun.With("roofline", "--model", "llama-2-7b", "--hardware", "a10,a100-sxm-80gb", "--input-length", "512", "--chart", file, "--chart-title", "A10 or A100", "--ceiling-type", "int8");

            Assert.Equal(0, run.ExitCode);
            var svg = XDocument.Load(file);
            Assert.Equal("A10 or A100", svg.Root!.Element(Svg + "title")!.Value);
            // Each GPU: its fp16 ceiling (the points' type) and the int8 one asked for (A10 250, A100 624 TOPS).
            Assert.Equal(new[] { "bf16/fp16", "int8", "bf16/fp16", "int8" }, ByClass(svg, "compute-ceiling").Select(c => (string)c.Attribute("data-types")!));
            Assert.Equal(2, ByClass(svg, "memory-ceiling").Length);
        }

        [Fact]
        public void Latency_chart_plots_y_against_x_one_line_per_gpu_through_the_printed_values()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "throughput.svg");
            var run = CliRun.With("latency", "--model", "llama-2-7b", "--hardware", "a10,a100-sxm-80gb", "--batch-size", "1,4,16", "--input-length", "512", "--output-length", "64",
                "--format", "json", "--chart", file, "--x", "BatchSize", "--y", "OutputTokensPerSecond");

            Assert.Equal(0, run.ExitCode);
            var svg = XDocument.Load(file);
            Assert.Equal("Output throughput vs batch size", svg.Root!.Element(Svg + "title")!.Value);
            var series = ByClass(svg, "series");
            Assert.Equal(new[] { "llama-2-7b on a10", "llama-2-7b on a100-sxm-80gb" }, series.Select(s => (string)s.Attribute("data-series")!));

            // Every marker carries the exact value printed for its row.
            foreach (var row in run.Json())
            {
                string gpu = row.GetProperty("HardwareName").GetString()!;
                string batch = row.GetProperty("BatchSize").GetInt32().ToString(CultureInfo.InvariantCulture);
                var point = series.Single(s => (string)s.Attribute("data-series")! == "llama-2-7b on " + gpu).Elements(Svg + "g").Single(g => (string)g.Attribute("data-x")! == batch);
                Assert.Equal(row.GetProperty("OutputTokensPerSecond").GetDouble(), double.Parse((string)point.Attribute("data-y")!, CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public void Names_on_x_and_one_line_with_series_none()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "context.svg");
            var run = CliRun.With("max-context", "--model", "llama-2-7b", "--hardware", "a10,a100-sxm-80gb", "--chart", file, "--x", "HardwareName", "--y", "MaxContextLength", "--series", "none");

            Assert.Equal(0, run.ExitCode);
            var svg = XDocument.Load(file);
            var ticks = ByClass(svg, "x-axis").Single().Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "tick").Select(g => g.Value);
            Assert.Equal(new[] { "a10", "a100-sxm-80gb" }, ticks);
            Assert.Equal("MaxContextLength", (string?)ByClass(svg, "series").Single().Attribute("data-series"));
        }

        [Theory]
        [InlineData("--chart needs --x and --y, the result properties to plot, e.g. --x BatchSize --y OutputTokensPerSecond.", "--chart", "x.svg")]
        [InlineData("--chart needs --x and --y, the result properties to plot, e.g. --x BatchSize --y OutputTokensPerSecond.", "--chart", "x.svg", "--x", "BatchSize")]
        [InlineData("--x needs --chart PATH.", "--x", "BatchSize")]
        [InlineData("--chart-title needs --chart PATH.", "--chart-title", "T")]
        [InlineData("--x-scale: 'cubic' is not a scale; use auto, linear or log.", "--chart", "x.svg", "--x", "BatchSize", "--y", "OutputTokensPerSecond", "--x-scale", "cubic")]
        public void Chart_options_without_their_companions_are_usage_errors(string message, params string[] chartArgs)
        {
            var run = CliRun.With(new[] { "latency", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "128", "--output-length", "16" }.Concat(chartArgs).ToArray());
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Output);
            Assert.Contains("error: " + message, run.Error);
        }

        [Fact]
        public void A_property_the_results_lack_is_reported_once_and_no_chart_is_written()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "typo.svg");
            var run = CliRun.With("latency", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "1,2,4", "--input-length", "128", "--output-length", "16", "--chart", file, "--x", "BatchSize", "--y", "Throughput");

            Assert.Equal(1, run.ExitCode);
            var error = Assert.Single(run.ErrorLines);
            Assert.StartsWith("error: A record has no property 'Throughput' to chart on Y. It has: ModelName, HardwareName,", error);
            Assert.False(File.Exists(file));
            Assert.NotEqual("", run.Output);
        }

        [Fact]
        public void A_chart_that_cannot_be_written_or_made_is_bad_input()
        {
            using var folder = new TempFolder();
            var unwritable = CliRun.With("roofline", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "128", "--chart", Path.Combine(folder.Path, "no-such-folder", "x.svg"));
            Assert.Equal(1, unwritable.ExitCode);
            Assert.StartsWith("error: cannot write the chart to '", Assert.Single(unwritable.ErrorLines));

            var type = CliRun.With("roofline", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "128", "--chart", Path.Combine(folder.Path, "t.svg"), "--ceiling-type", "fp33");
            Assert.Equal(1, type.ExitCode);
            Assert.Contains("fp33", Assert.Single(type.ErrorLines));
            Assert.False(File.Exists(Path.Combine(folder.Path, "t.svg")));

            // Every point failed (TP 3 does not divide 32 heads): nothing to chart.
            var none = CliRun.With("roofline", "--model", "llama-2-7b", "--hardware", "a10", "--input-length", "128", "--tensor-parallel", "3", "--chart", Path.Combine(folder.Path, "n.svg"));
            Assert.Equal(1, none.ExitCode);
            Assert.Contains("error: A roofline chart needs at least one roofline point; got none.", none.ErrorLines);
        }

        [Fact]
        public void Several_values_at_one_x_are_a_warning_and_the_chart_is_still_written()
        {
            using var folder = new TempFolder();
            string file = Path.Combine(folder.Path, "repeat.svg");
            var run = CliRun.With("latency", "--model", "llama-2-7b", "--hardware", "a10", "--batch-size", "1,2", "--input-length", "128,256", "--output-length", "16", "--chart", file, "--x", "BatchSize", "--y", "TimeToFirstTokenSeconds");

            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("warning: Series 'llama-2-7b on a10' has several TimeToFirstTokenSeconds values at BatchSize values 1, 2", Assert.Single(run.ErrorLines));
            Assert.True(File.Exists(file));
        }
    }
}
