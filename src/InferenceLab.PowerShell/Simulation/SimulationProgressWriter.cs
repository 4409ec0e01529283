using System;
using System.Globalization;
using System.Management.Automation;
using InferenceLab.Core.Simulation;

namespace InferenceLab.PowerShell.Simulation
{
    /// <summary>
    /// Write-Progress for one simulation run: Core reports about a hundred times per run on the pipeline thread, so the
    /// cmdlet writes the record directly.
    /// </summary>
    internal sealed class SimulationProgressWriter : IProgress<SimulationProgress>
    {
        private readonly Cmdlet cmdlet;
        private readonly ProgressRecord record;
        private bool shown;

        public SimulationProgressWriter(Cmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            record = new ProgressRecord(cmdlet.GetType().FullName!.GetHashCode() & 0x3FFFFFFF, "Invoke-InferenceSimulation", "Simulating");
        }

        /// <inheritdoc />
        public void Report(SimulationProgress value)
        {
            record.RecordType = ProgressRecordType.Processing;
            record.PercentComplete = value.PercentComplete;
            record.StatusDescription = string.Format(CultureInfo.InvariantCulture, "{0} of {1} requests completed, {2:F1} s simulated", value.CompletedRequests, value.TotalRequests, value.SimulatedSeconds);
            cmdlet.WriteProgress(record);
            shown = true;
        }

        /// <summary>Closes the progress bar of the run, if one was shown.</summary>
        public void Complete()
        {
            if (shown)
            {
                record.RecordType = ProgressRecordType.Completed;
                cmdlet.WriteProgress(record);
                shown = false;
            }
        }
    }
}
