using System.Collections.Generic;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Catalog
{
    /// <summary>
    /// Where the commands find models and GPUs: by catalog name (case-insensitive, with aliases) or by a file path (a
    /// Hugging Face config.json or a YAML definition). The one seam between the commands and the Core catalog, so tests
    /// can run every command on models they write out themselves.
    /// </summary>
    internal interface ISpecCatalog
    {
        /// <summary>The model a catalog name, alias or file path names.</summary>
        /// <exception cref="Core.NotFoundException">No such model; the message names the nearest ones.</exception>
        /// <exception cref="Core.CatalogDataException">The file cannot be read or is malformed.</exception>
        ModelSpec GetModel(string nameOrPath);

        /// <summary>The GPU a catalog name, alias or file path names.</summary>
        /// <exception cref="Core.NotFoundException">No such GPU; the message names the nearest ones.</exception>
        /// <exception cref="Core.CatalogDataException">The file cannot be read or is malformed.</exception>
        HardwareSpec GetHardware(string nameOrPath);

        /// <summary>The models a name, wildcard pattern or file path names; every model when null. A pattern may match nothing.</summary>
        /// <exception cref="Core.NotFoundException">A plain name that is neither a model nor a file.</exception>
        /// <exception cref="Core.CatalogDataException">The file cannot be read or is malformed.</exception>
        IReadOnlyList<ModelSpec> FindModels(string? pattern);

        /// <summary>The GPUs a name, wildcard pattern or file path names; every GPU when null. A pattern may match nothing.</summary>
        /// <exception cref="Core.NotFoundException">A plain name that is neither a GPU nor a file.</exception>
        /// <exception cref="Core.CatalogDataException">The file cannot be read or is malformed.</exception>
        IReadOnlyList<HardwareSpec> FindHardware(string? pattern);
    }
}
