using System.Collections.Generic;
using System.IO;
using InferenceLab.Cli.Catalog;

namespace InferenceLab.Cli
{
    /// <summary>What one run of the command line writes to and reads models and GPUs from.</summary>
    internal sealed class CliContext
    {
        private readonly CatalogOpener openCatalog;

        /// <summary>Creates the context.</summary>
        /// <param name="output">Standard output: results only.</param>
        /// <param name="error">Standard error: error messages.</param>
        /// <param name="openCatalog">Opens the catalogs: built-in ones plus the extra YAML files given with --catalog.</param>
        public CliContext(TextWriter output, TextWriter error, CatalogOpener openCatalog)
        {
            Output = output;
            Error = error;
            this.openCatalog = openCatalog;
        }

        /// <summary>Standard output.</summary>
        public TextWriter Output { get; }

        /// <summary>Standard error.</summary>
        public TextWriter Error { get; }

        /// <summary>The catalogs with <paramref name="extraCatalogPaths"/> added.</summary>
        /// <exception cref="Core.CatalogDataException">An extra catalog cannot be read or is malformed.</exception>
        public ISpecCatalog OpenCatalog(IReadOnlyList<string> extraCatalogPaths) => openCatalog(extraCatalogPaths, Warn);

        /// <summary>Prints a warning on stderr; warnings do not change the exit code.</summary>
        public void Warn(string message) => Error.WriteLine("warning: " + message);
    }
}
