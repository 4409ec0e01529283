using System;
using System.IO;
using System.Linq;
using System.Text;
using InferenceLab.Core.Catalog;

namespace InferenceLab.Core.Tests.Catalog
{
    public sealed class MalformedFileTests
    {
        private static CatalogDataException Fails(string text, string id, ErrorKind kind = ErrorKind.InvalidData, string fileName = "catalog.yaml")
        {
            string path = CatalogTestFiles.Write(text, fileName);
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.Read(path));
            Assert.Equal(id, error.ErrorId);
            Assert.Equal(kind, error.Kind);
            Assert.StartsWith(path, error.Message);
            return error;
        }

        [Fact]
        public void A_syntax_error_names_file_line_and_column()
        {
            var error = Fails("models:\n  - name: x\n    layers: [1, 2\n", "CatalogSyntaxError");
            Assert.True(error.Line >= 3, "line " + error.Line);
            Assert.Contains(":" + error.Line + ":", error.Message);
        }

        [Fact]
        public void Yaml_tags_are_refused()
        {
            var python = Fails("models:\n  - !!python/object/apply:os.system [\"echo hi\"]\n", "CatalogTagNotAllowed");
            Assert.Equal(2, python.Line);
            Fails("gpus:\n  - name: !custom x\n", "CatalogTagNotAllowed");
        }

        [Fact]
        public void Anchors_and_aliases_are_refused()
        {
            Fails("models:\n  - &base\n    name: a\n", "CatalogAnchorNotAllowed");

            // The "billion laughs" shape never expands: the first anchor stops the read.
            Fails("a: &a [\"lol\", \"lol\"]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", "CatalogAnchorNotAllowed");
            Fails("models:\n  - *undefined\n", "CatalogAliasNotAllowed");
        }

        [Fact]
        public void Duplicate_keys_name_the_key_and_both_lines()
        {
            var error = Fails("models:\n" + CatalogTestFiles.ModelEntry("x") + "    layers: 40\n", "CatalogDuplicateKey");
            Assert.Equal("layers", error.Field);
            Assert.Equal(11, error.Line);
            Assert.Contains("first at line 3", error.Message);
        }

        [Fact]
        public void Wrong_types_name_the_field()
        {
            string entry = CatalogTestFiles.ModelEntry("x");
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: \"32\""), "CatalogFieldWrongType").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: thirty-two"), "CatalogFieldWrongType").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: 32.5"), "CatalogFieldNotWhole").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: -1"), "CatalogFieldOutOfRange").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: 123456789012345678901234567890"), "CatalogFieldTooLarge").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: null"), "CatalogFieldNull").Field);
            Assert.Equal("models[0].layers", Fails("models:\n" + entry.Replace("layers: 32", "layers: [32]"), "CatalogFieldWrongType").Field);
            Assert.Equal("models[0].tied_embeddings", Fails("models:\n" + entry + "    tied_embeddings: yes\n", "CatalogFieldWrongType").Field);
            Assert.Equal("models", Fails("models: 3\n", "CatalogFieldWrongType").Field);
            Assert.Equal("models[0]", Fails("models:\n  - llama\n", "CatalogFieldWrongType").Field);
        }

        [Fact]
        public void Non_finite_numbers_are_refused_in_yaml_and_json()
        {
            string gpu = "gpus:\n  - name: g\n    memory_bytes: 1e9\n    memory_bandwidth_bytes_per_second: .inf\n    peak_flops_per_second: { bf16: 1e12 }\n";
            Assert.Equal("gpus[0].memory_bandwidth_bytes_per_second", Fails(gpu, "CatalogFieldNotFinite").Field);
            string json = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b")).Replace("\"hidden_size\": 4096", "\"hidden_size\": NaN");
            Assert.Equal("hidden_size", Fails(json, "CatalogFieldNotFinite", fileName: "config.json").Field);
            json = File.ReadAllText(CatalogTestFiles.Fixture("llama-3.1-8b")).Replace("\"vocab_size\": 128256", "\"vocab_size\": -Infinity");
            Assert.Equal("vocab_size", Fails(json, "CatalogFieldNotFinite", fileName: "config.json").Field);
        }

        [Fact]
        public void Unknown_keys_in_a_catalog_are_errors_with_a_suggestion()
        {
            var error = Fails("models:\n" + CatalogTestFiles.ModelEntry("x").Replace("layers:", "laers:"), "CatalogUnknownKey");
            Assert.Equal("models[0].laers", error.Field);
            Assert.Contains("did you mean 'layers'", error.Message);
            Assert.Equal("gpus[0].peak_flops_per_second.bf17", Fails("gpus:\n  - name: g\n    memory_bytes: 1e9\n    memory_bandwidth_bytes_per_second: 1e9\n    peak_flops_per_second: { bf17: 1e12 }\n", "CatalogUnknownKey").Field);
            Fails("modles: []\n", "CatalogContentUnknown");
            Fails("models: []\nextra: 1\n", "CatalogUnknownKey");
        }

        [Fact]
        public void Values_the_spec_rejects_are_reported_at_their_line()
        {
            var error = Fails("models:\n" + CatalogTestFiles.ModelEntry("x").Replace("key_value_heads: 32", "key_value_heads: 5"), "CatalogEntryInvalid");
            Assert.Equal("models[0].key_value_heads", error.Field);
            Assert.Equal(6, error.Line);
            Assert.Contains("must divide AttentionHeadCount", error.Message);
        }

        [Fact]
        public void Deep_nesting_is_refused()
        {
            string deep = new string('[', 100) + new string(']', 100);
            Fails("models: " + deep + "\n", "CatalogNestingTooDeep");
        }

        [Fact]
        public void Files_that_cannot_be_read_are_read_errors()
        {
            string missing = Path.Combine(CatalogTestFiles.NewFolder(), "nope.yaml");
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.Read(missing));
            Assert.Equal(("CatalogFileNotFound", ErrorKind.ReadError), (error.ErrorId, error.Kind));
            Assert.Contains(missing, error.Message);

            string folder = CatalogTestFiles.NewFolder();
            Assert.Equal(ErrorKind.ReadError, Assert.Throws<CatalogDataException>(() => CatalogFile.Read(folder)).Kind);

            string large = CatalogTestFiles.Write(string.Empty);
            using (var stream = File.OpenWrite(large))
            {
                stream.SetLength(YamlDocumentReader.MaxFileBytes + 1);
            }

            var tooLarge = Assert.Throws<CatalogDataException>(() => CatalogFile.Read(large));
            Assert.Equal(("CatalogFileTooLarge", ErrorKind.ReadError), (tooLarge.ErrorId, tooLarge.Kind));
        }

        [Fact]
        public void Encodings_are_checked()
        {
            // A UTF-8 byte-order mark is allowed.
            byte[] text = Encoding.UTF8.GetBytes("models:\n" + CatalogTestFiles.ModelEntry("bom-model"));
            var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(text).ToArray();
            Assert.Equal("bom-model", CatalogFile.Read(CatalogTestFiles.WriteBytes(withBom)).Models[0].Name);

            // UTF-16 with its byte-order mark reads too.
            var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("models:\n" + CatalogTestFiles.ModelEntry("utf16"))).ToArray();
            Assert.Equal("utf16", CatalogFile.Read(CatalogTestFiles.WriteBytes(utf16)).Models[0].Name);

            // Invalid UTF-8 is a read error naming the line.
            var invalid = Encoding.UTF8.GetBytes("models:\n  - name: x\n").Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();
            var error = Assert.Throws<CatalogDataException>(() => CatalogFile.Read(CatalogTestFiles.WriteBytes(invalid)));
            Assert.Equal(("CatalogEncodingInvalid", ErrorKind.ReadError, 3L), (error.ErrorId, error.Kind, error.Line));

            var binary = Assert.Throws<CatalogDataException>(() => CatalogFile.Read(CatalogTestFiles.WriteBytes(new byte[] { 0x6D, 0x00, 0x01 })));
            Assert.Equal(ErrorKind.ReadError, binary.Kind);
        }

        [Fact]
        public void Tabs_in_json_read_correctly_and_tabs_in_yaml_indentation_are_explained()
        {
            string json = File.ReadAllText(CatalogTestFiles.Fixture("mixtral-8x7b")).Replace("  ", "\t");
            Assert.Equal(46_702_792_704, CatalogFile.ReadModel(CatalogTestFiles.Write(json, "config.json"), "m").Value.TotalParameterCount);

            var error = Fails("models:\n\t- name: x\n", "CatalogSyntaxError");
            Assert.Contains("tabs", error.Message);
        }

        [Fact]
        public void Empty_multi_document_and_list_files_are_refused()
        {
            Fails(string.Empty, "CatalogFileEmpty");
            Fails("# only a comment\n", "CatalogFileEmpty");
            Fails("models: []\n---\ngpus: []\n", "CatalogMultipleDocuments");
            Fails("- a\n- b\n", "CatalogContentUnknown");
            Fails("models:\n" + CatalogTestFiles.ModelEntry("x") + CatalogTestFiles.ModelEntry("X"), "CatalogDuplicateName");
        }

        [Fact]
        public void A_file_that_is_one_long_plain_value_is_quoted_cut_in_the_error()
        {
            // Found by hand: /etc/passwd read as a model file quoted all 2 KB of it. 500 characters of plain text are one
            // YAML scalar; the message keeps the first 60 and says how long the value was.
            string text = new string('x', 500);
            var error = Fails(text + "\n", "CatalogContentUnknown");
            Assert.Contains("'" + new string('x', 60) + "...' (500 characters)", error.Message);
            Assert.True(error.Message.Length < 400, error.Message);
        }

        [Fact]
        public void Mangled_files_only_ever_fail_with_catalog_errors()
        {
            // Property: whatever a file holds, reading it succeeds or throws CatalogDataException, never anything else.
            string valid = File.ReadAllText(CatalogTestFiles.Fixture("deepseek-v3")) + "\n";
            string yaml = "models:\n" + CatalogTestFiles.ModelEntry("x") + "gpus:\n  - name: g\n    memory_bytes: 1e9\n    memory_bandwidth_bytes_per_second: 1e9\n    peak_flops_per_second: { bf16: 1e12 }\n";
            var random = new Random(12345);
            const string alphabet = "{}[]:,\"'-!&*#\t\n 0123456789.eE+nulltrue?|>%@`\\";
            foreach (string seed in new[] { valid, yaml })
            {
                for (int i = 0; i < 300; i++)
                {
                    var chars = seed.ToCharArray();
                    int edits = random.Next(1, 6);
                    for (int e = 0; e < edits; e++)
                    {
                        chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                    }

                    string text = new string(chars);
                    try
                    {
                        CatalogFile.Read(CatalogTestFiles.Write(text, i % 2 == 0 ? "config.json" : "c.yaml"));
                    }
                    catch (CatalogDataException)
                    {
                    }
                }
            }
        }
    }
}
