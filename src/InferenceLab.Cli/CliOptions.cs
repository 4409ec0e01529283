using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using InferenceLab.Cli.Output;
using InferenceLab.Core;

namespace InferenceLab.Cli
{
    /// <summary>
    /// Builds the options the commands share. Numbers parse in the invariant culture; a text that is not a number is a
    /// usage error (exit 2), while a number out of range is left to Core, which reports it as the cmdlets do (exit 1).
    /// List options take comma lists (<c>--batch-size 1,8,64</c>) and may repeat.
    /// </summary>
    internal static class CliOptions
    {
        /// <summary>A list of names or file paths; a token that is an existing file or folder is one item even if it holds a comma.</summary>
        public static Option<IReadOnlyList<string>> Names(string name, string helpName, string description, bool required = false)
        {
            var option = new Option<IReadOnlyList<string>>(name)
            {
                Description = description,
                HelpName = helpName,
                Required = required,
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => SplitNames(result),
            };
            if (!required)
            {
                option.DefaultValueFactory = _ => Array.Empty<string>();
            }

            return option;
        }

        /// <summary>A list of whole numbers, with a default list when the option is not given.</summary>
        /// <remarks>Without defaults the option is required: an option with a default value never counts as missing.</remarks>
        public static Option<IReadOnlyList<int>> Integers(string name, string description, params int[] defaults)
        {
            var option = new Option<IReadOnlyList<int>>(name)
            {
                Description = description,
                HelpName = "N[,N...]",
                Required = defaults.Length == 0,
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => ParseIntegers(result),
            };
            if (defaults.Length > 0)
            {
                option.DefaultValueFactory = _ => defaults;
            }

            return option;
        }

        /// <summary>An optional list of whole numbers: empty when not given.</summary>
        public static Option<IReadOnlyList<int>> OptionalIntegers(string name, string description) =>
            new Option<IReadOnlyList<int>>(name)
            {
                Description = description,
                HelpName = "N[,N...]",
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => ParseIntegers(result),
                DefaultValueFactory = _ => Array.Empty<int>(),
            };

        /// <summary>One whole number.</summary>
        public static Option<int> Integer(string name, string description, int defaultValue) =>
            new Option<int>(name)
            {
                Description = description,
                HelpName = "N",
                CustomParser = result => ParseInteger(result, Single(result)),
                DefaultValueFactory = _ => defaultValue,
            };

        /// <summary>One whole number; null when not given.</summary>
        public static Option<int?> OptionalInteger(string name, string description) =>
            new Option<int?>(name)
            {
                Description = description,
                HelpName = "N",
                CustomParser = result => ParseInteger(result, Single(result)),
            };

        /// <summary>One real number, with a default.</summary>
        public static Option<double> Real(string name, string helpName, string description, double defaultValue) =>
            new Option<double>(name)
            {
                Description = description,
                HelpName = helpName,
                CustomParser = result => ParseReal(result, Single(result)) ?? 0,
                DefaultValueFactory = _ => defaultValue,
            };

        /// <summary>One real number; null when not given.</summary>
        public static Option<double?> OptionalReal(string name, string helpName, string description, params string[] aliases) =>
            new Option<double?>(name, aliases)
            {
                Description = description,
                HelpName = helpName,
                CustomParser = result => ParseReal(result, Single(result)),
            };

        /// <summary>An optional list of real numbers: empty when not given.</summary>
        public static Option<IReadOnlyList<double>> OptionalReals(string name, string helpName, string description) =>
            new Option<IReadOnlyList<double>>(name)
            {
                Description = description,
                HelpName = helpName,
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => ParseReals(result),
                DefaultValueFactory = _ => Array.Empty<double>(),
            };

        /// <summary>A switch.</summary>
        public static Option<bool> Flag(string name, string description) => new Option<bool>(name) { Description = description };

        /// <summary>Step phases: prefill, decode or both, case-insensitive.</summary>
        public static Option<IReadOnlyList<Phase>> Phases() =>
            new Option<IReadOnlyList<Phase>>("--phase")
            {
                Description = "Step(s) to analyse: prefill (the prompt in one step) or decode (one new token per sequence).",
                HelpName = "prefill|decode[,...]",
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => ParsePhases(result),
                DefaultValueFactory = _ => new[] { Phase.Prefill, Phase.Decode },
            };

        /// <summary>--format table|csv|json.</summary>
        public static Option<OutputFormat> Format() =>
            new Option<OutputFormat>("--format")
            {
                Description = "Output format: table (human units, the default), csv or json (every property of the result objects, base units).",
                HelpName = "table|csv|json",
                CustomParser = result => ParseFormat(result),
                DefaultValueFactory = _ => OutputFormat.Table,
            };

        /// <summary>--catalog: extra YAML catalogs whose entries override built-in ones by name.</summary>
        public static Option<IReadOnlyList<string>> Catalogs() =>
            Names("--catalog", "PATH[,PATH...]", "Extra YAML catalog files of models and GPUs; their entries override built-in ones by name. Adds to INFERENCELAB_CATALOG_PATH.");

        private static IReadOnlyList<string> SplitNames(ArgumentResult result)
        {
            var names = new List<string>();
            foreach (var token in result.Tokens)
            {
                if (File.Exists(token.Value) || Directory.Exists(token.Value))
                {
                    names.Add(token.Value);
                    continue;
                }

                foreach (var part in token.Value.Split(','))
                {
                    if (part.Trim().Length == 0)
                    {
                        result.AddError(string.Format(CultureInfo.InvariantCulture, "{0}: '{1}' has an empty item.", OptionName(result), token.Value));
                        continue;
                    }

                    names.Add(part.Trim());
                }
            }

            return names;
        }

        private static IReadOnlyList<int> ParseIntegers(ArgumentResult result)
        {
            var values = new List<int>();
            foreach (var token in result.Tokens)
            {
                foreach (var part in token.Value.Split(','))
                {
                    values.Add(ParseInteger(result, part));
                }
            }

            return values;
        }

        private static int ParseInteger(ArgumentResult result, string text)
        {
            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            result.AddError(string.Format(CultureInfo.InvariantCulture, "{0}: '{1}' is not a whole number.", OptionName(result), text));
            return 0;
        }

        private static IReadOnlyList<double> ParseReals(ArgumentResult result)
        {
            var values = new List<double>();
            foreach (var token in result.Tokens)
            {
                foreach (var part in token.Value.Split(','))
                {
                    values.Add(ParseReal(result, part) ?? 0);
                }
            }

            return values;
        }

        private static double? ParseReal(ArgumentResult result, string text)
        {
            if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value;
            }

            result.AddError(string.Format(CultureInfo.InvariantCulture, "{0}: '{1}' is not a number.", OptionName(result), text));
            return null;
        }

        private static IReadOnlyList<Phase> ParsePhases(ArgumentResult result)
        {
            var phases = new List<Phase>();
            foreach (var token in result.Tokens)
            {
                foreach (var part in token.Value.Split(','))
                {
                    switch (part.Trim().ToLowerInvariant())
                    {
                        case "prefill":
                            phases.Add(Phase.Prefill);
                            break;
                        case "decode":
                            phases.Add(Phase.Decode);
                            break;
                        default:
                            result.AddError(string.Format(CultureInfo.InvariantCulture, "--phase: '{0}' is not a phase; use prefill or decode.", part));
                            break;
                    }
                }
            }

            return phases;
        }

        private static OutputFormat ParseFormat(ArgumentResult result)
        {
            string text = Single(result).Trim();
            if (Enum.TryParse(text, ignoreCase: true, out OutputFormat format) && Enum.IsDefined(typeof(OutputFormat), format) && !int.TryParse(text, out _))
            {
                return format;
            }

            result.AddError(string.Format(CultureInfo.InvariantCulture, "--format: '{0}' is not a format; use table, csv or json.", text));
            return OutputFormat.Table;
        }

        /// <summary>True when the command line names the option (not just its default).</summary>
        public static bool IsGiven(CommandResult command, Option option) => command.GetResult(option) is OptionResult result && !result.Implicit;

        private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[result.Tokens.Count - 1].Value : string.Empty;

        private static string OptionName(ArgumentResult result) =>
            result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
    }
}
