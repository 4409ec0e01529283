using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// What Get-InferenceModel and Get-InferenceHardware share: entries by name or wildcard from the built-in catalog and
    /// the user catalogs (INFERENCELAB_CATALOG_PATH and -CatalogPath), or every entry of the files -Path or -LiteralPath
    /// names (catalog YAML, a single entry, or a Hugging Face config.json). A name no catalog holds, and a file that cannot
    /// be read, is one error; the other names and files go on.
    /// </summary>
    public abstract class CatalogCommand : InferenceCommand
    {
        /// <summary>The parameter set of look-up by name.</summary>
        public const string NameSet = "Name";

        /// <summary>The parameter set of files given with wildcards.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of files given literally.</summary>
        public const string LiteralPathSet = "LiteralPath";

        /// <summary>Catalog files or folders (YAML, config.json) whose entries override built-in ones by name, after those of INFERENCELAB_CATALOG_PATH.</summary>
        [Parameter(ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string[]? CatalogPath { get; set; }

        /// <summary>Files to read, wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = null!;

        /// <summary>Files to read, taken literally (no wildcards); binds the PSPath of files piped from Get-ChildItem.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>The names or patterns asked for; null for every entry.</summary>
        internal abstract string[]? Patterns { get; }

        /// <summary>The entries of <paramref name="catalog"/> matching <paramref name="pattern"/> (null: all).</summary>
        /// <exception cref="NotFoundException">A name without wildcards that no catalog holds.</exception>
        internal abstract IReadOnlyList<object> FromCatalog(CatalogSet catalog, string? pattern);

        /// <summary>The entries of this kind a file holds.</summary>
        /// <exception cref="CatalogDataException">The file holds none.</exception>
        internal abstract IReadOnlyList<object> FromFile(CatalogFileContent content);

        /// <summary>Makes an entry read from a file resolvable by name for the rest of the session.</summary>
        internal abstract void Remember(object entry);

        /// <summary>One point per name or pattern (one for all when none is given).</summary>
        internal IEnumerable<Planned<object[]>> PlanNames(CatalogSet catalog) =>
            (Patterns ?? new string?[] { null })
                .Select(pattern => DeploymentCommand.Attempt(() => FromCatalog(catalog, pattern).ToArray(), Describe("Name", pattern))!);

        /// <summary>One point per file: its content, or the error reading it.</summary>
        internal static IEnumerable<Planned<CatalogFileContent>> PlanFiles(IEnumerable<string> files) =>
            files.Select(file => DeploymentCommand.Attempt(() => CatalogFile.Read(file), file)!);

        /// <summary>Whether a name has the wildcards the catalogs understand.</summary>
        internal static bool HasWildcard(string? pattern) => pattern != null && pattern.IndexOfAny(new[] { '*', '?' }) >= 0;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == NameSet)
            {
                var catalog = LoadCatalog();
                var names = Patterns;
                Emit(PlanNames(catalog), names?.Length ?? 1, found => found);
                return;
            }

            var files = ResolveFiles(ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet);
            Emit(PlanFiles(files), files.Count, content =>
            {
                foreach (var warning in content.Warnings)
                {
                    WriteWarning(content.File + ": " + warning);
                }

                var entries = FromFile(content);
                foreach (var entry in entries)
                {
                    Remember(entry);
                }

                return entries;
            });
        }

        /// <summary>The session's catalogs, or those plus -CatalogPath; a user catalog that cannot be read stops the call.</summary>
        private CatalogSet LoadCatalog()
        {
            try
            {
                if (CatalogPath == null)
                {
                    return SessionCatalog.Current;
                }

                var paths = CatalogPath.Select(p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p)).ToArray();
                return CatalogSet.Load(paths);
            }
            catch (InferenceLabException error)
            {
                ThrowTerminatingError(ErrorRecords.For(error, CatalogPath == null ? CatalogSet.PathEnvironmentVariable : string.Join(", ", CatalogPath)));
                throw;
            }
        }

        /// <summary>
        /// File-system paths of <paramref name="paths"/> through the session's provider paths (relative to $PWD, PSDrives
        /// allowed); a pattern that matches nothing or a path on another provider is an error of its own.
        /// </summary>
        private IReadOnlyList<string> ResolveFiles(string[] paths, bool literal)
        {
            var files = new List<string>();
            foreach (var path in paths)
            {
                try
                {
                    ProviderInfo provider;
                    var resolved = literal
                        ? new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) }
                        : SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider).ToArray();
                    if (provider.Name != "FileSystem")
                    {
                        WriteInferenceError(new InvalidInputException("PathNotFileSystem", literal ? "LiteralPath" : "Path", Format("'{0}' is on the {1} provider; give a file system path.", path, provider.Name)), path);
                        continue;
                    }

                    files.AddRange(resolved);
                }
                catch (SessionStateException error)
                {
                    // ItemNotFoundException (no match), DriveNotFoundException, ProviderNotFoundException.
                    WriteError(new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                }
            }

            return files;
        }
    }
}
