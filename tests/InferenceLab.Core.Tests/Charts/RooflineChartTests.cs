using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Tests.Charts
{
    /// <summary>
    /// The roofline chart against the A100 SXM 80GB datasheet (TestModels.A100Sxm80: 2,039 GB/s; dense 19.5 TFLOP/s fp32,
    /// 156 tf32, 312 bf16/fp16, 624 TOPS int8) and Llama-2-7B in fp16. Every expected position is computed here from those
    /// figures through the axis transform read back from the SVG's ticks.
    /// </summary>
    public sealed class RooflineChartTests
    {
        private const double Bandwidth = 2.039e12;
        private const double Fp16Peak = 312e12;

        /// <summary>Pixel tolerance: coordinates are written with two decimals and the transform comes from two rounded ticks.</summary>
        private const double Pixel = 0.05;

        private static Scenario Llama(int batch) => new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), batch, 2048, 128);

        private static IReadOnlyList<RooflinePoint> PrefillAndDecode(params int[] batches) =>
            batches.SelectMany(b => new[] { RooflineAnalyzer.Analyze(Llama(b), Phase.Prefill), RooflineAnalyzer.Analyze(Llama(b), Phase.Decode) }).ToList();

        private static SvgChartDocument Chart(IEnumerable<RooflinePoint> points, params HardwareSpec[] hardware)
        {
            var builder = new RooflineChartBuilder();
            foreach (var point in points)
            {
                builder.Add(point);
            }

            foreach (var spec in hardware)
            {
                builder.AddHardware(spec);
            }

            return new SvgChartDocument(SvgChart.Render(builder.Build()));
        }

        [Fact]
        public void The_svg_is_xml_with_an_accessible_title_and_description_naming_model_and_gpu()
        {
            var chart = Chart(PrefillAndDecode(1, 8, 64), TestModels.A100Sxm80);

            Assert.Equal("img", (string?)chart.Root.Attribute("role"));
            var title = chart.Root.Element(SvgChartDocument.Svg + "title")!;
            var desc = chart.Root.Element(SvgChartDocument.Svg + "desc")!;
            Assert.Equal("Roofline: llama-2-7b on a100-sxm-80gb", title.Value);
            Assert.Equal("chart-title chart-desc", (string?)chart.Root.Attribute("aria-labelledby"));
            Assert.Contains("ridge at 153 FLOP/B", desc.Value);
            Assert.Contains("decode B=1", desc.Value);

            // Self-contained: no scripts, no external references, no stylesheet links.
            Assert.DoesNotContain("<script", chart.Text);
            Assert.DoesNotContain("href", chart.Text);
            Assert.Equal("Roofline: llama-2-7b on a100-sxm-80gb", chart.WithClass("chart-title").Single().Value);
            var axisTitles = chart.WithClass("axis-title").Select(e => e.Value).ToList();
            Assert.Contains("Arithmetic intensity (FLOP/B)", axisTitles);
            Assert.Contains("Attainable performance (TFLOP/s)", axisTitles);
        }

        [Fact]
        public void The_a100_ridge_point_sits_at_153_flop_per_byte_and_312_tflops()
        {
            var chart = Chart(PrefillAndDecode(1, 8, 64), TestModels.A100Sxm80);

            // Datasheet: 312e12 FLOP/s ÷ 2.039e12 B/s = 153.016 FLOP/B (DESIGN §8: 153.0).
            double ridge = 312e12 / 2.039e12;
            Assert.Equal(153.0, ridge, 1);
            var point = chart.WithClass("ridge-point").Single(g => (string?)g.Attribute("data-types") == "bf16/fp16");
            var circle = point.Element(SvgChartDocument.Svg + "circle")!;
            Assert.Equal(chart.Map("x-axis", ridge), SvgChartDocument.D(circle, "cx"), Pixel);
            Assert.Equal(chart.Map("y-axis", Fp16Peak), SvgChartDocument.D(circle, "cy"), Pixel);

            // And the ridge's value is printed beside it.
            Assert.Contains(chart.LabelBoxes("ridge-label"), l => l.Text == "ridge 153 FLOP/B");
        }

        [Fact]
        public void Every_data_type_has_a_compute_ceiling_at_its_datasheet_peak_starting_at_its_ridge()
        {
            var chart = Chart(PrefillAndDecode(1, 64), TestModels.A100Sxm80);
            var plot = chart.PlotArea;

            // fp32 19.5e12 (ridge 9.564), tf32 156e12 (76.51), bf16/fp16 312e12 (153.0), int8 624e12 (306.0).
            var expected = new Dictionary<string, double> { ["fp32"] = 19.5e12, ["tf32"] = 156e12, ["bf16/fp16"] = 312e12, ["int8"] = 624e12 };
            var lines = chart.WithClass("compute-ceiling").ToList();
            Assert.Equal(expected.Keys.OrderBy(k => k), lines.Select(l => (string)l.Attribute("data-types")!).OrderBy(k => k));
            foreach (var line in lines)
            {
                double peak = expected[(string)line.Attribute("data-types")!];
                Assert.Equal(chart.Map("y-axis", peak), SvgChartDocument.D(line, "y1"), Pixel);
                Assert.Equal(chart.Map("y-axis", peak), SvgChartDocument.D(line, "y2"), Pixel);
                Assert.Equal(chart.Map("x-axis", peak / Bandwidth), SvgChartDocument.D(line, "x1"), Pixel);
                Assert.Equal(plot.X + plot.Width, SvgChartDocument.D(line, "x2"), Pixel);
            }

            // Only the type the points run at (fp16) is drawn solid.
            Assert.Equal("bf16/fp16", (string)chart.WithClass("primary").Single().Attribute("data-types")!);
        }

        [Fact]
        public void The_memory_ceiling_is_bandwidth_times_intensity_from_the_plot_edge_to_the_highest_ridge()
        {
            var chart = Chart(PrefillAndDecode(1, 64), TestModels.A100Sxm80);
            var line = chart.WithClass("memory-ceiling").Single();
            double x1 = SvgChartDocument.D(line, "x1"), y1 = SvgChartDocument.D(line, "y1");
            double x2 = SvgChartDocument.D(line, "x2"), y2 = SvgChartDocument.D(line, "y2");

            // Both ends on y = 2.039e12 × intensity.
            foreach (var (x, y) in new[] { (x1, y1), (x2, y2) })
            {
                double intensity = chart.Invert("x-axis", x);
                Assert.Equal(chart.Map("y-axis", Bandwidth * intensity), y, 0.1);
            }

            // It ends at int8's ridge, 624e12 / 2.039e12 = 306.03 FLOP/B, and starts on the plot's edge.
            Assert.Equal(chart.Map("x-axis", 624e12 / Bandwidth), x2, Pixel);
            Assert.Equal(chart.Map("y-axis", 624e12), y2, Pixel);
            var plot = chart.PlotArea;
            Assert.True(Math.Abs(x1 - plot.X) < Pixel || Math.Abs(y1 - (plot.Y + plot.Height)) < Pixel, $"The memory ceiling starts inside the plot at ({x1}, {y1}).");
        }

        [Fact]
        public void Each_point_sits_at_its_intensity_and_attainable_rate_with_its_label()
        {
            var points = PrefillAndDecode(1, 8, 64);
            var chart = Chart(points, TestModels.A100Sxm80);
            var groups = chart.WithClass("point").ToList();
            Assert.Equal(6, groups.Count);

            foreach (var (point, group) in points.Zip(groups, (p, g) => (p, g)))
            {
                string label = (point.Phase == Phase.Prefill ? "prefill" : "decode") + " B=" + point.BatchSize.ToString(CultureInfo.InvariantCulture);
                Assert.Equal(label, (string?)group.Attribute("data-label"));
                var (cx, cy) = Centre(group);
                Assert.Equal(chart.Map("x-axis", point.ArithmeticIntensityFlopsPerByte), cx, Pixel);
                Assert.Equal(chart.Map("y-axis", point.AttainableFlopsPerSecond), cy, Pixel);
                AssertLabelled(chart, (string)group.Attribute("id")!, label);
            }

            // Decode at batch 1 reads every fp16 weight (2 B) once for 2 FLOPs: about 1 FLOP/B, memory-bound, so it sits on the
            // memory ceiling at about 2.039 TFLOP/s — between the pixels of 0.9 and 1.1 FLOP/B.
            var decode1 = groups.Single(g => (string?)g.Attribute("data-label") == "decode B=1");
            var (x, y) = Centre(decode1);
            Assert.InRange(x, chart.Map("x-axis", 0.9), chart.Map("x-axis", 1.1));
            Assert.InRange(y, chart.Map("y-axis", 1.1 * Bandwidth), chart.Map("y-axis", 0.9 * Bandwidth));

            // Prefill of 2048 tokens is compute-bound: on the 312 TFLOP/s ceiling.
            var prefill1 = groups.Single(g => (string?)g.Attribute("data-label") == "prefill B=1");
            Assert.Equal(chart.Map("y-axis", Fp16Peak), Centre(prefill1).Y, Pixel);
        }

        [Fact]
        public void Ticks_cover_the_points_and_ridges_and_log_ticks_are_decades_with_2_and_5()
        {
            var points = PrefillAndDecode(1, 8, 64);
            var chart = Chart(points, TestModels.A100Sxm80);
            var x = chart.Ticks("x-axis");
            var y = chart.Ticks("y-axis");

            Assert.True(x.First().Value <= points.Min(p => p.ArithmeticIntensityFlopsPerByte));
            Assert.True(x.Last().Value >= Math.Max(points.Max(p => p.ArithmeticIntensityFlopsPerByte), 624e12 / Bandwidth));
            Assert.True(y.First().Value <= points.Min(p => p.AttainableFlopsPerSecond));
            Assert.True(y.Last().Value >= 624e12);

            foreach (var tick in x.Concat(y))
            {
                double mantissa = tick.Value / Math.Pow(10, Math.Floor(Math.Log10(tick.Value) + 1e-9));
                Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
            }

            // Every decade inside the range is labelled: 1, 10, 100, 1000 FLOP/B on x; 1, 10, 100 TFLOP/s on y. Each label
            // reads its tick's value (in TFLOP/s on y; "2k" is 2000).
            foreach (double decade in new[] { 1.0, 10, 100, 1000 })
            {
                Assert.Contains(x, t => t.Value == decade);
            }

            foreach (double decade in new[] { 1e12, 1e13, 1e14 })
            {
                Assert.Contains(y, t => t.Value == decade);
            }

            Assert.All(x, t => Assert.Equal(t.Value, TickNumber(t.Label), 9));
            Assert.All(y, t => Assert.Equal(t.Value / 1e12, TickNumber(t.Label), 9));

            // Tick labels never touch: a log x axis of 5+ decades keeps its labels apart.
            for (int i = 1; i < x.Count; i++)
            {
                Assert.True(x[i].Position - x[i - 1].Position > 20, $"Ticks {x[i - 1].Label} and {x[i].Label} are {x[i].Position - x[i - 1].Position} px apart.");
            }
        }

        [Fact]
        public void No_points_is_a_clear_error()
        {
            var error = Assert.Throws<InvalidInputException>(() => new RooflineChartBuilder().Build());
            Assert.Equal("ChartHasNoPoints", error.ErrorId);
            Assert.Equal("A roofline chart needs at least one roofline point; got none.", error.Message);
        }

        [Fact]
        public void Points_without_flops_are_left_out_with_a_note_and_alone_are_a_clear_error()
        {
            // The embedding lookup moves bytes but does no FLOPs: intensity 0 has no place on a log axis.
            var operators = RooflineAnalyzer.AnalyzeOperators(Llama(1), Phase.Decode);
            var embedding = operators.Single(p => p.Operator == nameof(OperatorKind.Embedding));
            Assert.Equal(0, embedding.Flops);

            var alone = new RooflineChartBuilder();
            alone.Add(embedding);
            var error = Assert.Throws<InvalidInputException>(() => alone.Build());
            Assert.Equal("ChartHasNoPoints", error.ErrorId);
            Assert.Contains("Embedding decode B=1", error.Message);

            var chart = Chart(operators);
            Assert.Equal(operators.Count - 1, chart.WithClass("point").Count());
            Assert.Contains("Not shown (no FLOPs or no bytes, so no place on log axes): Embedding decode B=1.", chart.WithClass("notes").Single().Value);
        }

        [Fact]
        public void A_single_point_without_a_datasheet_gives_a_chart_with_the_points_own_ceiling()
        {
            var point = RooflineAnalyzer.Analyze(Llama(1), Phase.Decode);
            var chart = Chart(new[] { point });

            var ceiling = chart.WithClass("compute-ceiling").Single();
            Assert.Equal("fp16", (string?)ceiling.Attribute("data-types"));
            Assert.Equal(chart.Map("y-axis", Fp16Peak), SvgChartDocument.D(ceiling, "y1"), Pixel);
            var x = chart.Ticks("x-axis");
            Assert.True(x.First().Value <= point.ArithmeticIntensityFlopsPerByte && x.Last().Value >= Fp16Peak / Bandwidth);
            AssertLabelled(chart, "point-0", "decode B=1");
        }

        [Fact]
        public void Two_gpus_get_a_roof_each_in_their_own_colour_and_only_the_points_ceilings()
        {
            // NVIDIA H100 SXM datasheet: 3.35 TB/s, 989 TFLOP/s dense bf16/fp16.
            var h100 = new HardwareSpec("h100-sxm", 80.0 * 1024 * 1024 * 1024, 3.35e12,
                new Dictionary<DataType, double> { [DataType.Fp32] = 67e12, [DataType.Bf16] = 989e12, [DataType.Fp16] = 989e12, [DataType.Fp8] = 1979e12 });
            var points = PrefillAndDecode(1).Concat(new[]
            {
                RooflineAnalyzer.Analyze(new Scenario(new Deployment(TestModels.Llama2_7B, h100), 1, 2048, 128), Phase.Prefill),
                RooflineAnalyzer.Analyze(new Scenario(new Deployment(TestModels.Llama2_7B, h100), 1, 2048, 128), Phase.Decode),
            });
            var chart = Chart(points, TestModels.A100Sxm80, h100);

            var memory = chart.WithClass("memory-ceiling").ToDictionary(l => (string)l.Attribute("data-hardware")!);
            Assert.Equal(new[] { "a100-sxm-80gb", "h100-sxm" }, memory.Keys.OrderBy(k => k));
            Assert.NotEqual((string?)memory["a100-sxm-80gb"].Attribute("stroke"), (string?)memory["h100-sxm"].Attribute("stroke"));

            // H100 ridge: 989e12 / 3.35e12 = 295.2 FLOP/B.
            var ridge = chart.WithClass("ridge-point").Single(g => (string?)g.Attribute("data-hardware") == "h100-sxm").Element(SvgChartDocument.Svg + "circle")!;
            Assert.Equal(chart.Map("x-axis", 989e12 / 3.35e12), SvgChartDocument.D(ridge, "cx"), Pixel);
            Assert.Equal(chart.Map("y-axis", 989e12), SvgChartDocument.D(ridge, "cy"), Pixel);

            // Several GPUs: only the ceilings the points run at, unless asked for more.
            Assert.Equal(2, chart.WithClass("compute-ceiling").Count());
            Assert.All(chart.WithClass("point"), g => Assert.EndsWith(")", (string)g.Attribute("data-label")!));

            var builder = new RooflineChartBuilder { CeilingTypes = new[] { DataType.Fp32 } };
            foreach (var point in points)
            {
                builder.Add(point);
            }

            builder.AddHardware(TestModels.A100Sxm80);
            builder.AddHardware(h100);
            var withFp32 = new SvgChartDocument(SvgChart.Render(builder.Build()));
            Assert.Equal(4, withFp32.WithClass("compute-ceiling").Count());
        }

        [Fact]
        public void Catalog_datasheets_are_added_only_when_their_figures_are_the_points_figures()
        {
            var point = RooflineAnalyzer.Analyze(Llama(1), Phase.Decode);

            // The same name with other figures (a user's own "a100-sxm-80gb" at 1.5 TB/s) is not the points' GPU.
            var impostor = new HardwareSpec("a100-sxm-80gb", 80.0 * 1024 * 1024 * 1024, 1.5e12, new Dictionary<DataType, double> { [DataType.Fp16] = 312e12, [DataType.Fp32] = 19.5e12 });
            var builder = new RooflineChartBuilder();
            builder.Add(point);
            builder.AddHardwareFrom(name => impostor);
            Assert.Equal(new[] { "fp16" }, builder.Build().Ceilings.Select(c => c.DataTypeLabel));

            var matching = new RooflineChartBuilder();
            matching.Add(point);
            matching.AddHardwareFrom(name => name == "a100-sxm-80gb" ? TestModels.A100Sxm80 : null);
            Assert.Equal(new[] { "fp32", "tf32", "bf16/fp16", "int8" }, matching.Build().Ceilings.Select(c => c.DataTypeLabel));
        }

        [Fact]
        public void A_gpu_added_for_comparison_shows_its_roof_at_the_points_compute_type()
        {
            var builder = new RooflineChartBuilder();
            builder.Add(RooflineAnalyzer.Analyze(Llama(1), Phase.Decode));
            builder.AddHardware(TestModels.A10);
            var request = builder.Build();

            // A10 datasheet: 125 TFLOP/s fp16 at 600 GB/s, ridge 208.3 FLOP/B (DESIGN §8).
            var a10 = request.Ceilings.Single(c => c.HardwareName == "a10");
            Assert.Equal(125e12, a10.PeakFlopsPerSecond);
            Assert.Equal(208.3, a10.RidgeFlopsPerByte, 1);
            Assert.Contains("a10", request.Title);
        }

        [Fact]
        public void A_dozen_operator_points_clustered_at_one_intensity_get_labels_that_do_not_overlap()
        {
            // Decode at batch 1 and 16: the GEMMs of both batches sit near 1 and 16 FLOP/B, several on one pixel.
            var points = RooflineAnalyzer.AnalyzeOperators(Llama(1), Phase.Decode).Concat(RooflineAnalyzer.AnalyzeOperators(Llama(16), Phase.Decode)).ToList();
            var chart = Chart(points, TestModels.A100Sxm80);
            var charted = chart.WithClass("point").ToList();
            Assert.True(charted.Count >= 12, $"{charted.Count} points charted.");

            AssertNoOverlaps(chart);
            foreach (var group in charted)
            {
                AssertLabelled(chart, (string)group.Attribute("id")!, (string)group.Attribute("data-label")!);
            }
        }

        [Fact]
        public void Twelve_synthetic_points_within_a_few_pixels_get_labels_that_do_not_overlap()
        {
            // Twelve points within 20% of 2 FLOP/B on the memory roof: too close for every label beside its point.
            var points = Enumerable.Range(0, 12).Select(i =>
            {
                double intensity = 2 * (1 + (0.02 * i));
                return new RooflineChartPoint("operator number " + i.ToString(CultureInfo.InvariantCulture), "gpu", intensity, intensity * Bandwidth, i % 2 == 0 ? Phase.Decode : Phase.Prefill);
            }).ToList();
            var ceilings = new[] { new RooflineCeiling("gpu", new[] { DataType.Fp16 }, Fp16Peak, Bandwidth, true) };
            var chart = new SvgChartDocument(SvgChart.Render(new RooflineChartRequest("Crowded", points, ceilings)));

            AssertNoOverlaps(chart);
            var groups = chart.WithClass("point").ToList();
            Assert.Equal(12, groups.Count);
            for (int i = 0; i < 12; i++)
            {
                AssertLabelled(chart, "point-" + i.ToString(CultureInfo.InvariantCulture), points[i].Label);
            }
        }

        [Fact]
        public void More_than_thirty_points_go_unlabelled_with_a_note_and_keep_their_figures_in_tooltips()
        {
            // 32 decode points (batch 1 to 32): too many labels for one roof.
            var points = Enumerable.Range(1, 32).Select(b => RooflineAnalyzer.Analyze(Llama(b), Phase.Decode)).ToList();
            var chart = Chart(points, TestModels.A100Sxm80);

            Assert.Equal(32, chart.WithClass("point").Count());
            Assert.Empty(chart.WithClass("point-label"));
            Assert.Contains("32 points are too many to label", chart.WithClass("notes").Single().Value);
            Assert.All(chart.WithClass("point"), g => Assert.StartsWith((string)g.Attribute("data-label")! + ":", g.Element(SvgChartDocument.Svg + "title")!.Value));
            Assert.Contains("ridge 153 FLOP/B", chart.LabelBoxes("ridge-label").Select(l => l.Text));
        }

        [Fact]
        public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one()
        {
            var request = RequestFor(PrefillAndDecode(1, 8));
            string invariant = SvgChart.Render(request);
            var saved = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal(invariant, SvgChart.Render(request));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Fact]
        public void Sizes_out_of_range_are_invalid_input()
        {
            var builder = new RooflineChartBuilder { Width = 100 };
            builder.Add(RooflineAnalyzer.Analyze(Llama(1), Phase.Decode));
            Assert.Equal("ChartWidthOutOfRange", Assert.Throws<InvalidInputException>(() => builder.Build()).ErrorId);
        }

        private static RooflineChartRequest RequestFor(IEnumerable<RooflinePoint> points)
        {
            var builder = new RooflineChartBuilder();
            foreach (var point in points)
            {
                builder.Add(point);
            }

            builder.AddHardware(TestModels.A100Sxm80);
            return builder.Build();
        }

        /// <summary>A tick label's number: "0.5", "20", "2k" (× 1000), "1M".</summary>
        internal static double TickNumber(string label)
        {
            double factor = label.EndsWith("k", StringComparison.Ordinal) ? 1e3 : label.EndsWith("M", StringComparison.Ordinal) ? 1e6 : 1;
            return double.Parse(factor == 1 ? label : label.Substring(0, label.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture) * factor;
        }

        private static (double X, double Y) Centre(System.Xml.Linq.XElement pointGroup)
        {
            var marker = pointGroup.Elements().Single(e => (string?)e.Attribute("class") == "marker");
            return marker.Name.LocalName == "circle"
                ? (SvgChartDocument.D(marker, "cx"), SvgChartDocument.D(marker, "cy"))
                : (SvgChartDocument.D(marker, "x") + (SvgChartDocument.D(marker, "width") / 2), SvgChartDocument.D(marker, "y") + (SvgChartDocument.D(marker, "height") / 2));
        }

        /// <summary>The point's label is beside it, or its number is and the legend's key holds the label.</summary>
        private static void AssertLabelled(SvgChartDocument chart, string pointId, string label)
        {
            var group = chart.WithClass("point-label").Single(g => (string?)g.Attribute("data-point") == pointId);
            string shown = group.Element(SvgChartDocument.Svg + "text")!.Value;
            if (shown != label)
            {
                var key = chart.WithClass("key-entry").Single(k => (string?)k.Attribute("data-number") == shown);
                Assert.Equal(label, string.Join(" ", key.Elements(SvgChartDocument.Svg + "text").Skip(1).Select(t => t.Value)));
            }
        }

        /// <summary>No two label boxes overlap, and each lies inside the plot.</summary>
        private static void AssertNoOverlaps(SvgChartDocument chart)
        {
            var boxes = chart.LabelBoxes("point-label").Concat(chart.LabelBoxes("ceiling-label")).Concat(chart.LabelBoxes("ridge-label")).ToList();
            var plot = chart.PlotArea;
            for (int i = 0; i < boxes.Count; i++)
            {
                Assert.True(boxes[i].X >= plot.X && boxes[i].X + boxes[i].Width <= plot.X + plot.Width && boxes[i].Y >= plot.Y && boxes[i].Y + boxes[i].Height <= plot.Y + plot.Height, $"'{boxes[i].Text}' leaves the plot.");
                for (int j = i + 1; j < boxes.Count; j++)
                {
                    Assert.False(SvgChartDocument.Overlap(boxes[i], boxes[j]), $"'{boxes[i].Text}' overlaps '{boxes[j].Text}'.");
                }
            }
        }
    }
}
