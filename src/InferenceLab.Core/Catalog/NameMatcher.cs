using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace InferenceLab.Core.Catalog
{
    /// <summary>Case-insensitive wildcard matching and nearest-name suggestions for catalog look-ups (DESIGN §7, §9).</summary>
    internal static class NameMatcher
    {
        /// <summary>True when the text holds a wildcard (<c>*</c> or <c>?</c>).</summary>
        public static bool HasWildcard(string pattern) => pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0;

        /// <summary>A case-insensitive regex for a wildcard pattern: <c>*</c> any run, <c>?</c> one character.</summary>
        public static Regex WildcardRegex(string pattern)
        {
            var text = new StringBuilder("^");
            foreach (char c in pattern.Trim())
            {
                text.Append(c == '*' ? ".*" : c == '?' ? "." : Regex.Escape(c.ToString()));
            }

            return new Regex(text.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        /// <summary>
        /// The nearest candidates to <paramref name="name"/>, best first: names that contain it or that it contains
        /// come first, closest length first; then the rest by edit distance, kept when the distance is at most half
        /// the longer name. At most <paramref name="count"/>.
        /// </summary>
        public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates, int count = 3)
        {
            string wanted = (name ?? string.Empty).Trim().ToLowerInvariant();
            if (wanted.Length == 0)
            {
                return Array.Empty<string>();
            }

            var scored = new List<Tuple<double, string>>();
            foreach (var candidate in candidates.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                string lower = candidate.ToLowerInvariant();
                int distance = EditDistance(wanted, lower);
                double score;
                if (lower.Contains(wanted) || wanted.Contains(lower))
                {
                    score = Math.Abs(lower.Length - wanted.Length) / 1000.0;
                }
                else if (distance <= Math.Max(2, Math.Max(wanted.Length, lower.Length) / 2))
                {
                    score = distance;
                }
                else
                {
                    continue;
                }

                scored.Add(Tuple.Create(score, candidate));
            }

            return scored
                .OrderBy(t => t.Item1)
                .ThenBy(t => t.Item2, StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .Select(t => t.Item2)
                .ToArray();
        }

        /// <summary>Levenshtein distance (insert, delete, substitute each cost 1).</summary>
        public static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
