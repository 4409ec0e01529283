using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Charts
{
    /// <summary>The line chart of one property against another: series, axes, units, scales and bad input.</summary>
    public sealed class LineChartTests
    {
        private const double Pixel = 0.05;

        private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
            values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

        private static LatencyEstimate Latency(int batch) =>
            LatencyEstimator.Estimate(new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), batch, 512, 128));

        [Fact]
        public void Latency_results_chart_one_line_per_model_and_gpu_through_their_values()
        {
            var builder = new LineChartBuilder("BatchSize", "OutputTokensPerSecond");
            var batches = new[] { 1, 2, 4, 8, 16, 32, 64 };
            foreach (int batch in batches)
            {
                builder.Add(ChartRecords.FromObject(Latency(batch)));
                builder.Add(ChartRecords.FromObject(LatencyEstimator.Estimate(new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A10), batch, 512, 128))));
            }

            var request = builder.Build();
            Assert.Equal(new[] { "llama-2-7b on a100-sxm-80gb", "llama-2-7b on a10" }, request.Series.Select(s => s.Name));
            Assert.Equal("Output throughput vs batch size", request.Title);

            var chart = new SvgChartDocument(SvgChart.Render(request));
            Assert.Equal("Output throughput vs batch size", chart.Root.Element(SvgChartDocument.Svg + "title")!.Value);
            var titles = chart.WithClass("axis-title").Select(e => e.Value).ToList();
            Assert.Contains("Batch size (sequences)", titles);
            Assert.Contains("Output throughput (tokens/s)", titles);

            // A doubling sweep over 64× gets a log x axis; each marker sits at its values.
            Assert.True(chart.IsLog("x-axis"));
            var a100 = chart.WithClass("series").Single(g => (string?)g.Attribute("data-series") == "llama-2-7b on a100-sxm-80gb");
            var points = a100.Elements(SvgChartDocument.Svg + "g").ToList();
            Assert.Equal(batches.Length, points.Count);
            for (int i = 0; i < batches.Length; i++)
            {
                double throughput = Latency(batches[i]).OutputTokensPerSecond;
                var marker = points[i].Elements().Single(e => (string?)e.Attribute("class") == "marker");
                Assert.Equal(chart.Map("x-axis", batches[i]), SvgChartDocument.D(marker, "cx"), Pixel);
                Assert.Equal(chart.Map("y-axis", throughput), SvgChartDocument.D(marker, "cy"), Pixel);
            }

            var line = chart.WithClass("series-line").First();
            Assert.Equal(batches.Length, ((string)line.Attribute("points")!).Split(' ').Length);
            Assert.Equal(2, chart.WithClass("legend").Single().Descendants(SvgChartDocument.Svg + "text").Count());
        }

        [Fact]
        public void Linear_ticks_step_by_1_2_or_5_times_a_power_of_ten_and_cover_the_data()
        {
            // TPOT of 8..96 sequences: a few milliseconds; the axis shows ms.
            var builder = new LineChartBuilder("BatchSize", "TimePerOutputTokenSeconds") { XScale = AxisScale.Linear, YScale = AxisScale.Linear };
            var values = Enumerable.Range(1, 12).Select(i => Latency(i * 8)).ToList();
            foreach (var value in values)
            {
                builder.Add(ChartRecords.FromObject(value));
            }

            var chart = new SvgChartDocument(SvgChart.Render(builder.Build()));
            Assert.Contains("Time per output token (ms)", chart.WithClass("axis-title").Select(e => e.Value));
            foreach (var (axis, min, max, scale) in new[]
            {
                ("x-axis", 8.0, 96.0, 1.0),
                ("y-axis", values.Min(v => v.TimePerOutputTokenSeconds), values.Max(v => v.TimePerOutputTokenSeconds), 1e-3),
            })
            {
                var ticks = chart.Ticks(axis);
                Assert.False(chart.IsLog(axis));
                Assert.True(ticks.First().Value <= min && ticks.Last().Value >= max, $"{axis} ticks {ticks.First().Value}..{ticks.Last().Value} miss {min}..{max}.");
                double step = ticks[1].Value - ticks[0].Value;
                double mantissa = step / scale / Math.Pow(10, Math.Floor(Math.Log10(step / scale) + 1e-9));
                Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
                for (int i = 1; i < ticks.Count; i++)
                {
                    Assert.Equal(step, ticks[i].Value - ticks[i - 1].Value, 9);
                    Assert.Equal(ticks[i].Value / scale, RooflineChartTests.TickNumber(ticks[i].Label), 6);
                }

                Assert.InRange(ticks.Count, 4, 12);
            }
        }

        [Fact]
        public void Csv_rows_with_numbers_as_text_chart_like_numbers_and_name_one_series_after_y()
        {
            var builder = new LineChartBuilder("InputLength", "TimeToFirstTokenSeconds", Array.Empty<string>());
            builder.Add(Row(("InputLength", "512"), ("TimeToFirstTokenSeconds", "0.0625")));
            builder.Add(Row(("inputlength", "1,024"), ("TimeToFirstTokenSeconds", "1.25e-1")));
            var request = builder.Build();

            var series = Assert.Single(request.Series);
            Assert.Equal("TimeToFirstTokenSeconds", series.Name);
            Assert.Equal(new[] { 512.0, 1024.0 }, series.Points.Select(p => p.X));
            Assert.Equal(new[] { 0.0625, 0.125 }, series.Points.Select(p => p.Y));
            Assert.Equal("Time to first token vs input length", request.Title);
        }

        [Fact]
        public void A_missing_or_non_numeric_property_is_invalid_input_naming_it()
        {
            var builder = new LineChartBuilder("BatchSize", "Throughput");
            var missing = Assert.Throws<InvalidInputException>(() => builder.Add(Row(("BatchSize", 1), ("Other", 2))));
            Assert.Equal("ChartPropertyMissing", missing.ErrorId);
            Assert.Equal("Y", missing.Field);
            Assert.Equal("A record has no property 'Throughput' to chart on Y. It has: BatchSize, Other.", missing.Message);

            var text = Assert.Throws<InvalidInputException>(() => builder.Add(Row(("BatchSize", 1), ("Throughput", "fast"))));
            Assert.Equal("ChartValueNotNumeric", text.ErrorId);
            Assert.Equal("Property 'Throughput' on Y is 'fast' (String), not a number, so it cannot be charted.", text.Message);

            var infinite = Assert.Throws<InvalidInputException>(() => builder.Add(Row(("BatchSize", 1), ("Throughput", double.PositiveInfinity))));
            Assert.Equal("ChartValueNotFinite", infinite.ErrorId);

            // A bad record is not added; the builder carries on.
            builder.Add(Row(("BatchSize", 2), ("Throughput", 10)));
            Assert.Equal(1, builder.Count);
        }

        [Fact]
        public void No_records_is_a_clear_error_and_one_record_is_a_sensible_chart()
        {
            var empty = Assert.Throws<InvalidInputException>(() => new LineChartBuilder("BatchSize", "OutputTokensPerSecond").Build());
            Assert.Equal("ChartHasNoPoints", empty.ErrorId);
            Assert.Equal("A line chart of OutputTokensPerSecond against BatchSize needs at least one record; got none.", empty.Message);

            var builder = new LineChartBuilder("BatchSize", "OutputTokensPerSecond");
            builder.Add(ChartRecords.FromObject(Latency(8)));
            var chart = new SvgChartDocument(SvgChart.Render(builder.Build()));

            // One value per axis: a linear axis from 0 to about twice it, the marker in the middle.
            double throughput = Latency(8).OutputTokensPerSecond;
            var x = chart.Ticks("x-axis");
            var y = chart.Ticks("y-axis");
            Assert.Equal(0, x.First().Value);
            Assert.InRange(x.Last().Value, 16, 20);
            Assert.Equal(0, y.First().Value);
            Assert.InRange(y.Last().Value, 2 * throughput, 2.5 * throughput);
            var marker = chart.WithClass("marker").Single();
            Assert.Equal(chart.Map("y-axis", throughput), SvgChartDocument.D(marker, "cy"), Pixel);
        }

        [Fact]
        public void A_log_axis_rejects_a_value_that_is_not_positive()
        {
            var builder = new LineChartBuilder("X", "Y") { YScale = AxisScale.Log };
            builder.Add(Row(("X", 1), ("Y", 5)));
            builder.Add(Row(("X", 2), ("Y", 0)));
            var error = Assert.Throws<InvalidInputException>(() => builder.Build());
            Assert.Equal("LogAxisNeedsPositiveValues", error.ErrorId);
            Assert.Equal("YScale", error.Field);

            // Auto stays linear when a value is 0.
            builder.YScale = AxisScale.Auto;
            Assert.Equal(AxisScale.Linear, LineChartRequest.Resolve(builder.Build().Y, new[] { 5.0, 0 }));
        }

        [Fact]
        public void Auto_scale_is_log_for_doubling_sweeps_and_linear_for_even_steps()
        {
            var axis = new LineChartAxis("Batch size");
            Assert.Equal(AxisScale.Log, LineChartRequest.Resolve(axis, new double[] { 1, 2, 4, 8, 16, 32, 64, 128, 256 }));
            Assert.Equal(AxisScale.Linear, LineChartRequest.Resolve(axis, Enumerable.Range(1, 64).Select(i => (double)i)));
            Assert.Equal(AxisScale.Linear, LineChartRequest.Resolve(axis, new double[] { 1000, 1500, 2000 }));
        }

        [Fact]
        public void Names_on_x_make_a_category_axis_in_order_of_arrival_without_lines()
        {
            var builder = new LineChartBuilder("HardwareName", "MaxContextLength");
            foreach (var (gpu, context) in new[] { ("a10", 7000), ("a100-sxm-80gb", 60000), ("h100-sxm", 60000) })
            {
                builder.Add(Row(("ModelName", "llama-2-7b"), ("HardwareName", gpu), ("MaxContextLength", context)));
            }

            Assert.True(builder.IsCategorical);
            var request = builder.Build();
            Assert.Equal(new[] { "a10", "a100-sxm-80gb", "h100-sxm" }, request.X.Categories);
            Assert.Equal("llama-2-7b", Assert.Single(request.Series).Name);
            Assert.Equal("Max context length vs GPU", request.Title);

            var chart = new SvgChartDocument(SvgChart.Render(request));
            Assert.Equal(new[] { "a10", "a100-sxm-80gb", "h100-sxm" }, chart.Ticks("x-axis").Select(t => t.Label));
            Assert.Empty(chart.WithClass("series-line"));
            var markers = chart.WithClass("marker").ToList();
            var ticks = chart.Ticks("x-axis");
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(ticks[i].Position, SvgChartDocument.D(markers[i], "cx"), Pixel);
            }

            Assert.Equal("CategoryAxisNotLog", Assert.Throws<InvalidInputException>(() => new LineChartAxis("GPU", null, AxisScale.Log, new[] { "a10" })).ErrorId);
        }

        [Fact]
        public void Long_names_on_x_are_slanted_and_stay_inside_the_chart()
        {
            var builder = new LineChartBuilder("Name", "Value");
            for (int i = 0; i < 14; i++)
            {
                builder.Add(Row(("Name", "a-rather-long-gpu-name-" + i.ToString(CultureInfo.InvariantCulture)), ("Value", i + 1)));
            }

            var chart = new SvgChartDocument(SvgChart.Render(builder.Build()));
            var labels = chart.WithClass("x-axis").Single().Descendants(SvgChartDocument.Svg + "text").Where(t => t.Attribute("transform") != null).ToList();
            Assert.Equal(14, labels.Count);
            double height = SvgChartDocument.D(chart.Root, "height");
            var title = chart.WithClass("x-axis").Single().Elements(SvgChartDocument.Svg + "text").Single(t => (string?)t.Attribute("class") == "axis-title");
            Assert.True(SvgChartDocument.D(title, "y") < height, "The x title is below the chart's bottom edge.");
        }

        [Fact]
        public void Several_y_values_at_one_x_are_noted()
        {
            var builder = new LineChartBuilder("BatchSize", "Seconds", Array.Empty<string>());
            builder.Add(Row(("BatchSize", 8), ("Seconds", 1.0)));
            builder.Add(Row(("BatchSize", 8), ("Seconds", 2.0)));
            var note = Assert.Single(builder.Build().Notes);
            Assert.Equal("The series has several Seconds values at BatchSize = 8: the records differ in a property the series do not name.", note);
        }

        [Fact]
        public void Explicit_series_properties_name_the_series_with_their_values()
        {
            var builder = new LineChartBuilder("BatchSize", "OutputTokensPerSecond", new[] { "InputLength" });
            builder.Add(Row(("BatchSize", 1), ("OutputTokensPerSecond", 10), ("InputLength", 512)));
            builder.Add(Row(("BatchSize", 1), ("OutputTokensPerSecond", 9), ("InputLength", 2048)));
            Assert.Equal(new[] { "Input length 512", "Input length 2048" }, builder.Build().Series.Select(s => s.Name));

            var missing = Assert.Throws<InvalidInputException>(() => builder.Add(Row(("BatchSize", 1), ("OutputTokensPerSecond", 9))));
            Assert.Equal("ChartPropertyMissing", missing.ErrorId);
            Assert.Equal("Series", missing.Field);
        }
    }
}
