using System;
using System.Collections.Generic;
using System.Globalization;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// Reads catalog files and Hugging Face config.json files (DESIGN §7). A catalog file is a mapping with a
    /// <c>models:</c> list, a <c>gpus:</c> list, or both (the schema of the built-in files); a single-entry file is one
    /// model or one GPU as a mapping; a config.json is recognised by <c>model_type</c>, <c>architectures</c> or
    /// <c>text_config</c>. JSON is read as YAML. Every problem is a <see cref="CatalogDataException"/>: ReadError when
    /// the file cannot be read, InvalidData when its content is wrong.
    /// </summary>
    public static class CatalogFile
    {
        private static readonly string[] TopLevelKeys = { "models", "gpus" };

        /// <summary>Reads every model and GPU a file holds.</summary>
        /// <param name="path">A catalog YAML, a single model or GPU entry, or a config.json.</param>
        /// <exception cref="CatalogDataException">The file is missing, unreadable, too large, malformed or partial.</exception>
        public static CatalogFileContent Read(string path)
        {
            var root = YamlDocumentReader.ReadFile(path);
            return Interpret(root, path, null);
        }

        /// <summary>Reads a file that holds exactly one model (a config.json, a model entry, or a catalog with one model).</summary>
        /// <param name="path">The file.</param>
        /// <param name="name">The catalog name to give a config.json import; null derives it from <c>_name_or_path</c> or the folder name.</param>
        /// <exception cref="CatalogDataException">The file cannot be read, is malformed, or does not hold exactly one model.</exception>
        public static ImportResult<ModelSpec> ReadModel(string path, string? name = null)
        {
            var content = Interpret(YamlDocumentReader.ReadFile(path), path, name);
            if (content.Models.Count != 1)
            {
                throw new CatalogDataException(
                    "CatalogNotOneModel",
                    path,
                    0,
                    0,
                    "models",
                    string.Format(CultureInfo.InvariantCulture, "The file holds {0} models and {1} GPUs; a model file must hold exactly one model.", content.Models.Count, content.Hardware.Count));
            }

            return new ImportResult<ModelSpec>(content.Models[0], path, content.Warnings);
        }

        /// <summary>Reads a file that holds exactly one GPU (a GPU entry, or a catalog with one GPU).</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="CatalogDataException">The file cannot be read, is malformed, or does not hold exactly one GPU.</exception>
        public static ImportResult<HardwareSpec> ReadHardware(string path)
        {
            var content = Read(path);
            if (content.Hardware.Count != 1)
            {
                throw new CatalogDataException(
                    "CatalogNotOneGpu",
                    path,
                    0,
                    0,
                    "gpus",
                    string.Format(CultureInfo.InvariantCulture, "The file holds {0} GPUs and {1} models; a GPU file must hold exactly one GPU.", content.Hardware.Count, content.Models.Count));
            }

            return new ImportResult<HardwareSpec>(content.Hardware[0], path, content.Warnings);
        }

        /// <summary>Parses catalog or config text that did not come from a file (the built-in catalogs, tests).</summary>
        internal static CatalogFileContent Parse(string text, string file) => Interpret(YamlDocumentReader.Parse(text, file), file, null);

        private static CatalogFileContent Interpret(YamlNode root, string file, string? name)
        {
            if (!(root is YamlMappingNode mapping))
            {
                throw new CatalogDataException("CatalogContentUnknown", file, root.Line, root.Column, null, "The file holds " + root.Describe() + "; expected a mapping with 'models:' and/or 'gpus:', a single model or GPU entry, or a config.json object.");
            }

            var models = new List<ModelSpec>();
            var hardware = new List<HardwareSpec>();
            var warnings = new List<string>();
            if (mapping.ContainsKey("models") || mapping.ContainsKey("gpus"))
            {
                var top = new EntryFields(mapping, file, string.Empty, strict: true, allowUnderscores: true);
                ModelEntryReader.RejectUnknownKeys(top, TopLevelKeys, "catalog file");
                ReadList(top, "models", (entry) => models.Add(ModelEntryReader.Read(entry)));
                ReadList(top, "gpus", (entry) => hardware.Add(HardwareEntryReader.Read(entry)));
            }
            else if (HuggingFaceConfigImporter.LooksLikeConfig(mapping))
            {
                models.Add(HuggingFaceConfigImporter.Import(mapping, file, name, warnings));
            }
            else if (HardwareEntryReader.LooksLikeHardware(mapping))
            {
                hardware.Add(HardwareEntryReader.Read(new EntryFields(mapping, file, string.Empty, strict: true, allowUnderscores: true)));
            }
            else if (ModelEntryReader.LooksLikeModel(mapping))
            {
                models.Add(ModelEntryReader.Read(new EntryFields(mapping, file, string.Empty, strict: true, allowUnderscores: true)));
            }
            else
            {
                throw new CatalogDataException(
                    "CatalogContentUnknown",
                    file,
                    mapping.Line,
                    mapping.Column,
                    null,
                    "Cannot tell what the file holds: expected 'models:' and/or 'gpus:' lists, a model entry (with 'layers'), a GPU entry (with 'memory_bytes'), or a config.json (with 'model_type').");
            }

            RejectDuplicateNames(file, models, m => m.Name, "model");
            RejectDuplicateNames(file, hardware, h => h.Name, "GPU");
            return new CatalogFileContent(file, models, hardware, warnings);
        }

        private static void ReadList(EntryFields top, string key, Action<EntryFields> read)
        {
            var list = top.Sequence(key);
            if (list == null)
            {
                return;
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                string path = key + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (!(list.Items[i] is YamlMappingNode entry))
                {
                    throw new CatalogDataException("CatalogFieldWrongType", top.File, list.Items[i].Line, list.Items[i].Column, path, "Each entry must be a mapping, not " + list.Items[i].Describe() + ".");
                }

                read(new EntryFields(entry, top.File, path, strict: true, allowUnderscores: true));
            }
        }

        private static void RejectDuplicateNames<T>(string file, IEnumerable<T> entries, Func<T, string> name, string what)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (!seen.Add(name(entry)))
                {
                    throw new CatalogDataException("CatalogDuplicateName", file, 0, 0, "name", "The " + what + " name '" + name(entry) + "' appears twice in the file.");
                }
            }
        }
    }
}
