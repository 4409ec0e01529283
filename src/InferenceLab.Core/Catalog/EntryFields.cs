using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Typed, position-aware access to one mapping of a catalog or config file. Every read marks the key as used so
    /// the caller can report unknown keys; every wrong type, fraction, overflow, non-finite number or (in strict
    /// mode) null is a <see cref="CatalogDataException"/> naming file, line, column and field.
    /// </summary>
    internal sealed class EntryFields
    {
        private readonly HashSet<string> used = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Wraps a mapping.</summary>
        /// <param name="node">The mapping.</param>
        /// <param name="file">File name for messages.</param>
        /// <param name="path">Field path prefix for messages (<c>models[3]</c>, <c>text_config</c>), or empty.</param>
        /// <param name="strict">True for catalog files: an explicit null is an error. False for config.json, where null means absent.</param>
        /// <param name="allowUnderscores">True for YAML catalogs, where <c>85_899_345_920</c> reads as a number.</param>
        public EntryFields(YamlMappingNode node, string file, string path, bool strict, bool allowUnderscores)
        {
            Node = node;
            File = file;
            Path = path;
            Strict = strict;
            AllowUnderscores = allowUnderscores;
        }

        public YamlMappingNode Node { get; }

        public string File { get; }

        public string Path { get; }

        public bool Strict { get; }

        public bool AllowUnderscores { get; }

        /// <summary>The keys no read has asked for, in document order.</summary>
        public IEnumerable<string> UnusedKeys => Node.Keys.Where(k => !used.Contains(k));

        /// <summary>The full name of a key for messages.</summary>
        public string FieldName(string key) => Path.Length == 0 ? key : Path + "." + key;

        /// <summary>True when the key is present with a non-null value (the key is not marked used).</summary>
        public bool Has(string key) => Node.TryGetValue(key, out var value) && !(value is YamlScalarNode s && s.IsNull);

        /// <summary>True when the key is present at all (the key is not marked used).</summary>
        public bool Contains(string key) => Node.ContainsKey(key);

        /// <summary>Marks a key as used without reading it (a known key that carries nothing InferenceLab needs).</summary>
        public void Ignore(string key) => used.Add(key);

        /// <summary>The raw node of a key; null when absent or (outside strict mode) null.</summary>
        public YamlNode? Raw(string key)
        {
            used.Add(key);
            if (!Node.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value is YamlScalarNode scalar && scalar.IsNull)
            {
                if (Strict)
                {
                    throw Error("CatalogFieldNull", key, value, "The value is null; give a value or leave the key out.");
                }

                return null;
            }

            return value;
        }

        public int? Int(string key, long min = int.MinValue, long max = int.MaxValue)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            long value = ParseInteger(key, node);
            if (value < min || value > max)
            {
                throw Error(
                    value < min ? "CatalogFieldOutOfRange" : "CatalogFieldTooLarge",
                    key,
                    node,
                    string.Format(CultureInfo.InvariantCulture, "{0} must be between {1:N0} and {2:N0}; got {3:N0}.", key, min, max, value));
            }

            return (int)value;
        }

        public int RequireInt(string key, long min = int.MinValue, long max = int.MaxValue) =>
            Int(key, min, max) ?? throw Missing(key);

        public long? Long(string key, long min = long.MinValue, long max = long.MaxValue)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            long value = ParseInteger(key, node);
            if (value < min || value > max)
            {
                throw Error(
                    value < min ? "CatalogFieldOutOfRange" : "CatalogFieldTooLarge",
                    key,
                    node,
                    string.Format(CultureInfo.InvariantCulture, "{0} must be between {1:N0} and {2:N0}; got {3:N0}.", key, min, max, value));
            }

            return value;
        }

        public double? Double(string key)
        {
            var node = Raw(key);
            return node == null ? (double?)null : ParseDouble(key, node);
        }

        public double RequireDouble(string key) => Double(key) ?? throw Missing(key);

        public bool? Bool(string key)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            var scalar = RequireScalar(key, node, "true or false");
            if (!scalar.Quoted)
            {
                switch (scalar.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return true;
                    case "false":
                    case "False":
                    case "FALSE":
                        return false;
                }
            }

            throw WrongType(key, node, "true or false");
        }

        public string? String(string key)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            var scalar = RequireScalar(key, node, "text");
            return scalar.Value;
        }

        public string RequireString(string key)
        {
            var text = String(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw text == null ? Missing(key) : Error("CatalogFieldEmpty", key, Node.TryGetValue(key, out var n) ? n : Node, "The value is empty.");
            }

            return text!;
        }

        public IReadOnlyList<string> StringList(string key)
        {
            var node = Raw(key);
            if (node == null)
            {
                return Array.Empty<string>();
            }

            if (node is YamlScalarNode single)
            {
                return new[] { single.Value };
            }

            if (!(node is YamlSequenceNode sequence))
            {
                throw WrongType(key, node, "a list of text");
            }

            var list = new List<string>();
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if (!(sequence.Items[i] is YamlScalarNode item) || item.IsNull)
                {
                    throw WrongType(key + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", sequence.Items[i], "text");
                }

                list.Add(item.Value);
            }

            return list;
        }

        public EntryFields? Mapping(string key)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            if (!(node is YamlMappingNode mapping))
            {
                throw WrongType(key, node, "a mapping");
            }

            return new EntryFields(mapping, File, FieldName(key), Strict, AllowUnderscores);
        }

        public YamlSequenceNode? Sequence(string key)
        {
            var node = Raw(key);
            if (node == null)
            {
                return null;
            }

            return node as YamlSequenceNode ?? throw WrongType(key, node, "a list");
        }

        public CatalogDataException Missing(string key) =>
            new CatalogDataException("CatalogFieldMissing", File, Node.Line, Node.Column, FieldName(key), "The required field '" + key + "' is missing.");

        public CatalogDataException Error(string id, string key, YamlNode at, string problem) =>
            new CatalogDataException(id, File, at.Line, at.Column, FieldName(key), problem);

        /// <summary>An error at the position of <paramref name="key"/>'s value, or of the mapping when the key is absent.</summary>
        public CatalogDataException ErrorAt(string id, string key, string problem) =>
            Error(id, key, Node.TryGetValue(key, out var at) ? at : Node, problem);

        public CatalogDataException WrongType(string key, YamlNode node, string expected) =>
            Error("CatalogFieldWrongType", key, node, "Expected " + expected + ", got " + node.Describe() + ".");

        private YamlScalarNode RequireScalar(string key, YamlNode node, string expected) =>
            node as YamlScalarNode ?? throw WrongType(key, node, expected);

        private long ParseInteger(string key, YamlNode node)
        {
            var scalar = RequireScalar(key, node, "a whole number");
            string text = NumberText(key, scalar, "a whole number");
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
            {
                return whole;
            }

            if (IsIntegerLiteral(text))
            {
                throw Error("CatalogFieldTooLarge", key, node, "The number " + scalar.Value + " is too large.");
            }

            double value = ParseFinite(key, scalar, text, "a whole number");
            if (Math.Floor(value) != value)
            {
                throw Error("CatalogFieldNotWhole", key, node, "Expected a whole number, got " + scalar.Value + ".");
            }

            if (Math.Abs(value) > 9_007_199_254_740_992d)
            {
                throw Error("CatalogFieldTooLarge", key, node, "The number " + scalar.Value + " is too large.");
            }

            return (long)value;
        }

        private double ParseDouble(string key, YamlNode node)
        {
            var scalar = RequireScalar(key, node, "a number");
            return ParseFinite(key, scalar, NumberText(key, scalar, "a number"), "a number");
        }

        private string NumberText(string key, YamlScalarNode scalar, string expected)
        {
            if (scalar.Quoted)
            {
                throw Error("CatalogFieldWrongType", key, scalar, "Expected " + expected + ", got quoted text \"" + scalar.Value + "\"; write the number without quotes.");
            }

            string text = scalar.Value.Trim();
            if (AllowUnderscores && text.IndexOf('_') > 0)
            {
                text = text.Replace("_", string.Empty);
            }

            return text;
        }

        private double ParseFinite(string key, YamlScalarNode scalar, string text, string expected)
        {
            string lower = text.ToLowerInvariant().TrimStart('+', '-');
            if (lower == "nan" || lower == ".nan" || lower == "inf" || lower == ".inf" || lower == "infinity")
            {
                throw Error("CatalogFieldNotFinite", key, scalar, "Expected a finite number, got " + scalar.Value + ".");
            }

            if (!LooksNumeric(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Error("CatalogFieldWrongType", key, scalar, "Expected " + expected + ", got '" + scalar.Value + "'.");
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw Error("CatalogFieldNotFinite", key, scalar, "The number " + scalar.Value + " is not finite.");
            }

            return value;
        }

        private static bool IsIntegerLiteral(string text)
        {
            int start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
            if (start == text.Length)
            {
                return false;
            }

            for (int i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool LooksNumeric(string text)
        {
            // YAML's core schema float: [-+]? ( . digits | digits [ . digits* ] ) ( [eE] [-+]? digits )?
            if (text.Length == 0)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E')
                {
                    return false;
                }
            }

            return text.Any(c => c >= '0' && c <= '9');
        }
    }
}
