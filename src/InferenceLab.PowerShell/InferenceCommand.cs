using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using InferenceLab.Core;

namespace InferenceLab.PowerShell
{
    /// <summary>
    /// What every InferenceLab cmdlet shares: running planned Core requests, writing each result as it is produced and
    /// each bad point as a non-terminating error (DESIGN §9), with progress on long sweeps. Cmdlets never format.
    /// </summary>
    public abstract class InferenceCommand : PSCmdlet
    {
        /// <summary>Sweeps with more points than this report progress.</summary>
        internal const long ProgressThreshold = 200;

        /// <summary>
        /// Runs <paramref name="plan"/> through <see cref="Run"/>, writing results with WriteObject, bad points with
        /// WriteError, and progress when the sweep has more than <see cref="ProgressThreshold"/> points.
        /// </summary>
        /// <param name="plan">The points, lazily.</param>
        /// <param name="count">How many points the plan has, for progress.</param>
        /// <param name="compute">The Core call of one point; its results are written in order.</param>
        internal void Emit<TRequest>(IEnumerable<Planned<TRequest>> plan, long count, Func<TRequest, IEnumerable<object>> compute)
            where TRequest : class
        {
            ProgressRecord? progress = null;
            if (count > ProgressThreshold)
            {
                string activity = MyInvocation?.MyCommand?.Name ?? GetType().Name;
                progress = new ProgressRecord(ProgressActivityId(), activity, Format("Sweeping {0} combinations", count));
            }

            int shownPercent = -1;
            Run(
                plan,
                compute,
                WriteObject,
                (error, target) => WriteError(ErrorRecords.For(error, target)),
                done =>
                {
                    int percent = progress == null ? shownPercent : (int)Math.Min(100, done * 100 / count);
                    if (progress != null && percent != shownPercent)
                    {
                        shownPercent = percent;
                        progress.PercentComplete = percent;
                        progress.StatusDescription = Format("{0} of {1} combinations", done, count);
                        WriteProgress(progress);
                    }
                });

            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        /// <summary>
        /// The loop of every computing cmdlet: each point's results go to <paramref name="output"/> as they are computed; a
        /// point that failed to build, or whose computation throws an <see cref="InferenceLabException"/>, goes to
        /// <paramref name="error"/> once and the sweep goes on (DESIGN §9).
        /// </summary>
        internal static void Run<TRequest>(
            IEnumerable<Planned<TRequest>> plan,
            Func<TRequest, IEnumerable<object>> compute,
            Action<object> output,
            Action<InferenceLabException, string> error,
            Action<long> pointDone)
            where TRequest : class
        {
            long done = 0;
            foreach (var point in plan)
            {
                if (point.Error != null)
                {
                    error(point.Error, point.Target);
                }
                else
                {
                    try
                    {
                        foreach (var result in compute(point.Request!))
                        {
                            output(result);
                        }
                    }
                    catch (InferenceLabException failure)
                    {
                        error(failure, point.Target);
                    }
                }

                pointDone(++done);
            }
        }

        /// <summary>Writes <paramref name="error"/> as a non-terminating error about <paramref name="target"/>.</summary>
        internal void WriteInferenceError(InferenceLabException error, object? target) => WriteError(ErrorRecords.For(error, target));

        /// <summary>The inputs of one point in words: <c>Name=value</c> pairs, the target of its errors.</summary>
        internal static string Describe(params object?[] namesAndValues)
        {
            var parts = new List<string>();
            for (int i = 0; i + 1 < namesAndValues.Length; i += 2)
            {
                if (namesAndValues[i + 1] != null)
                {
                    parts.Add(Format("{0}={1}", namesAndValues[i], namesAndValues[i + 1]));
                }
            }

            return string.Join(" ", parts);
        }

        /// <summary>Formats invariantly.</summary>
        internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

        private int ProgressActivityId() => GetType().FullName!.GetHashCode() & 0x7FFFFFFF;
    }
}
