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
