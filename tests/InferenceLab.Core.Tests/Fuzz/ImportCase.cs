using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core.Tests;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// One import fuzz case: a real config.json (tests/…/Catalog/Fixtures, each written from its family's published file)
    /// or one entry of the built-in YAML catalogs, and a mutation of it. <see cref="Bytes"/> replays the mutation.
    /// </summary>
    internal sealed class ImportCase
    {
        /// <summary>Raw JSON/YAML values a field may be replaced by: wrong types, nulls, strings for numbers, overflow.</summary>
        private static readonly string[] Replacements =
        {
            "null", "\"12\"", "true", "[]", "{}", "-1", "0", "1.5", "1e400", "-1e400", "99999999999999999999", "\"abc\"", "[1, 2, 3]",
            "{\"a\": 1}", "-0", "2147483648", "4294967297", "NaN", ".nan", ".inf", "-.inf", "1e-400", "\"\"", "\"\\u0000\"", "\"🦙\"", "0x10",
            "[[[[[[[[1]]]]]]]]", "~", "\"4096\"", "32.0", "1e3", "-2147483649", "[null]", "{\"type\": null}",
        };

        private static readonly string[] WholeFiles =
        {
            "", " ", "\n\n", "\uFEFF", "null", "[]", "{}", "42", "\"text\"", "---\n---\n", "--- {}\n--- {}\n", "a: 1\n\ta: 2\n", "{", "}", "[", "{\"model_type\": }",
            "models:", "models: []", "gpus: {}", "models: [null]", "models:\n  - 1\n", "!!binary aGVsbG8=", "%YAML 1.1\n---\n{}", "{\"architectures\": []}",
            "{\"text_config\": {}}", "{\"text_config\": null}", "{\"model_type\": \"llama\"}",
        };

        private static readonly Lazy<(string Name, string Text, bool Json)[]> LazySeeds = new Lazy<(string, string, bool)[]>(LoadSeeds);

        private ImportCase(int seed, int kind, int a, int b, int c)
        {
            Seed = seed;
            Kind = kind;
            A = a;
            B = b;
            C = c;
        }

        /// <summary>The seed files: every config.json fixture and each entry of models.yaml and gpus.yaml as its own catalog.</summary>
        public static IReadOnlyList<(string Name, string Text, bool Json)> Seeds => LazySeeds.Value;

        public int Seed { get; }

        /// <summary>Which mutation: see <see cref="Bytes"/>.</summary>
        public int Kind { get; }

        public int A { get; }

        public int B { get; }

        public int C { get; }

        /// <summary>Mutations weighted so most files stay close to a real one.</summary>
        public static Gen<ImportCase> Gen =>
            from seed in FsCheck.Fluent.Gen.Choose(0, Seeds.Count - 1)
            from kind in FsCheck.Fluent.Gen.Frequency(
                (2, FsCheck.Fluent.Gen.Constant(0)), (6, FsCheck.Fluent.Gen.Constant(1)), (6, FsCheck.Fluent.Gen.Constant(2)), (2, FsCheck.Fluent.Gen.Constant(3)),
                (2, FsCheck.Fluent.Gen.Constant(4)), (1, FsCheck.Fluent.Gen.Constant(5)), (3, FsCheck.Fluent.Gen.Constant(6)), (3, FsCheck.Fluent.Gen.Constant(7)),
                (2, FsCheck.Fluent.Gen.Constant(8)), (1, FsCheck.Fluent.Gen.Constant(9)), (2, FsCheck.Fluent.Gen.Constant(10)), (2, FsCheck.Fluent.Gen.Constant(11)),
                (3, FsCheck.Fluent.Gen.Constant(12)))
            from a in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
            from b in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
            from c in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
            select new ImportCase(seed, kind, a, b, c);

        /// <summary>The file name the case is read as (a config.json, or a catalog YAML).</summary>
        public string FileName => Seeds[Seed].Json ? "config.json" : "catalog.yaml";

        /// <summary>The mutated file.</summary>
        public byte[] Bytes()
        {
            var (_, text, json) = Seeds[Seed];
            switch (Kind)
            {
                case 0: // unchanged: the seed itself must import
                    return Utf8(text);
                case 1: // a field dropped
                    return Utf8(json ? EditJson(text, (obj, key) => obj.Remove(key)) : EditLine(text, (lines, i) => lines.RemoveAt(i)));
                case 2: // a field's value replaced by a wrong type, a null, a string, an overflow
                    string raw = Replacements[B % Replacements.Length];
                    return Utf8(json ? EditJson(text, (obj, key) => obj[key] = Placeholder, raw) : EditLine(text, (lines, i) => lines[i] = ReplaceValue(lines[i], raw)));
                case 3: // a key duplicated with another value
                    return Utf8(json ? DuplicateJsonKey(text) : EditLine(text, (lines, i) => lines.Insert(i, ReplaceValue(lines[i], Replacements[B % Replacements.Length]))));
                case 4: // deep nesting: the document wrapped in arrays, objects or text_config
                    return Utf8(Nest(text, json));
                case 5: // a huge array, or a several-MB string, in a field
                    return Utf8(json ? EditJson(text, (obj, key) => obj[key] = Placeholder, Huge()) : text + "\nextra: " + Huge() + "\n");
                case 6: // truncated
                    return Utf8(text.Substring(0, A % (text.Length + 1)));
                case 7: // bytes inserted: invalid UTF-8, NUL, control characters, a BOM, tabs
                    return InsertBytes(Utf8(text));
                case 8: // YAML tags, anchors and aliases
                    return Utf8(Tagged(text));
                case 9: // a whole file of its own: empty, a scalar, a list, two documents...
                    return Utf8(WholeFiles[A % WholeFiles.Length]);
                case 10: // several mutations at once
                    string once = Encoding.UTF8.GetString(new ImportCase(Seed, 1 + (A % 3), B, C, A).Bytes());
                    return new ImportCase(Seed, 2, C, A, B).MutateText(once);
                case 11: // a number field turned into an extreme number
                    string number = new[] { "0", "-1", "1", "2147483647", "2147483648", "-2147483648", "1000000000000", "1e18", "1e308", "4.9e-324", "3" }[B % 11];
                    return Utf8(json ? EditJson(text, (obj, key) => obj[key] = Placeholder, number, numbersOnly: true) : EditLine(text, (lines, i) => lines[i] = ReplaceValue(lines[i], number)));
                default: // a random byte changed
                    var bytes = Utf8(text);
                    if (bytes.Length > 0)
                    {
                        bytes[A % bytes.Length] = (byte)(B % 256);
                    }

                    return bytes;
            }
        }

        public override string ToString() => $"import of {Seeds[Seed].Name}, mutation {Kind} ({A}, {B}, {C})";

        private const string PlaceholderText = "__fuzz_placeholder__";

        private static JsonNode Placeholder => JsonValue.Create(PlaceholderText)!;

        private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

        private byte[] MutateText(string text) => Utf8(EditJsonOrLines(text));

        /// <summary>A second edit on text the first edit may have left as invalid JSON or with duplicate keys, which JsonNode cannot hold: then the text as it is.</summary>
        private string EditJsonOrLines(string text)
        {
            try
            {
                return Seeds[Seed].Json ? EditJson(text, (obj, key) => obj[key] = Placeholder, Replacements[B % Replacements.Length]) : EditLine(text, (lines, i) => lines[i] = ReplaceValue(lines[i], Replacements[B % Replacements.Length]));
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException)
            {
                return text;
            }
        }

        /// <summary>Applies an edit to one property of one object of the JSON (chosen by A), then puts <paramref name="raw"/> text where the placeholder went.</summary>
        private string EditJson(string text, Action<JsonObject, string> edit, string? raw = null, bool numbersOnly = false)
        {
            var root = JsonNode.Parse(text)!;
            var properties = new List<(JsonObject Owner, string Key)>();
            Collect(root, properties, numbersOnly);
            if (properties.Count == 0)
            {
                return text;
            }

            var (owner, key) = properties[A % properties.Count];
            edit(owner, key);
            string result = root.ToJsonString(new JsonSerializerOptions { WriteIndented = (C & 1) == 0, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return raw == null ? result : result.Replace("\"" + PlaceholderText + "\"", raw);
        }

        private static void Collect(JsonNode? node, List<(JsonObject, string)> properties, bool numbersOnly)
        {
            if (node is JsonObject obj)
            {
                foreach (var pair in obj.ToList())
                {
                    if (!numbersOnly || (pair.Value is JsonValue value && value.GetValueKind() == JsonValueKind.Number))
                    {
                        properties.Add((obj, pair.Key));
                    }

                    Collect(pair.Value, properties, numbersOnly);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Collect(item, properties, numbersOnly);
                }
            }
        }

        private string DuplicateJsonKey(string text)
        {
            var root = JsonNode.Parse(text) as JsonObject;
            if (root == null || root.Count == 0)
            {
                return text;
            }

            string key = root.ElementAt(A % root.Count).Key;
            int brace = text.IndexOf('{');
            return text.Insert(brace + 1, "\"" + key + "\": " + Replacements[B % Replacements.Length] + ",");
        }

        /// <summary>Applies an edit to the line A picks among the lines that hold a key.</summary>
        private string EditLine(string text, Action<List<string>, int> edit)
        {
            var lines = text.Split('\n').ToList();
            var keyed = lines.Select((l, i) => (l, i)).Where(p => p.l.Contains(':') && !p.l.TrimStart().StartsWith("#", StringComparison.Ordinal)).Select(p => p.i).ToList();
            if (keyed.Count == 0)
            {
                return text;
            }

            edit(lines, keyed[A % keyed.Count]);
            return string.Join("\n", lines);
        }

        private static string ReplaceValue(string line, string raw)
        {
            int colon = line.IndexOf(':');
            return colon < 0 ? line : line.Substring(0, colon + 1) + " " + raw;
        }

        private string Nest(string text, bool json)
        {
            int depth = 1 + (B % 200);
            string open;
            string close;
            switch (C % 3)
            {
                case 0:
                    open = string.Concat(Enumerable.Repeat("[", depth));
                    close = string.Concat(Enumerable.Repeat("]", depth));
                    break;
                case 1:
                    open = string.Concat(Enumerable.Repeat("{\"a\": ", depth));
                    close = string.Concat(Enumerable.Repeat("}", depth));
                    break;
                default:
                    depth = 1 + (B % 3);
                    open = string.Concat(Enumerable.Repeat("{\"model_type\": \"gemma3\", \"text_config\": ", depth));
                    close = string.Concat(Enumerable.Repeat("}", depth));
                    break;
            }

            return json ? open + text + close : open + "{}" + close + "\n";
        }

        private string Huge()
        {
            if ((C & 1) == 0)
            {
                int count = 5_000 + (B % 15_000);
                return "[" + string.Join(",", Enumerable.Range(0, count).Select(i => (i % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
            }

            return "\"" + new string('x', 50_000 + (B % 350_000)) + "\"";
        }

        private byte[] InsertBytes(byte[] bytes)
        {
            byte[][] inserts =
            {
                new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xED, 0xA0, 0x80 },
                new byte[] { 0x00 }, new byte[] { 0x09 }, new byte[] { 0x0D }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFE, 0xFF }, new byte[] { 0x1B },
                new byte[] { 0xC0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            };
            var insert = inserts[B % inserts.Length];
            int at = A % (bytes.Length + 1);
            return bytes.Take(at).Concat(insert).Concat(bytes.Skip(at)).ToArray();
        }

        private string Tagged(string text)
        {
            string[] forms =
            {
                "--- !!python/object:os.system\n", "!!map\n", "--- &anchor\n", "%TAG ! tag:example.com,2000:\n---\n", "x: &a 1\ny: *a\n",
            };
            if ((B & 1) == 0)
            {
                return forms[A % forms.Length] + text;
            }

            string[] values = { "!!str 32", "!!int \"32\"", "&a 32", "*a", "!custom 32", "!!float 1e3", "!!null ''", "!!binary aGVsbG8=" };
            string raw = values[C % values.Length];
            try
            {
                return Seeds[Seed].Json ? EditJson(text, (obj, key) => obj[key] = Placeholder, raw) : EditLine(text, (lines, i) => lines[i] = ReplaceValue(lines[i], raw));
            }
            catch (JsonException)
            {
                return text;
            }
        }

        private static (string, string, bool)[] LoadSeeds()
        {
            var seeds = new List<(string, string, bool)>();
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                seeds.Add((Path.GetFileName(file), File.ReadAllText(file), true));
            }

            foreach (var (file, list) in new[] { ("models.yaml", "models"), ("gpus.yaml", "gpus") })
            {
                string text = File.ReadAllText(RepositoryFiles.Path("src", "InferenceLab.Core", "Catalog", "Data", file)).Replace("\r\n", "\n");
                var entries = text.Split(new[] { "\n  - name:" }, StringSplitOptions.None).Skip(1).ToList();
                for (int i = 0; i < entries.Count; i++)
                {
                    seeds.Add((file + " entry " + i, list + ":\n  - name:" + entries[i], false));
                }
            }

            return seeds.ToArray();
        }
    }
}
