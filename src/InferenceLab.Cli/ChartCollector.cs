using System;
using System.IO;
using InferenceLab.Core;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Cli
{
    /// <summary>
    /// Gathers a run's results for its chart and writes the chart at the end. A result the chart cannot use (a property
    /// the results lack) is reported once and no chart is written; the printed results are unaffected.
    /// </summary>
    internal sealed class ChartCollector
    {
        private readonly string path;
        private readonly RooflineChartBuilder? roofline;
        private readonly LineChartBuilder? lines;
        private bool broken;

        private ChartCollector(string path, RooflineChartBuilder? roofline, LineChartBuilder? lines, bool broken)
        {
            this.path = path;
            this.roofline = roofline;
            this.lines = lines;
            this.broken = broken;
        }

        public static ChartCollector Roofline(string path, RooflineChartBuilder builder) => new ChartCollector(path, builder, null, false);

        public static ChartCollector Lines(string path, LineChartBuilder builder) => new ChartCollector(path, null, builder, false);

        /// <summary>A chart whose options were bad input, already reported: it collects nothing and writes nothing.</summary>
        public static ChartCollector Broken(string path) => new ChartCollector(path, null, null, true);

        /// <summary>Adds the GPU of a deployment, so a roofline shows its datasheet's ceilings; a line chart ignores it.</summary>
        public void AddHardware(HardwareSpec? hardware)
        {
            if (roofline != null && hardware != null)
            {
                roofline.AddHardware(hardware);
            }
        }

        /// <summary>Adds one printed result.</summary>
        public void Add(object result, CommandRun run)
        {
            if (broken)
            {
                return;
            }

            try
            {
                if (roofline != null && result is RooflinePoint point)
                {
                    roofline.Add(point);
                }
                else if (lines != null)
                {
                    lines.Add(ChartRecords.FromObject(result));
                }
            }
            catch (InferenceLabException error)
            {
                run.Report(error);
                broken = true;
            }
        }

        /// <summary>Builds and writes the chart; reports why when it cannot (no results, a log axis with 0, an unwritable file).</summary>
        public void Write(CliContext context, CommandRun run)
        {
            if (broken)
            {
                return;
            }

            string svg;
            try
            {
                if (roofline != null)
                {
                    svg = SvgChart.Render(roofline.Build());
                }
                else
                {
                    var request = lines!.Build();
                    foreach (var note in request.Notes)
                    {
                        context.Warn(note);
                    }

                    svg = SvgChart.Render(request);
                }
            }
            catch (InferenceLabException error)
            {
                run.Report(error);
                return;
            }

            try
            {
                File.WriteAllText(Path.GetFullPath(path), svg, new System.Text.UTF8Encoding(false));
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException || error is ArgumentException || error is NotSupportedException)
            {
                run.Fail("cannot write the chart to '" + path + "': " + error.Message);
            }
        }
    }
}
