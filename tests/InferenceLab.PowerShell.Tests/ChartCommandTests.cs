using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Time;
using InferenceLab.PowerShell.Charts;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Export-RooflineChart and Export-InferenceChart: their parameters, the Core requests they build and the file they write.</summary>
    public sealed class ChartCommandTests
    {
        private static RooflinePoint Point(Phase phase, int batch) =>
            RooflineAnalyzer.Analyze(new Scenario(new Deployment(Known.Llama2_7B, Known.A100), batch, 1024, 1), phase);

        [Theory]
        [InlineData(typeof(ExportRooflineChartCommand))]
        [InlineData(typeof(ExportInferenceChartCommand))]
        public void Both_write_to_Path_or_LiteralPath_output_the_file_and_support_WhatIf(Type cmdlet)
        {
            Assert.Equal(new[] { typeof(FileInfo) }, CmdletMetadata.OutputTypes(cmdlet));
            var path = CmdletMetadata.Parameter(cmdlet, "Path");
            Assert.Contains(typeof(System.Management.Automation.SupportsWildcardsAttribute), path.AttributeTypes);
            Assert.True(path.Mandatory);
            Assert.Equal(ChartCommand.PathSet, path.Sets.Single().ParameterSetName);
            var literal = CmdletMetadata.Parameter(cmdlet, "LiteralPath");
            Assert.DoesNotContain(typeof(System.Management.Automation.SupportsWildcardsAttribute), literal.AttributeTypes);
            Assert.Equal(ChartCommand.LiteralPathSet, literal.Sets.Single().ParameterSetName);

            var input = CmdletMetadata.Parameter(cmdlet, "InputObject");
            Assert.True(input.Mandatory && input.FromPipeline);
            Assert.Equal(CmdletMetadata.SetInfo.AllSets, input.Sets.Single().ParameterSetName);

            var attribute = cmdlet.GetCustomAttributesData().Single(a => a.AttributeType == typeof(System.Management.Automation.CmdletAttribute));
            Assert.Equal("Export", attribute.ConstructorArguments[0].Value);
            Assert.True((bool)attribute.NamedArguments.Single(a => a.MemberName == "SupportsShouldProcess").TypedValue.Value!);
            Assert.Equal(ChartCommand.PathSet, attribute.NamedArguments.Single(a => a.MemberName == "DefaultParameterSetName").TypedValue.Value);
        }

        [Fact]
        public void Export_RooflineChart_takes_RooflinePoints_and_data_types_for_the_ceilings()
        {
            var type = typeof(ExportRooflineChartCommand);
            Assert.Equal(typeof(RooflinePoint[]), CmdletMetadata.Parameter(type, "InputObject").Type);
            Assert.Equal(typeof(DataType[]), CmdletMetadata.Parameter(type, "CeilingType").Type);
        }

        [Fact]
        public void Export_RooflineChart_builds_the_chart_of_the_points_with_the_datasheet_ceilings()
        {
            var cmd = new ExportRooflineChartCommand { Title = "Llama-2-7B on an A100", CeilingType = new[] { DataType.Fp32 } };
            cmd.Collect(new[] { Point(Phase.Prefill, 1), Point(Phase.Decode, 1) });
            cmd.Collect(new[] { Point(Phase.Decode, 64) });
            Assert.Equal(3, cmd.Count);

            var request = cmd.Request(name => name == "a100-sxm-80gb" ? Known.A100 : null);

            Assert.Equal("Llama-2-7B on an A100", request.Title);
            Assert.Equal(new[] { "prefill B=1", "decode B=1", "decode B=64" }, request.Points.Select(p => p.Label));

            // -CeilingType Fp32 adds fp32 (19.5 TFLOP/s) to the points' own fp16 (312 TFLOP/s); the A100 datasheet: ridge 153.0.
            Assert.Equal(new[] { "fp32", "bf16/fp16" }, request.Ceilings.Select(c => c.DataTypeLabel));
            Assert.Equal(153.0, request.Ceilings.Single(c => c.IsPrimary).RidgeFlopsPerByte, 1);
        }

        [Fact]
        public void Export_RooflineChart_without_points_is_Cores_clear_error()
        {
            var error = Assert.Throws<InvalidInputException>(() => new ExportRooflineChartCommand().Request(_ => null));
            Assert.Equal("ChartHasNoPoints", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public void Export_InferenceChart_reads_hashtables_and_charts_one_property_against_another()
        {
            var cmd = new ExportInferenceChartCommand { X = "BatchSize", Y = "Throughput", Series = Array.Empty<string>(), YScale = AxisScale.Log };
            foreach (var (batch, throughput) in new[] { (1, 50.0), (8, 380.0), (64, 2100.0) })
            {
                var row = new Hashtable { ["BatchSize"] = batch, ["throughput"] = throughput.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                Assert.Null(cmd.Collect(ExportInferenceChartCommand.Record(row)));
            }

            var request = cmd.Request();
            var series = Assert.Single(request.Series);
            Assert.Equal("Throughput", series.Name);
            Assert.Equal(new[] { 1.0, 8, 64 }, series.Points.Select(p => p.X));
            Assert.Equal(new[] { 50.0, 380, 2100 }, series.Points.Select(p => p.Y));
            Assert.Equal(AxisScale.Log, request.Y.Scale);
        }

        [Fact]
        public void Export_InferenceChart_draws_a_line_per_model_and_gpu_of_latency_results_by_default()
        {
            var cmd = new ExportInferenceChartCommand { X = "BatchSize", Y = "OutputTokensPerSecond" };
            foreach (var hardware in new[] { Known.A10, Known.A100 })
            {
                foreach (int batch in new[] { 1, 4, 16 })
                {
                    var estimate = LatencyEstimator.Estimate(new Scenario(new Deployment(Known.Llama2_7B, hardware), batch, 512, 64));
                    Assert.Null(cmd.Collect(ChartRecords.FromObject(estimate)));
                }
            }

            var request = cmd.Request();
            Assert.Equal(new[] { "llama-2-7b on a10", "llama-2-7b on a100-sxm-80gb" }, request.Series.Select(s => s.Name));
            Assert.Equal("Output throughput vs batch size", request.Title);
        }

        [Fact]
        public void A_record_without_the_property_is_one_error_and_the_rest_are_charted()
        {
            var cmd = new ExportInferenceChartCommand { X = "BatchSize", Y = "OutputTokensPerSecond" };
            var error = cmd.Collect(new Dictionary<string, object?> { ["BatchSize"] = 1, ["Tokens"] = 3 });
            Assert.NotNull(error);
            Assert.Equal("ChartPropertyMissing", error!.ErrorId);
            Assert.Null(cmd.Collect(new Dictionary<string, object?> { ["BatchSize"] = 2, ["OutputTokensPerSecond"] = 30.0 }));
            Assert.Equal(1, cmd.Count);
        }

        [Fact]
        public void The_chart_file_is_written_whole_and_NoClobber_keeps_an_existing_one()
        {
            string folder = Path.Combine(Path.GetTempPath(), "inferencelab-chart-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string file = Path.Combine(folder, "roofline.svg");
                var cmd = new ExportRooflineChartCommand();
                cmd.Collect(new[] { Point(Phase.Decode, 1) });
                string svg = SvgChart.Render(cmd.Request(_ => null));

                var written = ChartCommand.WriteChart(file, svg, noClobber: false);
                Assert.Equal(file, written.FullName);
                Assert.Equal("svg", XDocument.Load(file).Root!.Name.LocalName);
                Assert.Equal(svg, File.ReadAllText(file));

                File.WriteAllText(file, "keep me");
                var exists = Assert.Throws<ChartFileException>(() => ChartCommand.WriteChart(file, svg, noClobber: true));
                Assert.Equal("ChartFileExists", exists.ErrorId);
                Assert.Equal("keep me", File.ReadAllText(file));

                var missing = Assert.Throws<ChartFileException>(() => ChartCommand.WriteChart(Path.Combine(folder, "no-such-folder", "x.svg"), svg, noClobber: false));
                Assert.Equal("ChartFileNotWritten", missing.ErrorId);
                Assert.Equal(System.Management.Automation.ErrorCategory.WriteError, missing.Category);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
