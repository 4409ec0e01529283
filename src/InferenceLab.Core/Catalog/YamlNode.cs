using System.Collections.Generic;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// A node of a parsed YAML or JSON document: plain data only (mappings, sequences, scalars) with the position
    /// it came from, so every error can name the line and column. Tags, anchors and aliases never reach this tree.
    /// </summary>
    internal abstract class YamlNode
    {
        protected YamlNode(long line, long column)
        {
            Line = line;
            Column = column;
        }

        /// <summary>1-based line of the node's first character.</summary>
        public long Line { get; }

        /// <summary>1-based column of the node's first character.</summary>
        public long Column { get; }

        /// <summary>What the node is, for messages: "a mapping", "a list", "text".</summary>
        public abstract string Describe();
    }

    /// <summary>A mapping with unique scalar keys, in document order.</summary>
    internal sealed class YamlMappingNode : YamlNode
    {
        private readonly Dictionary<string, YamlNode> byKey = new Dictionary<string, YamlNode>();
        private readonly List<string> keys = new List<string>();
        private readonly Dictionary<string, YamlScalarNode> keyNodes = new Dictionary<string, YamlScalarNode>();

        public YamlMappingNode(long line, long column)
            : base(line, column)
        {
        }

        public IReadOnlyList<string> Keys => keys;

        public int Count => keys.Count;

        public bool ContainsKey(string key) => byKey.ContainsKey(key);

        public bool TryGetValue(string key, out YamlNode value) => byKey.TryGetValue(key, out value!);

        public YamlScalarNode KeyNode(string key) => keyNodes[key];

        /// <summary>Adds an entry; false when the key is already present.</summary>
        public bool TryAdd(YamlScalarNode key, YamlNode value)
        {
            if (byKey.ContainsKey(key.Value))
            {
                return false;
            }

            byKey.Add(key.Value, value);
            keyNodes.Add(key.Value, key);
            keys.Add(key.Value);
            return true;
        }

        public override string Describe() => "a mapping";
    }

    /// <summary>A list of nodes.</summary>
    internal sealed class YamlSequenceNode : YamlNode
    {
        public YamlSequenceNode(long line, long column)
            : base(line, column)
        {
        }

        public List<YamlNode> Items { get; } = new List<YamlNode>();

        public override string Describe() => "a list";
    }

    /// <summary>A scalar: its text, and whether it was quoted (quoted scalars are always strings).</summary>
    internal sealed class YamlScalarNode : YamlNode
    {
        public YamlScalarNode(string value, bool quoted, long line, long column)
            : base(line, column)
        {
            Value = value;
            Quoted = quoted;
        }

        public string Value { get; }

        public bool Quoted { get; }

        /// <summary>True for a plain null (empty, <c>~</c>, <c>null</c>), as YAML's core schema reads it.</summary>
        public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        /// <summary>The longest plain value an error message quotes whole; a file of one long line (not YAML at all) is cut.</summary>
        private const int QuotedLengthLimit = 60;

        public override string Describe() =>
            IsNull ? "null"
            : Quoted ? "quoted text"
            : Value.Length <= QuotedLengthLimit ? "'" + Value + "'"
            : "'" + Value.Substring(0, QuotedLengthLimit) + "...' (" + Value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }
}
