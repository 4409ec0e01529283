using System;
using System.Collections.Generic;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Catalog
{
    /// <summary>The command line's models and GPUs: Core's <see cref="CatalogSet"/>, whose warnings go to stderr.</summary>
    internal sealed class CatalogSource : ISpecCatalog
    {
        private readonly CatalogSet catalogs;
        private readonly Action<string> warn;

        private CatalogSource(CatalogSet catalogs, Action<string> warn)
        {
            this.catalogs = catalogs;
            this.warn = warn;
        }

        /// <summary>The built-in catalogs, then INFERENCELAB_CATALOG_PATH, then <paramref name="extraCatalogPaths"/> (later ones override earlier ones by name).</summary>
        /// <exception cref="Core.CatalogDataException">A user catalog is missing, unreadable or malformed.</exception>
        public static ISpecCatalog Open(IReadOnlyList<string> extraCatalogPaths, Action<string> warn)
        {
            var catalogs = CatalogSet.Load(extraCatalogPaths);
            foreach (var warning in catalogs.Warnings)
            {
                warn(warning);
            }

            return new CatalogSource(catalogs, warn);
        }

        /// <inheritdoc />
        public ModelSpec GetModel(string nameOrPath) => Report(catalogs.ResolveModel(nameOrPath));

        /// <inheritdoc />
        public HardwareSpec GetHardware(string nameOrPath) => Report(catalogs.ResolveHardware(nameOrPath));

        /// <inheritdoc />
        public IReadOnlyList<ModelSpec> FindModels(string? pattern) =>
            pattern == null || IsPattern(pattern) ? catalogs.FindModels(pattern) : new[] { GetModel(pattern) };

        /// <inheritdoc />
        public IReadOnlyList<HardwareSpec> FindHardware(string? pattern) =>
            pattern == null || IsPattern(pattern) ? catalogs.FindHardware(pattern) : new[] { GetHardware(pattern) };

        /// <summary>True for a wildcard pattern, which may match nothing; a plain name must name an entry or a file.</summary>
        private static bool IsPattern(string text) => text.IndexOfAny(new[] { '*', '?' }) >= 0;

        private T Report<T>(ImportResult<T> imported)
            where T : class
        {
            foreach (var warning in imported.Warnings)
            {
                warn(imported.File + ": " + warning);
            }

            return imported.Value;
        }
    }
}
