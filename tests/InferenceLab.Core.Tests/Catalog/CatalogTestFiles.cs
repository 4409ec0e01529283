using System;
using System.IO;
using System.Text;

namespace InferenceLab.Core.Tests.Catalog
{
    /// <summary>Fixture paths and throw-away files for the catalog tests.</summary>
    internal static class CatalogTestFiles
    {
        /// <summary>A config.json fixture written from the family's published values (copied to the test output).</summary>
        public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", name + ".json");

        /// <summary>A new empty folder under the temp directory.</summary>
        public static string NewFolder()
        {
            string folder = Path.Combine(Path.GetTempPath(), "inferencelab-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return folder;
        }

        /// <summary>Writes text (UTF-8, no BOM) to a new file and returns its path.</summary>
        public static string Write(string text, string fileName = "catalog.yaml")
        {
            string path = Path.Combine(NewFolder(), fileName);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        /// <summary>Writes raw bytes to a new file and returns its path.</summary>
        public static string WriteBytes(byte[] bytes, string fileName = "catalog.yaml")
        {
            string path = Path.Combine(NewFolder(), fileName);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>A valid model entry (Llama-2-7B's published shape) under a given name, as catalog YAML lines.</summary>
        public static string ModelEntry(string name, int maxPositions = 4096) =>
            "  - name: " + name + "\n" +
            "    layers: 32\n    hidden_size: 4096\n    attention_heads: 32\n    key_value_heads: 32\n" +
            "    intermediate_size: 11008\n    vocab_size: 32000\n    max_position_embeddings: " + maxPositions + "\n" +
            "    source: test\n";
    }
}
