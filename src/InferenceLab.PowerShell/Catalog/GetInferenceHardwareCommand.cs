using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// GPUs by name from the catalogs (case-insensitive, wildcards, vendor spellings such as <c>NVIDIA H100 80GB HBM3</c>),
    /// or read from catalog YAML files. GPUs read from files can be named in later commands of the session.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "InferenceHardware", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(HardwareSpec))]
    public sealed class GetInferenceHardwareCommand : CatalogCommand
    {
        /// <summary>Names, aliases or wildcard patterns; every GPU when none is given.</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(HardwareNameCompleter))]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        internal override string[]? Patterns => Name;

        /// <inheritdoc />
        internal override IReadOnlyList<object> FromCatalog(CatalogSet catalog, string? pattern) =>
            pattern == null || HasWildcard(pattern)
                ? catalog.FindHardware(pattern).Cast<object>().ToArray()
                : new object[] { catalog.GetHardware(pattern) };

        /// <inheritdoc />
        internal override IReadOnlyList<object> FromFile(CatalogFileContent content) =>
            content.Hardware.Count > 0
                ? content.Hardware.Cast<object>().ToArray()
                : throw new CatalogDataException("CatalogHasNoGpus", content.File, 0, 0, "gpus", Format("The file holds no GPUs ({0} models); Get-InferenceModel reads model files.", content.Models.Count));

        /// <inheritdoc />
        internal override void Remember(object entry) => SessionCatalog.Remember((HardwareSpec)entry);
    }
}
