using System;
using System.Collections.Generic;

namespace InferenceLab.Cli.Catalog
{
    /// <summary>Opens the catalogs the command line reads models and GPUs from.</summary>
    internal static class CatalogSource
    {
        /// <summary>The built-in catalogs plus <paramref name="extraCatalogPaths"/>.</summary>
        public static ISpecCatalog Open(IReadOnlyList<string> extraCatalogPaths) =>
            throw new NotSupportedException("The model and GPU catalogs (issue 3) are not merged yet.");
    }
}
