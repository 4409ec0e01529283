using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InferenceLab.Cli.Catalog;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli.Tests
{
    /// <summary>A catalog of <see cref="TestSpecs"/>: case-insensitive names and aliases, * and ? wildcards (which may match nothing), NotFoundException when a plain name misses.</summary>
    internal sealed class TestCatalog : ISpecCatalog
    {
        private readonly IReadOnlyList<ModelSpec> models;
        private readonly IReadOnlyList<HardwareSpec> gpus;

        public TestCatalog(IReadOnlyList<ModelSpec>? models = null, IReadOnlyList<HardwareSpec>? gpus = null)
        {
            this.models = models ?? new[] { TestSpecs.Llama2_7B, TestSpecs.Llama3_8B };
            this.gpus = gpus ?? new[] { TestSpecs.A100, TestSpecs.A10, TestSpecs.V100 };
        }

        /// <summary>The extra catalog paths the command line asked for, last run.</summary>
        public IReadOnlyList<string> ExtraCatalogPaths { get; private set; } = Array.Empty<string>();

        public ISpecCatalog Open(IReadOnlyList<string> extraCatalogPaths, Action<string> warn)
        {
            ExtraCatalogPaths = extraCatalogPaths;
            return this;
        }

        public ModelSpec GetModel(string nameOrPath) => Find(models, nameOrPath, m => m.Name, m => m.Aliases, "Model").Single();

        public HardwareSpec GetHardware(string nameOrPath) => Find(gpus, nameOrPath, h => h.Name, h => h.Aliases, "Hardware").Single();

        public IReadOnlyList<ModelSpec> FindModels(string? pattern) => pattern == null ? models : Find(models, pattern, m => m.Name, m => m.Aliases, "Model");

        public IReadOnlyList<HardwareSpec> FindHardware(string? pattern) => pattern == null ? gpus : Find(gpus, pattern, h => h.Name, h => h.Aliases, "Hardware");

        private static IReadOnlyList<T> Find<T>(IReadOnlyList<T> entries, string pattern, Func<T, string> name, Func<T, IReadOnlyList<string>> aliases, string field)
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase);
            var found = entries.Where(e => regex.IsMatch(name(e)) || aliases(e).Any(regex.IsMatch)).ToList();
            if (found.Count == 0 && pattern.IndexOfAny(new[] { '*', '?' }) < 0)
            {
                var names = entries.Select(name).ToList();
                throw new NotFoundException(field + "NotFound", field, pattern, names, $"No {field.ToLowerInvariant()} named '{pattern}'. Nearest: {string.Join(", ", names)}.");
            }

            return found;
        }
    }
}
