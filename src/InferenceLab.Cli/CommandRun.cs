using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Cli.Output;
using InferenceLab.Core;

namespace InferenceLab.Cli
{
    /// <summary>
    /// One command's run over its combinations: prints each result, reports each bad input on stderr with the Core
    /// message (the cmdlets' non-terminating error) and carries on, and ends with exit code 1 if anything failed.
    /// </summary>
    internal sealed class CommandRun
    {
        private readonly CliContext context;
        private readonly IResultWriter writer;
        private bool failed;

        /// <summary>Starts a run that prints in <paramref name="format"/>.</summary>
        public CommandRun(CliContext context, OutputFormat format)
        {
            this.context = context;
            writer = format switch
            {
                OutputFormat.Csv => new CsvResultWriter(context.Output),
                OutputFormat.Json => new JsonResultWriter(context.Output),
                _ => new TableResultWriter(context.Output),
            };
        }

        /// <summary>Prints the error's message on stderr and marks the run failed.</summary>
        public void Report(InferenceLabException error)
        {
            context.Error.WriteLine("error: " + error.Message);
            failed = true;
        }

        /// <summary>Runs <paramref name="make"/>; on bad input reports it and returns false.</summary>
        public bool TryGet<T>(Func<T> make, out T value)
        {
            try
            {
                value = make();
                return true;
            }
            catch (InferenceLabException error)
            {
                Report(error);
                value = default!;
                return false;
            }
        }

        /// <summary>Computes one combination's results and prints them; on bad input reports it and prints nothing for it.</summary>
        public void Emit(Func<IEnumerable<object>> compute)
        {
            if (TryGet(() => compute().ToList(), out var results))
            {
                foreach (var result in results)
                {
                    writer.Write(result);
                }
            }
        }

        /// <summary>Completes the output; the exit code: 0, or 1 when any combination failed.</summary>
        public int Finish()
        {
            writer.Complete();
            return failed ? ExitCodes.BadInput : ExitCodes.Success;
        }
    }
}
