using System;
using System.Collections.Generic;

namespace InferenceLab.Cli.Catalog
{
    /// <summary>Opens the catalogs of one run: the built-in ones, INFERENCELAB_CATALOG_PATH and <paramref name="extraCatalogPaths"/>.</summary>
    /// <param name="extraCatalogPaths">The YAML catalogs given with --catalog.</param>
    /// <param name="warn">Receives warnings (a config.json field InferenceLab does not map, an overridden alias).</param>
    /// <exception cref="Core.CatalogDataException">A user catalog is missing, unreadable or malformed.</exception>
    internal delegate ISpecCatalog CatalogOpener(IReadOnlyList<string> extraCatalogPaths, Action<string> warn);
}
