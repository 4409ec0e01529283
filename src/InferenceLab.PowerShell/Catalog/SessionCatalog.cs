using System;
using System.Collections.Concurrent;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// The names a PowerShell session resolves (DESIGN §7): the built-in catalog plus the user catalogs of
    /// INFERENCELAB_CATALOG_PATH, reloaded when the variable changes, and before them the models and GPUs this session
    /// made with New-InferenceModel / New-InferenceHardware or read with -Path. Results carry only the names of their
    /// model and GPU, so a result of a model no catalog holds binds to the next cmdlet by property name only through
    /// this memory; the most recent object of a name wins, as it is the one that produced the results.
    /// </summary>
    internal static class SessionCatalog
    {
        private static readonly object Gate = new object();
        private static readonly ConcurrentDictionary<string, ModelSpec> SessionModels = new ConcurrentDictionary<string, ModelSpec>(StringComparer.OrdinalIgnoreCase);
        private static readonly ConcurrentDictionary<string, HardwareSpec> SessionHardware = new ConcurrentDictionary<string, HardwareSpec>(StringComparer.OrdinalIgnoreCase);
        private static CatalogSet? current;
        private static string? loadedFor;

        /// <summary>The catalogs of the current INFERENCELAB_CATALOG_PATH.</summary>
        /// <exception cref="CatalogDataException">A user catalog named by the variable is missing or malformed.</exception>
        public static CatalogSet Current
        {
            get
            {
                string paths = Environment.GetEnvironmentVariable(CatalogSet.PathEnvironmentVariable) ?? string.Empty;
                lock (Gate)
                {
                    if (current == null || !string.Equals(paths, loadedFor, StringComparison.Ordinal))
                    {
                        current = CatalogSet.Load();
                        loadedFor = paths;
                    }

                    return current;
                }
            }
        }

        /// <summary>Remembers a model this session made or read from a file.</summary>
        public static void Remember(ModelSpec model) => SessionModels[model.Name] = model;

        /// <summary>Remembers a GPU this session made or read from a file.</summary>
        public static void Remember(HardwareSpec hardware) => SessionHardware[hardware.Name] = hardware;

        /// <summary>The model of this name: one the session made, else a catalog entry by name or alias.</summary>
        /// <exception cref="NotFoundException">No such model (ModelNotFound, with the nearest catalog names).</exception>
        /// <exception cref="CatalogDataException">A user catalog cannot be read.</exception>
        public static ModelSpec GetModel(string name) =>
            SessionModels.TryGetValue(name.Trim(), out var model) ? model : Current.GetModel(name);

        /// <summary>The GPU of this name: one the session made, else a catalog entry by name or alias.</summary>
        /// <exception cref="NotFoundException">No such GPU (HardwareNotFound, with the nearest catalog names).</exception>
        /// <exception cref="CatalogDataException">A user catalog cannot be read.</exception>
        public static HardwareSpec GetHardware(string name) =>
            SessionHardware.TryGetValue(name.Trim(), out var hardware) ? hardware : Current.GetHardware(name);

        /// <summary>True when a model of the session or the catalogs has this name or alias.</summary>
        /// <exception cref="CatalogDataException">A user catalog cannot be read.</exception>
        public static bool IsModelName(string name) => SessionModels.ContainsKey(name.Trim()) || Current.TryGetModel(name) != null;

        /// <summary>True when a GPU of the session or the catalogs has this name or alias.</summary>
        /// <exception cref="CatalogDataException">A user catalog cannot be read.</exception>
        public static bool IsHardwareName(string name) => SessionHardware.ContainsKey(name.Trim()) || Current.TryGetHardware(name) != null;

        /// <summary>Names of the session's own models.</summary>
        public static System.Collections.Generic.IEnumerable<string> SessionModelNames => SessionModels.Keys;

        /// <summary>Names of the session's own GPUs.</summary>
        public static System.Collections.Generic.IEnumerable<string> SessionHardwareNames => SessionHardware.Keys;
    }
}
