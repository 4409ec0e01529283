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
}
