using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Catalog
{
    /// <summary>
    /// The models and GPUs InferenceLab knows by name (DESIGN §7), the union of the built-in catalogs embedded in Core, plus user
    /// catalogs whose entries override built-in ones by name. Look-up is case-insensitive over names and aliases,
    /// patterns take <c>*</c> and <c>?</c>, and a miss is a <see cref="NotFoundException"/> that suggests the nearest
    /// names. This is the one place the cmdlets and the command-line tool look models and GPUs up.
    /// </summary>
    public sealed class CatalogSet
    {
        /// <summary>The environment variable holding extra catalog paths, separated by <see cref="Path.PathSeparator"/>.</summary>
        public const string PathEnvironmentVariable = "INFERENCELAB_CATALOG_PATH";

        private static readonly Lazy<CatalogSet> BuiltInCatalog = new Lazy<CatalogSet>(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Index<ModelSpec> models;
        private readonly Index<HardwareSpec> hardware;

        private CatalogSet(IEnumerable<ModelSpec> models, IEnumerable<HardwareSpec> hardware, IReadOnlyList<string> files, List<string> warnings)
        {
            this.models = new Index<ModelSpec>(models, m => m.Name, m => m.Aliases, "model", warnings);
            this.hardware = new Index<HardwareSpec>(hardware, h => h.Name, h => h.Aliases, "GPU", warnings);
            Files = files;
            Warnings = warnings.Select(PrintableText.Of).ToArray();
        }

        /// <summary>The built-in catalog alone, loaded once on first use.</summary>
        public static CatalogSet BuiltIn => BuiltInCatalog.Value;

        /// <summary>Every model, built-in ones first, in catalog order.</summary>
        public IReadOnlyList<ModelSpec> Models => models.Entries;

        /// <summary>Every GPU, built-in ones first, in catalog order.</summary>
        public IReadOnlyList<HardwareSpec> Hardware => hardware.Entries;

        /// <summary>The user catalog files that were read, in the order they apply.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Warnings of reading the user catalogs (config.json imports, names hidden by an override).</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>
        /// The built-in catalog plus user catalogs. The paths of <see cref="PathEnvironmentVariable"/> apply first, then
        /// <paramref name="extraPaths"/>; within each, later paths override earlier ones, and every user entry overrides
        /// a built-in entry of the same name (an override without aliases keeps the replaced entry's aliases, so vendor
        /// spellings still find it). A path may be a file (catalog YAML, single entry, config.json) or a folder,
        /// whose *.yaml, *.yml and *.json files are read in name order.
        /// </summary>
        /// <param name="extraPaths">Catalog files or folders given explicitly (the cmdlets' -CatalogPath); null for none.</param>
        /// <param name="includeEnvironment">False to ignore <see cref="PathEnvironmentVariable"/>.</param>
        /// <exception cref="CatalogDataException">A user catalog is missing, unreadable or malformed.</exception>
        public static CatalogSet Load(IEnumerable<string>? extraPaths = null, bool includeEnvironment = true)
        {
            var paths = new List<string>();
            if (includeEnvironment)
            {
                paths.AddRange(SplitPathList(Environment.GetEnvironmentVariable(PathEnvironmentVariable)));
            }

            if (extraPaths != null)
            {
                paths.AddRange(extraPaths.Where(p => !string.IsNullOrWhiteSpace(p)));
            }

            if (paths.Count == 0)
            {
                return BuiltIn;
            }

            var modelList = new List<ModelSpec>(BuiltIn.Models);
            var gpuList = new List<HardwareSpec>(BuiltIn.Hardware);
            var files = new List<string>();
            var warnings = new List<string>();
            foreach (var file in paths.SelectMany(ExpandPath))
            {
                var content = CatalogFile.Read(file);
                files.Add(file);
                warnings.AddRange(content.Warnings.Select(w => file + ": " + w));
                Override(modelList, content.Models, m => m.Name, (user, replaced) => user.Aliases.Count > 0 ? user : user.WithIdentity(user.Name, replaced.Aliases, user.Source));
                Override(gpuList, content.Hardware, h => h.Name, (user, replaced) => user.Aliases.Count > 0 ? user : user.WithIdentity(user.Name, replaced.Aliases, user.Source));
            }

            return new CatalogSet(modelList, gpuList, files, warnings);
        }

        /// <summary>Splits a path list such as the value of <see cref="PathEnvironmentVariable"/>; empty parts are skipped.</summary>
        public static IReadOnlyList<string> SplitPathList(string? pathList) =>
            string.IsNullOrWhiteSpace(pathList)
                ? Array.Empty<string>()
                : pathList!.Split(Path.PathSeparator).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

        /// <summary>The model with this name or alias (case-insensitive).</summary>
        /// <exception cref="NotFoundException">No such model; the message names the nearest ones (error id <c>ModelNotFound</c>, field <c>Model</c>).</exception>
        public ModelSpec GetModel(string name) => models.Get(name, "ModelNotFound", "Model");

        /// <summary>The GPU with this name or alias (case-insensitive).</summary>
        /// <exception cref="NotFoundException">No such GPU; the message names the nearest ones (error id <c>HardwareNotFound</c>, field <c>Hardware</c>).</exception>
        public HardwareSpec GetHardware(string name) => hardware.Get(name, "HardwareNotFound", "Hardware");

        /// <summary>The model with this name or alias, or null.</summary>
        public ModelSpec? TryGetModel(string name) => models.TryGet(name);

        /// <summary>The GPU with this name or alias, or null.</summary>
        public HardwareSpec? TryGetHardware(string name) => hardware.TryGet(name);

        /// <summary>Models whose name or an alias matches <paramref name="pattern"/> (<c>*</c>, <c>?</c>; case-insensitive); null or empty lists all.</summary>
        public IReadOnlyList<ModelSpec> FindModels(string? pattern) => models.Find(pattern);

        /// <summary>GPUs whose name or an alias matches <paramref name="pattern"/> (<c>*</c>, <c>?</c>; case-insensitive); null or empty lists all.</summary>
        public IReadOnlyList<HardwareSpec> FindHardware(string? pattern) => hardware.Find(pattern);

        /// <summary>
        /// A model by catalog name, or from a file when no catalog entry has that name and the text names an existing
        /// file (the CLI's <c>--model path</c>, the cmdlets' -Path).
        /// </summary>
        /// <exception cref="NotFoundException">Neither a catalog name nor an existing file.</exception>
        /// <exception cref="CatalogDataException">The file cannot be read or does not hold exactly one model.</exception>
        public ImportResult<ModelSpec> ResolveModel(string nameOrPath)
        {
            var found = models.TryGet(nameOrPath);
            if (found != null)
            {
                return new ImportResult<ModelSpec>(found, null, null);
            }

            if (!string.IsNullOrWhiteSpace(nameOrPath) && File.Exists(nameOrPath))
            {
                return CatalogFile.ReadModel(nameOrPath);
            }

            throw models.NotFound(nameOrPath, "ModelNotFound", "Model");
        }

        /// <summary>A GPU by catalog name, or from a file when no catalog entry has that name and the text names an existing file.</summary>
        /// <exception cref="NotFoundException">Neither a catalog name nor an existing file.</exception>
        /// <exception cref="CatalogDataException">The file cannot be read or does not hold exactly one GPU.</exception>
        public ImportResult<HardwareSpec> ResolveHardware(string nameOrPath)
        {
            var found = hardware.TryGet(nameOrPath);
            if (found != null)
            {
                return new ImportResult<HardwareSpec>(found, null, null);
            }

            if (!string.IsNullOrWhiteSpace(nameOrPath) && File.Exists(nameOrPath))
            {
                return CatalogFile.ReadHardware(nameOrPath);
            }

            throw hardware.NotFound(nameOrPath, "HardwareNotFound", "Hardware");
        }

        private static IEnumerable<string> ExpandPath(string path)
        {
            if (Directory.Exists(path))
            {
                try
                {
                    return Directory.GetFiles(path)
                        .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                        .OrderBy(f => f, StringComparer.Ordinal)
                        .ToArray();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CatalogDataException("CatalogFolderUnreadable", path, 0, 0, null, "The folder cannot be listed: " + e.Message, ErrorKind.ReadError, e);
                }
            }

            return new[] { path };
        }

        private static void Override<T>(List<T> list, IEnumerable<T> entries, Func<T, string> name, Func<T, T, T> keepAliases)
        {
            foreach (var entry in entries)
            {
                int existing = list.FindIndex(e => string.Equals(name(e), name(entry), StringComparison.OrdinalIgnoreCase));
                if (existing >= 0)
                {
                    list[existing] = keepAliases(entry, list[existing]);
                }
                else
                {
                    list.Add(entry);
                }
            }
        }

        private static CatalogSet LoadBuiltIn()
        {
            var modelFile = ReadResource("models.yaml");
            var gpuFile = ReadResource("gpus.yaml");
            return new CatalogSet(modelFile.Models, gpuFile.Hardware, Array.Empty<string>(), new List<string>());
        }

        private static CatalogFileContent ReadResource(string fileName)
        {
            string resource = "InferenceLab.Core.Catalog.Data." + fileName;
            using (var stream = typeof(CatalogSet).Assembly.GetManifestResourceStream(resource))
            {
                if (stream == null)
                {
                    throw new CatalogDataException("CatalogBuiltInMissing", "built-in " + fileName, 0, 0, null, "The embedded resource " + resource + " is missing from the assembly.", ErrorKind.ReadError);
                }

                using (var memory = new MemoryStream())
                {
                    stream.CopyTo(memory);
                    string file = "built-in " + fileName;
                    return CatalogFile.Parse(YamlDocumentReader.Decode(memory.ToArray(), file), file);
                }
            }
        }

        /// <summary>Name and alias look-up over one kind of entry.</summary>
        private sealed class Index<T>
            where T : class
        {
            private readonly Dictionary<string, T> byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, T> byAlias = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            private readonly Func<T, string> name;
            private readonly Func<T, IReadOnlyList<string>> aliases;
            private readonly string what;

            public Index(IEnumerable<T> entries, Func<T, string> name, Func<T, IReadOnlyList<string>> aliases, string what, List<string> warnings)
            {
                this.name = name;
                this.aliases = aliases;
                this.what = what;
                Entries = entries.ToArray();
                foreach (var entry in Entries)
                {
                    byName[name(entry)] = entry;
                }

                foreach (var entry in Entries)
                {
                    foreach (var alias in aliases(entry))
                    {
                        if (byName.TryGetValue(alias, out var named))
                        {
                            if (!ReferenceEquals(named, entry))
                            {
                                warnings.Add(string.Format(CultureInfo.InvariantCulture, "The alias '{0}' of {1} '{2}' is the name of another {1}; the name wins.", alias, what, name(entry)));
                            }

                            continue;
                        }

                        // Later catalogs override earlier ones, aliases included.
                        byAlias[alias] = entry;
                    }
                }
            }

            public IReadOnlyList<T> Entries { get; }

            public T? TryGet(string? key)
            {
                if (string.IsNullOrWhiteSpace(key))
                {
                    return null;
                }

                string trimmed = key!.Trim();
                return byName.TryGetValue(trimmed, out var entry) || byAlias.TryGetValue(trimmed, out entry) ? entry : null;
            }

            public T Get(string key, string errorId, string field) => TryGet(key) ?? throw NotFound(key, errorId, field);

            public IReadOnlyList<T> Find(string? pattern)
            {
                if (string.IsNullOrWhiteSpace(pattern))
                {
                    return Entries;
                }

                if (!NameMatcher.HasWildcard(pattern!))
                {
                    var single = TryGet(pattern);
                    return single == null ? Array.Empty<T>() : new[] { single };
                }

                var regex = NameMatcher.WildcardRegex(pattern!);
                return Entries.Where(e => regex.IsMatch(name(e)) || aliases(e).Any(a => regex.IsMatch(a))).ToArray();
            }

            public NotFoundException NotFound(string? key, string errorId, string field)
            {
                string wanted = key ?? string.Empty;
                // Match names and aliases, but suggest each entry once, by its catalog name.
                var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in Entries)
                {
                    foreach (var spelling in new[] { name(entry) }.Concat(aliases(entry)))
                    {
                        if (!owner.ContainsKey(spelling))
                        {
                            owner[spelling] = name(entry);
                        }
                    }
                }

                var suggestions = NameMatcher.Suggest(wanted, owner.Keys, owner.Count)
                    .Select(spelling => owner[spelling])
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Take(3)
                    .ToArray();
                string message = string.IsNullOrWhiteSpace(wanted)
                    ? "No " + what + " name was given."
                    : string.Format(
                        CultureInfo.InvariantCulture,
                        "No {0} named '{1}' in the catalog.{2}",
                        what,
                        wanted,
                        suggestions.Length > 0
                            ? " Did you mean: " + string.Join(", ", suggestions) + "?"
                            : " List the " + what + "s with a wildcard ('*'), or add an entry with a user catalog (" + PathEnvironmentVariable + ").");
                return new NotFoundException(errorId, field, wanted, suggestions, message);
            }
        }
    }
}
