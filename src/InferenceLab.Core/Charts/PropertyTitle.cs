using System;
using System.Collections.Generic;
using System.Text;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Reads an axis title and a base unit from a property name, which by DESIGN §2 says its unit:
    /// <c>TimeToFirstTokenSeconds</c> → "Time to first token" in s; <c>OutputTokensPerSecond</c> → "Output" in tokens/s.
    /// </summary>
    internal static class PropertyTitle
    {
        // Longest suffix first: the base unit, what the unit needs said after it, whether the suffix's words stay in the
        // title (InputLength → "Input length"), and a noun the title gains when its stem lacks one (OutputTokensPerSecond →
        // "Output throughput").
        private static readonly (string Suffix, string Unit, string Qualifier, bool KeepSuffixWords, string Noun)[] Suffixes =
        {
            ("TokensPerSecondPerSequence", "tokens/s", " per sequence", false, "throughput"),
            ("TokensPerSecondPerGpu", "tokens/s", " per GPU", false, "throughput"),
            ("TokensPerSecond", "tokens/s", string.Empty, false, "throughput"),
            ("FlopsPerSecond", "FLOP/s", string.Empty, false, "performance"),
            ("BytesPerSecond", "B/s", string.Empty, false, "bandwidth"),
            ("FlopsPerByte", "FLOP/B", string.Empty, false, string.Empty),
            ("BytesPerToken", "B", " per token", false, string.Empty),
            ("Seconds", "s", string.Empty, false, string.Empty),
            ("Bytes", "B", string.Empty, false, string.Empty),
            ("Flops", "FLOP", string.Empty, false, string.Empty),
            ("Tokens", "tokens", string.Empty, false, string.Empty),
            ("Length", "tokens", string.Empty, true, string.Empty),
            ("Positions", "tokens", string.Empty, true, string.Empty),
            ("BatchSize", "sequences", string.Empty, true, string.Empty),
        };

        // Names whose words read badly: the objects' identity properties.
        private static readonly Dictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["HardwareName"] = "GPU",
            ["ModelName"] = "Model",
        };

        private static readonly Dictionary<string, string> Acronyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["kv"] = "KV", ["gpu"] = "GPU", ["gpus"] = "GPUs", ["lm"] = "LM", ["mlp"] = "MLP", ["moe"] = "MoE", ["tp"] = "TP", ["pp"] = "PP",
            ["mfu"] = "MFU", ["mbu"] = "MBU", ["ttft"] = "TTFT", ["tpot"] = "TPOT", ["qkv"] = "QKV",
        };

        /// <summary>The words of the title (without unit), the base unit (empty when the name says none) and the unit's qualifier.</summary>
        public static (string Words, string Unit, string Qualifier) Parse(string propertyName)
        {
            string name = propertyName.Trim();
            if (Renamed.TryGetValue(name, out var renamed))
            {
                return (renamed, string.Empty, string.Empty);
            }

            foreach (var (suffix, unit, qualifier, keep, noun) in Suffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    string words = Words(keep ? name : name.Substring(0, name.Length - suffix.Length));
                    if (noun.Length > 0 && !words.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
                    {
                        words += " " + noun;
                    }

                    return (words, unit, qualifier);
                }

                if (keep && name.Equals(suffix, StringComparison.Ordinal))
                {
                    return (Words(name), unit, qualifier);
                }
            }

            return (Words(name), string.Empty, string.Empty);
        }

        /// <summary>"Words (unit)", or the words alone without a unit.</summary>
        public static string Compose(string words, string displayUnit)
        {
            string unit = displayUnit.Trim();
            return unit.Length == 0 ? words : words + " (" + unit + ")";
        }

        /// <summary>Splits PascalCase and snake_case into words: the first capitalised, the rest lower case, acronyms kept.</summary>
        public static string Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '_' || c == '-' || c == ' ' || c == '.')
                {
                    Flush(words, current);
                    continue;
                }

                bool boundary = current.Length > 0 && char.IsUpper(c)
                    && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (boundary)
                {
                    Flush(words, current);
                }

                current.Append(c);
            }

            Flush(words, current);
            if (words.Count == 0)
            {
                return name;
            }

            for (int i = 0; i < words.Count; i++)
            {
                if (Acronyms.TryGetValue(words[i], out var acronym))
                {
                    words[i] = acronym;
                }
                else if (words[i].Length > 1 && IsAllUpper(words[i]))
                {
                    // Already an acronym (HBM, ID).
                }
                else
                {
                    words[i] = i == 0
                        ? char.ToUpperInvariant(words[i][0]) + words[i].Substring(1).ToLowerInvariant()
                        : words[i].ToLowerInvariant();
                }
            }

            return string.Join(" ", words);
        }

        private static bool IsAllUpper(string word)
        {
            foreach (char c in word)
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
