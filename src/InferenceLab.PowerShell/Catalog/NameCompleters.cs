using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using InferenceLab.Core;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>Tab completion of model names: the session's own models and the catalogs' names.</summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var models = NameCompletion.Catalog()?.Models.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
            var names = SessionCatalog.SessionModelNames.Concat(models?.Keys ?? Enumerable.Empty<string>());
            foreach (var name in NameCompletion.Matching(names, wordToComplete))
            {
                string tip = models != null && models.TryGetValue(name, out var model)
                    ? string.Format(CultureInfo.InvariantCulture, "{0}: {1:N2}B parameters, {2} positions", name, model.TotalParameterCount / 1e9, model.MaxPositionEmbeddings)
                    : name;
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, tip);
            }
        }
    }

    /// <summary>Tab completion of GPU names: the session's own GPUs and the catalogs' names.</summary>
    public sealed class HardwareNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var gpus = NameCompletion.Catalog()?.Hardware.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
            var names = SessionCatalog.SessionHardwareNames.Concat(gpus?.Keys ?? Enumerable.Empty<string>());
            foreach (var name in NameCompletion.Matching(names, wordToComplete))
            {
                string tip = gpus != null && gpus.TryGetValue(name, out var gpu)
                    ? string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} GiB, {2:N0} GB/s", name, gpu.MemoryBytes / (1024.0 * 1024 * 1024), gpu.MemoryBandwidthBytesPerSecond / 1e9)
                    : name;
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, tip);
            }
        }
    }

    /// <summary>The matching rule of the completers.</summary>
    internal static class NameCompletion
    {
        /// <summary>
        /// The distinct names that start with <paramref name="word"/> (quotes stripped), or match it as a wildcard pattern
        /// when it has * or ?, case-insensitively, in order of first appearance.
        /// </summary>
        internal static IEnumerable<string> Matching(IEnumerable<string> names, string? word)
        {
            string typed = (word ?? string.Empty).Trim().Trim('\'', '"');
            Func<string, bool> matches;
            if (typed.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                var pattern = new Regex("^" + Regex.Escape(typed).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                matches = pattern.IsMatch;
            }
            else
            {
                matches = name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
            }

            return names.Where(matches).Distinct(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The session's catalogs, or null when a user catalog cannot be read: completion never fails.</summary>
        internal static Core.Catalog.CatalogSet? Catalog()
        {
            try
            {
                return SessionCatalog.Current;
            }
            catch (InferenceLabException)
            {
                return null;
            }
        }
    }
}
