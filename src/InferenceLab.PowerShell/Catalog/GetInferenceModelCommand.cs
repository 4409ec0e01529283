using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Models by name from the catalogs (case-insensitive, wildcards, aliases such as Hugging Face ids), or read from
    /// catalog YAML and config.json files. Models read from files can be named in later commands of the session.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "InferenceModel", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(ModelSpec))]
    public sealed class GetInferenceModelCommand : CatalogCommand
    {
        /// <summary>Names, aliases or wildcard patterns; every model when none is given.</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        internal override string[]? Patterns => Name;

        /// <inheritdoc />
        internal override IReadOnlyList<object> FromCatalog(CatalogSet catalog, string? pattern) =>
            pattern == null || HasWildcard(pattern)
                ? catalog.FindModels(pattern).Cast<object>().ToArray()
                : new object[] { catalog.GetModel(pattern) };

        /// <inheritdoc />
        internal override IReadOnlyList<object> FromFile(CatalogFileContent content) =>
            content.Models.Count > 0
                ? content.Models.Cast<object>().ToArray()
                : throw new CatalogDataException("CatalogHasNoModels", content.File, 0, 0, "models", Format("The file holds no models ({0} GPUs); Get-InferenceHardware reads GPU files.", content.Hardware.Count));

        /// <inheritdoc />
        internal override void Remember(object entry) => SessionCatalog.Remember((ModelSpec)entry);
    }
}
