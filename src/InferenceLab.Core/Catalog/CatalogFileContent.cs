using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Catalog
{
    /// <summary>What one catalog or config file holds: models, GPUs, or both, and the warnings of reading it.</summary>
    public sealed class CatalogFileContent
    {
        internal CatalogFileContent(string file, IReadOnlyList<ModelSpec> models, IReadOnlyList<HardwareSpec> hardware, IReadOnlyList<string> warnings)
        {
            File = file;
            Models = models;
            Hardware = hardware;
            Warnings = warnings.Select(PrintableText.Of).ToArray();
        }

        /// <summary>The file that was read.</summary>
        public string File { get; }

        /// <summary>The models in the file, in file order.</summary>
        public IReadOnlyList<ModelSpec> Models { get; }

        /// <summary>The GPUs in the file, in file order.</summary>
        public IReadOnlyList<HardwareSpec> Hardware { get; }

        /// <summary>Warnings of the read (config.json imports), each naming its field.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
