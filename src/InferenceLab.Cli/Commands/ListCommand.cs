using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using InferenceLab.Cli.Catalog;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab models</c> and <c>inferencelab hardware</c>: catalog entries by name, wildcard or file.</summary>
    internal static class ListCommand
    {
        /// <summary>Builds <c>models</c> (Get-InferenceModel).</summary>
        public static Command Models(CliContext context) => Create(
            context,
            new ExampleCommand(
                "models",
                "Models in the built-in and user catalogs, by name (case-insensitive, with * and ? wildcards) or from a config.json or YAML file; all of them without a name (Get-InferenceModel).",
                "# Every model",
                "inferencelab models",
                "# The Llama family, every property, as JSON (quote wildcards so the shell leaves them alone)",
                "inferencelab models 'llama*' --format json",
                "# A Hugging Face config.json as InferenceLab reads it",
                "inferencelab models ./config.json"),
            "Model name(s), wildcard pattern(s) or file path(s).",
            (catalog, pattern) => catalog.FindModels(pattern));

        /// <summary>Builds <c>hardware</c> (Get-InferenceHardware).</summary>
        public static Command Hardware(CliContext context) => Create(
            context,
            new ExampleCommand(
                "hardware",
                "GPUs in the built-in and user catalogs, by name (case-insensitive, with * and ? wildcards, vendor spellings as aliases) or from a YAML file; all of them without a name (Get-InferenceHardware).",
                "# Every GPU",
                "inferencelab hardware",
                "# The H100 variants as CSV",
                "inferencelab hardware 'h100*' --format csv"),
            "GPU name(s), wildcard pattern(s) or file path(s).",
            (catalog, pattern) => catalog.FindHardware(pattern));

        private static Command Create(CliContext context, ExampleCommand command, string namesDescription, Func<ISpecCatalog, string?, IEnumerable<object>> find)
        {
            var names = new Argument<string[]>("NAME") { Description = namesDescription, Arity = ArgumentArity.ZeroOrMore };
            var catalogs = CliOptions.Catalogs();
            var format = CliOptions.Format();
            command.Arguments.Add(names);
            command.Options.Add(catalogs);
            command.Options.Add(format);
            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                if (run.TryGet(() => context.OpenCatalog(parse.GetValue(catalogs)!), out ISpecCatalog catalog))
                {
                    var patterns = parse.GetValue(names) ?? Array.Empty<string>();
                    foreach (var pattern in patterns.Length == 0 ? new string?[] { null } : patterns)
                    {
                        run.Emit(() => find(catalog, pattern).ToList());
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
