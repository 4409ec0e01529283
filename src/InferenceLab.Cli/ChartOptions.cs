using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Charts;

namespace InferenceLab.Cli
{
    /// <summary>
    /// <c>--chart PATH</c> and its companions, the command line's Export-RooflineChart and Export-InferenceChart: the
    /// results still print as usual, and the chart of them is written once they are all computed. <c>roofline --chart</c>
    /// draws the roofline; on the other commands <c>--x</c> and <c>--y</c> name the result properties of a line chart.
    /// </summary>
    internal sealed class ChartOptions
    {
        private readonly bool roofline;
        private readonly Option<string?> chart;
        private readonly Option<string?> title;
        private readonly Option<int> width;
        private readonly Option<int> height;
        private readonly Option<string?> x;
        private readonly Option<string?> y;
        private readonly Option<IReadOnlyList<string>> series;
        private readonly Option<AxisScale> xScale;
        private readonly Option<AxisScale> yScale;
        private readonly Option<IReadOnlyList<string>> ceilingType;

        /// <summary>Creates the options of a roofline chart (<paramref name="roofline"/>) or of a line chart.</summary>
        public ChartOptions(bool roofline)
        {
            this.roofline = roofline;
            chart = new Option<string?>("--chart")
            {
                Description = roofline
                    ? "Also write a log-log roofline chart of the points to this SVG file: memory and compute ceilings per GPU, ridge points, each point labelled."
                    : "Also write a line chart of the results to this SVG file: --y against --x, one line per model and GPU (Export-InferenceChart).",
                HelpName = "PATH",
            };
            title = new Option<string?>("--chart-title") { Description = "The chart's title; by default it names what is charted.", HelpName = "TEXT" };
            width = CliOptions.Integer("--chart-width", "Chart width in pixels (480 to 10000).", SvgChart.DefaultWidth);
            height = CliOptions.Integer("--chart-height", "Chart height in pixels (320 to 10000; a long legend adds to it).", SvgChart.DefaultHeight);
            x = new Option<string?>("--x") { Description = "With --chart: the result property on the x axis (BatchSize, InputLength, HardwareName...).", HelpName = "PROPERTY" };
            y = new Option<string?>("--y") { Description = "With --chart: the numeric result property on the y axis (OutputTokensPerSecond, TimeToFirstTokenSeconds...).", HelpName = "PROPERTY" };
            series = CliOptions.Names("--series", "PROPERTY[,PROPERTY...]", "With --chart: properties whose values make one line each; by default ModelName and HardwareName. 'none' for one line.");
            xScale = Scale("--x-scale");
            yScale = Scale("--y-scale");
            ceilingType = CliOptions.Names("--ceiling-type", "TYPE[,TYPE...]", "With --chart: data types whose compute ceilings to draw besides the points' own (by default every native type for one GPU, none for several).");
        }

        /// <summary>Adds the options, and the rule that the chart's companions need --chart (and a line chart --x and --y).</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(chart);
            command.Options.Add(title);
            command.Options.Add(width);
            command.Options.Add(height);
            var companions = new List<Option> { title, width, height };
            if (roofline)
            {
                command.Options.Add(ceilingType);
                companions.Add(ceilingType);
            }
            else
            {
                command.Options.Add(x);
                command.Options.Add(y);
                command.Options.Add(series);
                command.Options.Add(xScale);
                command.Options.Add(yScale);
                companions.AddRange(new Option[] { x, y, series, xScale, yScale });
            }

            command.Validators.Add(result =>
            {
                bool charting = CliOptions.IsGiven(result, chart);
                foreach (var option in companions.Where(o => !charting && CliOptions.IsGiven(result, o)))
                {
                    result.AddError(option.Name + " needs --chart PATH.");
                }

                if (charting && !roofline && (!CliOptions.IsGiven(result, x) || !CliOptions.IsGiven(result, y)))
                {
                    result.AddError("--chart needs --x and --y, the result properties to plot, e.g. --x BatchSize --y OutputTokensPerSecond.");
                }
            });
        }

        /// <summary>The collector of this run's chart, or null without --chart.</summary>
        public ChartCollector? Start(ParseResult parse, CommandRun run)
        {
            string? path = parse.GetValue(chart);
            if (path == null)
            {
                return null;
            }

            if (roofline)
            {
                var builder = new RooflineChartBuilder { Title = parse.GetValue(title), Width = parse.GetValue(width), Height = parse.GetValue(height) };
                var types = parse.GetValue(ceilingType)!;
                if (types.Count > 0)
                {
                    if (!run.TryGet(() => types.Select(t => DataTypes.Parse(t, "--ceiling-type")).ToArray(), out DataType[] parsed))
                    {
                        return ChartCollector.Broken(path);
                    }

                    builder.CeilingTypes = parsed;
                }

                return ChartCollector.Roofline(path, builder);
            }

            var names = parse.GetValue(series)!;
            IReadOnlyList<string>? seriesProperties = names.Count == 0 ? null
                : names.Count == 1 && names[0].Equals("none", StringComparison.OrdinalIgnoreCase) ? Array.Empty<string>()
                : names;
            var lines = new LineChartBuilder(parse.GetValue(x)!, parse.GetValue(y)!, seriesProperties)
            {
                Title = parse.GetValue(title),
                XScale = parse.GetValue(xScale),
                YScale = parse.GetValue(yScale),
                Width = parse.GetValue(width),
                Height = parse.GetValue(height),
            };
            return ChartCollector.Lines(path, lines);
        }

        private static Option<AxisScale> Scale(string name) =>
            new Option<AxisScale>(name)
            {
                Description = "With --chart: auto (log for a doubling sweep of positive values), linear or log.",
                HelpName = "auto|linear|log",
                CustomParser = result => ParseScale(result),
                DefaultValueFactory = _ => AxisScale.Auto,
            };

        private static AxisScale ParseScale(ArgumentResult result)
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[result.Tokens.Count - 1].Value.Trim() : string.Empty;
            switch (text.ToLowerInvariant())
            {
                case "auto":
                    return AxisScale.Auto;
                case "linear":
                    return AxisScale.Linear;
                case "log":
                    return AxisScale.Log;
                default:
                    string option = result.Parent is OptionResult parent ? parent.Option.Name : "--x-scale";
                    result.AddError(string.Format(CultureInfo.InvariantCulture, "{0}: '{1}' is not a scale; use auto, linear or log.", option, text));
                    return AxisScale.Auto;
            }
        }
    }
}
