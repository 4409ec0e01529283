using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Reads a catalog or config file into a <see cref="YamlNode"/> tree. JSON is read as YAML (one parser). The
    /// reader works on YamlDotNet's event stream and builds plain data only: tags, anchors and aliases are refused
    /// (they could instantiate types or expand into huge documents), as are duplicate keys, non-scalar keys, more
    /// than one document and nesting deeper than <see cref="MaxDepth"/>. Every failure is a
    /// <see cref="CatalogDataException"/> naming the file, line and column.
    /// </summary>
    internal static class YamlDocumentReader
    {
        /// <summary>The largest file accepted: catalogs and config.json files are kilobytes; 16 MiB is generous.</summary>
        public const long MaxFileBytes = 16L * 1024 * 1024;

        /// <summary>The deepest nesting of mappings and lists accepted.</summary>
        public const int MaxDepth = 32;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Reads and parses a file.</summary>
        /// <exception cref="CatalogDataException">ReadError when missing, unreadable, too large or not text; InvalidData when malformed.</exception>
        public static YamlNode ReadFile(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new CatalogDataException("CatalogPathMissing", "(no path)", 0, 0, null, "A catalog or config file path is empty.", ErrorKind.ReadError);
            }

            byte[] bytes;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw new CatalogDataException("CatalogFileNotFound", path, 0, 0, null, Directory.Exists(path) ? "The path is a folder, not a file." : "The file does not exist.", ErrorKind.ReadError);
                }

                if (info.Length > MaxFileBytes)
                {
                    throw new CatalogDataException(
                        "CatalogFileTooLarge",
                        path,
                        0,
                        0,
                        null,
                        string.Format(CultureInfo.InvariantCulture, "The file is {0:N0} bytes; catalog and config files may be at most {1:N0} bytes (16 MiB).", info.Length, MaxFileBytes),
                        ErrorKind.ReadError);
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (CatalogDataException)
            {
                throw;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                throw new CatalogDataException("CatalogFileUnreadable", path, 0, 0, null, "The file cannot be read: " + e.Message, ErrorKind.ReadError, e);
            }

            if (bytes.LongLength > MaxFileBytes)
            {
                throw new CatalogDataException("CatalogFileTooLarge", path, 0, 0, null, "The file is larger than 16 MiB.", ErrorKind.ReadError);
            }

            return Parse(Decode(bytes, path), path);
        }

        /// <summary>Decodes UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; anything else is an error.</summary>
        public static string Decode(byte[] bytes, string file)
        {
            string text;
            try
            {
                if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
                {
                    text = new UnicodeEncoding(false, false, true).GetString(bytes, 2, bytes.Length - 2);
                }
                else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
                {
                    text = new UnicodeEncoding(true, false, true).GetString(bytes, 2, bytes.Length - 2);
                }
                else
                {
                    int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                    text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
                }
            }
            catch (DecoderFallbackException e)
            {
                int index = Math.Max(0, e.Index);
                long line = 1;
                for (int i = 0; i < index && i < bytes.Length; i++)
                {
                    if (bytes[i] == (byte)'\n')
                    {
                        line++;
                    }
                }

                throw new CatalogDataException("CatalogEncodingInvalid", file, line, 0, null, "The file is not valid UTF-8 text (save it as UTF-8).", ErrorKind.ReadError, e);
            }

            int nul = text.IndexOf('\0');
            if (nul >= 0)
            {
                throw new CatalogDataException("CatalogFileNotText", file, LineOf(text, nul), 0, null, "The file contains NUL characters; it is not a text file.", ErrorKind.ReadError);
            }

            return text;
        }

        /// <summary>Parses YAML or JSON text into a node tree.</summary>
        /// <param name="text">The document.</param>
        /// <param name="file">The file name used in messages.</param>
        public static YamlNode Parse(string text, string file)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            // JSON allows tabs as whitespace; YAML forbids them in indentation. A tab can only stand between
            // tokens in valid JSON (raw tabs inside strings are invalid JSON), so a space is equivalent there.
            string trimmed = text.TrimStart();
            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                text = text.Replace('\t', ' ');
            }

            try
            {
                return new Builder(text, file).Build();
            }
            catch (CatalogDataException)
            {
                throw;
            }
            catch (YamlException e)
            {
                long line = e.Start.Line;
                long column = e.Start.Column;
                string problem = "The file is not valid YAML or JSON: " + Clean(e.Message);
                if (LineText(text, line).IndexOf('\t') >= 0 || text.IndexOf("\n\t", StringComparison.Ordinal) >= 0 || text.StartsWith("\t", StringComparison.Ordinal))
                {
                    problem += " (The file indents with tabs; YAML allows only spaces for indentation.)";
                }

                throw new CatalogDataException("CatalogSyntaxError", file, line, column, null, problem, ErrorKind.InvalidData, e);
            }
        }

        private static string Clean(string message)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is in our own prefix.
            int colon = message.IndexOf("): ", StringComparison.Ordinal);
            return colon >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message.Substring(colon + 3) : message;
        }

        private static long LineOf(string text, int index)
        {
            long line = 1;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }

        private static string LineText(string text, long line)
        {
            using (var reader = new StringReader(text))
            {
                string? current;
                long number = 0;
                while ((current = reader.ReadLine()) != null)
                {
                    if (++number == line)
                    {
                        return current;
                    }
                }
            }

            return string.Empty;
        }

        private sealed class Builder
        {
            private readonly IParser parser;
            private readonly string file;

            public Builder(string text, string file)
            {
                parser = new Parser(new StringReader(text));
                this.file = file;
            }

            public YamlNode Build()
            {
                Expect<StreamStart>();
                if (Peek() is StreamEnd)
                {
                    throw Error("CatalogFileEmpty", parser.Current!, "The file is empty.");
                }

                Expect<DocumentStart>();
                YamlNode root;
                if (Peek() is DocumentEnd)
                {
                    throw Error("CatalogFileEmpty", parser.Current!, "The file holds an empty document.");
                }

                root = ReadNode(1);
                Expect<DocumentEnd>();
                if (!(Peek() is StreamEnd))
                {
                    throw Error("CatalogMultipleDocuments", parser.Current!, "The file holds more than one YAML document ('---'); put every entry in one document.");
                }

                return root;
            }

            private ParsingEvent Peek()
            {
                if (parser.Current == null && !Next())
                {
                    throw new CatalogDataException("CatalogSyntaxError", file, 0, 0, null, "The file ended unexpectedly.");
                }

                return parser.Current!;
            }

            private T Expect<T>()
                where T : ParsingEvent
            {
                var current = Peek();
                if (!(current is T typed))
                {
                    throw Error("CatalogSyntaxError", current, "Unexpected " + current.GetType().Name + ".");
                }

                Next();
                return typed;
            }

            private YamlNode ReadNode(int depth)
            {
                var current = Peek();
                if (current is AnchorAlias)
                {
                    throw Error("CatalogAliasNotAllowed", current, "YAML aliases ('*name') are not allowed in catalog files; write the value out.");
                }

                if (current is NodeEvent node)
                {
                    if (!node.Anchor.IsEmpty)
                    {
                        throw Error("CatalogAnchorNotAllowed", current, "YAML anchors ('&" + node.Anchor.Value + "') are not allowed in catalog files; write each value out.");
                    }

                    if (!node.Tag.IsEmpty)
                    {
                        throw Error("CatalogTagNotAllowed", current, "YAML tags ('" + node.Tag.Value + "') are not allowed in catalog files: entries are plain data.");
                    }
                }

                if (depth > MaxDepth)
                {
                    throw Error("CatalogNestingTooDeep", current, string.Format(CultureInfo.InvariantCulture, "Mappings and lists are nested more than {0} levels deep.", MaxDepth));
                }

                switch (current)
                {
                    case Scalar scalar:
                        Next();
                        return new YamlScalarNode(scalar.Value, scalar.Style != ScalarStyle.Plain, scalar.Start.Line, scalar.Start.Column);

                    case SequenceStart start:
                    {
                        Next();
                        var sequence = new YamlSequenceNode(start.Start.Line, start.Start.Column);
                        while (!(Peek() is SequenceEnd))
                        {
                            sequence.Items.Add(ReadNode(depth + 1));
                        }

                        Next();
                        return sequence;
                    }

                    case MappingStart start:
                    {
                        Next();
                        var mapping = new YamlMappingNode(start.Start.Line, start.Start.Column);
                        while (!(Peek() is MappingEnd))
                        {
                            var keyEvent = Peek();
                            var key = ReadNode(depth + 1);
                            if (!(key is YamlScalarNode scalarKey) || scalarKey.IsNull)
                            {
                                throw Error("CatalogKeyInvalid", keyEvent, "Mapping keys must be plain names, not " + key.Describe() + ".");
                            }

                            var value = ReadNode(depth + 1);
                            if (!mapping.TryAdd(scalarKey, value))
                            {
                                throw new CatalogDataException(
                                    "CatalogDuplicateKey",
                                    file,
                                    scalarKey.Line,
                                    scalarKey.Column,
                                    scalarKey.Value,
                                    string.Format(CultureInfo.InvariantCulture, "The key '{0}' appears twice in the same mapping (first at line {1}).", scalarKey.Value, mapping.KeyNode(scalarKey.Value).Line));
                            }
                        }

                        Next();
                        return mapping;
                    }

                    default:
                        throw Error("CatalogSyntaxError", current, "Unexpected " + current.GetType().Name + ".");
                }
            }

            /// <summary>
            /// The parser's next event. YamlDotNet's scanner throws InvalidOperationException rather than a YamlException on
            /// some malformed plain scalars (a lone carriage return inside a flow mapping, text straight after a quoted list
            /// item); that is bad input too, reported at the last event read.
            /// </summary>
            private bool Next()
            {
                try
                {
                    return parser.MoveNext();
                }
                catch (InvalidOperationException e)
                {
                    var at = parser.Current;
                    throw new CatalogDataException("CatalogSyntaxError", file, at?.End.Line ?? 0, at?.End.Column ?? 0, null, "The file is not valid YAML or JSON after this point.", ErrorKind.InvalidData, e);
                }
            }

            private CatalogDataException Error(string id, ParsingEvent at, string problem) =>
                new CatalogDataException(id, file, at.Start.Line, at.Start.Column, null, problem);
        }
    }
}
