using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using InferenceLab.Cli.Catalog;
using InferenceLab.Cli.Commands;
using InferenceLab.Core;

namespace InferenceLab.Cli
{
    /// <summary>
    /// The <c>inferencelab</c> command line: parses the arguments, runs one command and returns the exit code. Results go to
    /// the output writer, messages to the error writer, never a stack trace; see <see cref="ExitCodes"/>.
    /// </summary>
    public static class CliApplication
    {
        /// <summary>The command's name, as installed by <c>dotnet tool install</c>.</summary>
        public const string Name = "inferencelab";

        /// <summary>Runs the command line with the built-in catalogs (and INFERENCELAB_CATALOG_PATH).</summary>
        /// <param name="args">The arguments after the command name.</param>
        /// <param name="output">Where results go (standard output).</param>
        /// <param name="error">Where error messages go (standard error).</param>
        /// <returns>0 on success, 1 on bad input, 2 on a usage error, 3 on an internal error.</returns>
        public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
            Run(args, output, error, CatalogSource.Open);

        /// <summary>Runs the command line with catalogs opened by <paramref name="openCatalog"/> (tests pass their own).</summary>
        internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CatalogOpener openCatalog)
        {
            try
            {
                var context = new CliContext(output, error, openCatalog);
                var parse = BuildRoot(context).Parse(args);
                if (parse.Errors.Count > 0 && !(parse.Action is ExamplesHelpAction || parse.Action is VersionAction))
                {
                    foreach (var problem in parse.Errors)
                    {
                        error.WriteLine("error: " + problem.Message);
                    }

                    error.WriteLine("Run '" + CommandPath(parse.CommandResult.Command) + " --help' for usage.");
                    return ExitCodes.Usage;
                }

                return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }
            catch (InferenceLabException problem)
            {
                error.WriteLine("error: " + problem.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception bug)
            {
                error.WriteLine("internal error: " + bug.GetType().Name + ": " + OneLine(bug.Message) + " Please report it with the command line that caused it.");
                return ExitCodes.InternalError;
            }
        }

        /// <summary>The root command with every subcommand, writing through <paramref name="context"/>.</summary>
        internal static Command BuildRoot(CliContext context)
        {
            var root = new ExampleCommand(
                Name,
                "LLM inference arithmetic from a model's architecture and a GPU's datasheet: memory, limits, roofline and latency. The same computations as the InferenceLab PowerShell module, one command per cmdlet.",
                "inferencelab latency --model llama-3.1-8b --hardware h100-sxm --batch-size 1,16 --input-length 2048 --output-length 256",
                "inferencelab max-context --model llama-3.1-8b --hardware h100-sxm --batch-size 1,8",
                "inferencelab models")
            {
                new HelpOption(),
                new VersionOption { Action = new VersionAction() },
                ListCommand.Models(context),
                ListCommand.Hardware(context),
                MemoryCommand.Create(context),
                MaxContextCommand.Create(context),
                MaxBatchCommand.Create(context),
                CostCommand.Create(context),
                RooflineCommand.Create(context),
                LatencyCommand.Create(context),
                EfficiencyCommand.Create(context),
                SimulateCommand.Create(context),
            };

            var help = root.Options.OfType<HelpOption>().Single();
            help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
            return root;
        }

        private static string CommandPath(Command command) =>
            command.Name == Name ? Name : Name + " " + command.Name;

        private static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
