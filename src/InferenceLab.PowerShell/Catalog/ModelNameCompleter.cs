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
}
