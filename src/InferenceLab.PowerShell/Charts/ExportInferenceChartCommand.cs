using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Charts;

namespace InferenceLab.PowerShell.Charts
{
    /// <summary>
    /// Writes a line chart (SVG) of one numeric property of the objects piped in against another: any InferenceLab result,
    /// Select-Object output, custom objects, hashtables or Import-Csv rows. One line per model and GPU by default, or per
    /// the values of -Series. Outputs the file written.
    /// </summary>
    [Cmdlet(VerbsData.Export, "InferenceChart", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportInferenceChartCommand : ChartCommand
    {
        private LineChartBuilder? builder;

        /// <summary>The objects to chart, from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = null!;

        /// <summary>The property on the x axis (BatchSize, InputLength, HardwareName...). Names make an axis of names.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string X { get; set; } = null!;

        /// <summary>The numeric property on the y axis (OutputTokensPerSecond, TimeToFirstTokenSeconds...).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Y { get; set; } = null!;

        /// <summary>Properties whose values make one line each; by default ModelName and HardwareName when the objects have them. An empty array draws one line.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Series { get; set; }

        /// <summary>Words of the x axis title instead of those read from the property name; the unit is still added.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? XTitle { get; set; }

        /// <summary>Words of the y axis title instead of those read from the property name; the unit is still added.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? YTitle { get; set; }

        /// <summary>Linear, Log, or Auto (log for a doubling sweep of positive values).</summary>
        [Parameter]
        public AxisScale XScale { get; set; } = AxisScale.Auto;

        /// <summary>Linear, Log, or Auto (log for a doubling sweep of positive values).</summary>
        [Parameter]
        public AxisScale YScale { get; set; } = AxisScale.Auto;

        /// <inheritdoc />
        internal override string ChartKind => "line chart";

        /// <summary>Records collected so far.</summary>
        internal int Count => builder?.Count ?? 0;

        /// <summary>
        /// The properties of a pipeline object by name: a dictionary's keys (hashtables), else its PowerShell properties, so
        /// Select-Object output and custom objects chart like result objects. Values are unwrapped from PSObject.
        /// </summary>
        internal static IReadOnlyDictionary<string, object?> Record(object? input)
        {
            var record = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            object? value = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    record[entry.Key?.ToString() ?? string.Empty] = Unwrap(entry.Value);
                }

                return record;
            }

            if (input == null)
            {
                return record;
            }

            foreach (var property in PSObject.AsPSObject(input).Properties)
            {
                try
                {
                    record[property.Name] = Unwrap(property.Value);
                }
                catch (RuntimeException)
                {
                    // A property whose getter throws is not chartable; the others are.
                }
            }

            return record;
        }

        /// <summary>Adds one record; a record without the properties, or with a value that is not a number, is the error returned.</summary>
        internal InferenceLabException? Collect(IReadOnlyDictionary<string, object?> record)
        {
            try
            {
                Builder().Add(record);
                return null;
            }
            catch (InferenceLabException error)
            {
                return error;
            }
        }

        /// <summary>The Core request for the records collected.</summary>
        /// <exception cref="InvalidInputException">No record, a log axis with a value that is not positive, or a size out of range.</exception>
        internal LineChartRequest Request()
        {
            var chart = Builder();
            chart.Title = Title;
            chart.XTitle = XTitle;
            chart.YTitle = YTitle;
            chart.XScale = XScale;
            chart.YScale = YScale;
            chart.Width = Width;
            chart.Height = Height;
            return chart.Build();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var error = Collect(Record(InputObject));
            if (error != null)
            {
                WriteInferenceError(error, InputObject);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing() => Export(() =>
        {
            var request = Request();
            foreach (var note in request.Notes)
            {
                WriteWarning(note);
            }

            return SvgChart.Render(request);
        });

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private LineChartBuilder Builder() => builder ??= new LineChartBuilder(X, Y, Series);
    }
}
