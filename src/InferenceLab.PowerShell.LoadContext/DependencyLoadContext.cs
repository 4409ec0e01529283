using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace InferenceLab.PowerShell.LoadContext
{
    /// <summary>
    /// Loads the module's dependencies from one folder into a context of their own (STYLE.md §4). An assembly loaded here
    /// resolves its own references through <see cref="Load"/> first, so InferenceLab.Core gets the YamlDotNet it was built
    /// with even when another module (powershell-yaml) already put a different YamlDotNet into the default context.
    /// Anything not in the folder (the framework, System.Management.Automation) falls through to the default context, so
    /// PowerShell's own types stay shared.
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly Dictionary<string, DependencyLoadContext> Contexts = new Dictionary<string, DependencyLoadContext>(StringComparer.Ordinal);

        private readonly string folder;

        private DependencyLoadContext(string folder)
            : base("InferenceLab (" + folder + ")", isCollectible: false)
        {
            this.folder = folder;
        }

        /// <summary>The folder this context loads from.</summary>
        public string Folder => folder;

        /// <summary>
        /// Loads the assembly at <paramref name="assemblyPath"/> into the one context of its folder, creating the context
        /// on first use. Asking twice returns the same assembly, so types keep one identity for the whole process. The
        /// module's netstandard2.0 loader calls this by reflection (it cannot name <see cref="AssemblyLoadContext"/>).
        /// </summary>
        /// <param name="assemblyPath">Full path of a DLL inside the dependency folder.</param>
        /// <returns>The loaded assembly.</returns>
        public static Assembly LoadDependency(string assemblyPath)
        {
            string fullPath = Path.GetFullPath(assemblyPath);
            return For(Path.GetDirectoryName(fullPath)!).LoadFromAssemblyName(AssemblyName.GetAssemblyName(fullPath));
        }

        /// <summary>The one context of <paramref name="folder"/> in this process.</summary>
        /// <param name="folder">The dependency folder.</param>
        /// <returns>The context.</returns>
        public static DependencyLoadContext For(string folder)
        {
            string key = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            lock (Contexts)
            {
                if (!Contexts.TryGetValue(key, out var context))
                {
                    context = new DependencyLoadContext(key);
                    Contexts.Add(key, context);
                }

                return context;
            }
        }

        /// <summary>Loads a dependency from the folder; null for anything else, which the default context then serves.</summary>
        /// <param name="assemblyName">The requested assembly.</param>
        /// <returns>The assembly from the folder, or null.</returns>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName.Name))
            {
                return null;
            }

            string path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
