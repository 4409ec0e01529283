using System;
using System.IO;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Charts;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Hardware;
using InferenceLab.PowerShell.Catalog;

namespace InferenceLab.PowerShell.Charts
{
    /// <summary>
    /// Writes a log-log roofline chart (SVG) of the RooflinePoint objects piped in from Measure-RooflinePoint: for each GPU a
    /// memory ceiling and a compute ceiling per data type with the ridge point marked, and each point labelled. Outputs the
    /// file written.
    /// </summary>
    [Cmdlet(VerbsData.Export, "RooflineChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportRooflineChartCommand : ChartCommand
    {
        private readonly RooflineChartBuilder builder = new RooflineChartBuilder();

        /// <summary>The points: Measure-RooflinePoint's output, from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public RooflinePoint[] InputObject { get; set; } = null!;

        /// <summary>
        /// Data types whose compute ceilings to draw besides the one the points run at. By default every type the GPU has a
        /// native rate for on a chart of one GPU, and only the points' own on a chart of several.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public DataType[]? CeilingType { get; set; }

        /// <inheritdoc />
        internal override string ChartKind => "roofline chart";

        /// <summary>Points collected so far.</summary>
        internal int Count => builder.Count;

        /// <summary>Collects the points of one pipeline item.</summary>
        internal void Collect(RooflinePoint[]? points)
        {
            foreach (var point in points ?? Array.Empty<RooflinePoint>())
            {
                if (point != null)
                {
                    builder.Add(point);
                }
            }
        }

        /// <summary>
        /// The Core request for the points collected: the parameters, and the datasheet of each GPU <paramref name="lookup"/>
        /// knows by name whose figures are the points' (for the ceilings of its other data types).
        /// </summary>
        /// <exception cref="InvalidInputException">No point, or none a log axis can show.</exception>
        internal RooflineChartRequest Request(Func<string, HardwareSpec?> lookup)
        {
            builder.Title = Title;
            builder.CeilingTypes = CeilingType;
            builder.Width = Width;
            builder.Height = Height;
            builder.AddHardwareFrom(lookup);
            return builder.Build();
        }

        /// <summary>A GPU of this session or the catalogs by name, or null.</summary>
        internal static HardwareSpec? SessionHardware(string name)
        {
            try
            {
                return SessionCatalog.GetHardware(name);
            }
            catch (InferenceLabException)
            {
                return null;
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord() => Collect(InputObject);

        /// <inheritdoc />
        protected override void EndProcessing() => Export(() => SvgChart.Render(Request(SessionHardware)));
    }
}
