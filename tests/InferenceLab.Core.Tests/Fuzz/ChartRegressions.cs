using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Xml.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Charts;

namespace InferenceLab.Fuzz
{
    /// <summary>Failures the chart fuzz found, each kept as the smallest case that showed it (issue 10).</summary>
    public sealed class ChartRegressions
    {
        private static Dictionary<string, object?> Row(object? x, object? y, string? model = "m") =>
            new Dictionary<string, object?> { ["BatchSize"] = x, ["Throughput"] = y, ["ModelName"] = model };

        [Fact]
        public async Task Regression_denormal_value_on_an_axis_is_invalid_input_not_a_hang()
        {
            // 5e-324 on a y axis: its decade 10^-324 underflowed to 0, the first decade to int.MinValue, and choosing ticks
            // looped for billions of decades (on a linear axis the tick step underflowed to 0 and never grew).
            foreach (var scale in new[] { AxisScale.Auto, AxisScale.Linear, AxisScale.Log })
            {
                var builder = new LineChartBuilder("BatchSize", "Throughput") { YScale = scale };
                builder.Add(Row(1, double.Epsilon));
                builder.Add(Row(2, 1e300));
                var build = Task.Run(() => Assert.Throws<InvalidInputException>(() => SvgChart.Render(builder.Build())));
                Assert.Same(build, await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(10))));
                var error = await build;
                Assert.Equal("ChartValueOutOfRange", error.ErrorId);
                Assert.Equal("Y", error.Field);
            }
        }

        [Fact]
        public void Regression_value_of_double_MaxValue_is_invalid_input()
        {
            var builder = new LineChartBuilder("BatchSize", "Throughput");
            builder.Add(Row(1, -double.MaxValue));
            builder.Add(Row(2, double.MaxValue));
            Assert.Equal("ChartValueOutOfRange", Assert.Throws<InvalidInputException>(() => builder.Build()).ErrorId);
        }

        [Fact]
        public void Values_at_the_chart_limits_render()
        {
            var builder = new LineChartBuilder("BatchSize", "Throughput") { YScale = AxisScale.Log };
            builder.Add(Row(1, 1e-300));
            builder.Add(Row(2, 1e300));
            XDocument.Parse(SvgChart.Render(builder.Build()));
        }

        [Fact]
        public void Regression_control_characters_in_names_and_titles_render_as_replacement_characters()
        {
            // A series named "\u0001" or a title with U+FFFE made the XML writer throw ArgumentException out of Core.
            var builder = new LineChartBuilder("BatchSize", "Throughput") { Title = "t\u0001\uFFFE" };
            builder.Add(Row(1, 2.0, "model\u0008\uD800"));
            builder.Add(Row(2, 3.0, "model\u0008\uD800"));
            string svg = SvgChart.Render(builder.Build());
            var document = XDocument.Parse(svg);
            Assert.Contains("t\uFFFD\uFFFD", document.ToString());
            Assert.Contains("model\uFFFD\uFFFD", document.ToString());
        }

        [Fact]
        public void Regression_chart_property_errors_name_the_axis()
        {
            var builder = new LineChartBuilder("BatchSize", "Throughput");
            var error = Assert.Throws<InvalidInputException>(() => builder.Add(Row(1, double.NaN)));
            Assert.Equal("Y", error.Field);
            Assert.Equal("Property 'Throughput' on Y is NaN, which a chart cannot place.", error.Message);
        }
    }
}
