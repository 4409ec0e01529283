using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace InferenceLab.PowerShell.Loader
{
    /// <summary>
    /// Serves the assemblies in the module's Dependencies folder when the runtime cannot find them (STYLE.md §4).
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET 8 or later): the folder's assemblies load into the module's own AssemblyLoadContext
    /// (InferenceLab.PowerShell.LoadContext.dll, reached by reflection because netstandard2.0 cannot subclass
    /// AssemblyLoadContext). That context resolves InferenceLab.Core's references from the folder first, so another
    /// module's YamlDotNet in the default context cannot replace ours.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework) has no AssemblyLoadContext. The AppDomain's AssemblyResolve event
    /// loads InferenceLab.Core with Assembly.LoadFrom from the sub-folder, and the LoadFrom context then finds
    /// YamlDotNet beside it. .NET Framework binds strong-named assemblies by full version, so a powershell-yaml that
    /// loaded another YamlDotNet version does not satisfy Core's reference; the same version is shared, which is
    /// harmless.</item>
    /// <item>A PowerShell 7 on .NET older than 8 (7.0 to 7.3, all out of support) cannot load the net8.0 context and
    /// falls back to LoadFrom as on Windows PowerShell: it works, without isolation.</item>
    /// </list>
    /// Only requests for InferenceLab assemblies, or made by them, are served, so the handler never hands another
    /// module an assembly from this folder.
    /// </summary>
    internal sealed class DependencyResolver
    {
        /// <summary>The sub-folder of the module that holds InferenceLab.Core and its own dependencies.</summary>
        internal const string DependencyFolderName = "Dependencies";

        /// <summary>The net8.0 assembly that holds the AssemblyLoadContext subclass, beside this one.</summary>
        internal const string LoadContextAssemblyFile = "InferenceLab.PowerShell.LoadContext.dll";

        private const string LoadContextTypeName = "InferenceLab.PowerShell.LoadContext.DependencyLoadContext";
        private const string OwnPrefix = "InferenceLab.";

        private static readonly Lazy<DependencyResolver> SharedResolver = new Lazy<DependencyResolver>(
            () => new DependencyResolver(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty));

        private readonly object gate = new object();
        private readonly string moduleFolder;
        private Func<string, Assembly>? loader;
        private int registrations;

        /// <summary>Creates a resolver for the module staged in <paramref name="moduleFolder"/>.</summary>
        internal DependencyResolver(string moduleFolder)
        {
            this.moduleFolder = moduleFolder;
            DependencyFolder = Path.Combine(moduleFolder, DependencyFolderName);
            Isolation = string.Empty;
        }

        /// <summary>The resolver of the module this assembly was loaded from.</summary>
        internal static DependencyResolver Shared => SharedResolver.Value;

        /// <summary>The folder the dependencies load from.</summary>
        internal string DependencyFolder { get; }

        /// <summary>How dependencies load: DependencyLoadContext, LoadFrom, or empty before the first one.</summary>
        internal string Isolation { get; private set; }

        /// <summary>Hooks AssemblyResolve; counted, so a module imported twice unhooks once it is removed twice.</summary>
        internal void Register()
        {
            lock (gate)
            {
                if (registrations++ == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                }
            }
        }

        /// <summary>Unhooks AssemblyResolve when the last registration goes.</summary>
        internal void Unregister()
        {
            lock (gate)
            {
                if (registrations > 0 && --registrations == 0)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                }
            }
        }

        /// <summary>
        /// The dependency named <paramref name="name"/> from the folder, or null when it is not ours to serve: neither an
        /// InferenceLab assembly nor asked for by one, or not in the folder.
        /// </summary>
        internal Assembly? Resolve(AssemblyName name, Assembly? requestingAssembly)
        {
            if (string.IsNullOrEmpty(name.Name) || !(IsOwn(name.Name) || IsOwn(requestingAssembly?.GetName().Name)))
            {
                return null;
            }

            string path = Path.Combine(DependencyFolder, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            return Loader()(path);
        }

        private static bool IsOwn(string? assemblyName) =>
            assemblyName != null && assemblyName.StartsWith(OwnPrefix, StringComparison.Ordinal);

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args) =>
            Resolve(new AssemblyName(args.Name), args.RequestingAssembly);

        private Func<string, Assembly> Loader()
        {
            lock (gate)
            {
                if (loader == null)
                {
                    var isolated = IsolatedLoader();
                    Isolation = isolated != null ? "DependencyLoadContext" : "LoadFrom";
                    loader = isolated ?? Assembly.LoadFrom;
                }

                return loader;
            }
        }

        /// <summary>The load function of the isolated context on .NET 8 or later; null on .NET Framework or older .NET.</summary>
        private Func<string, Assembly>? IsolatedLoader()
        {
            // AssemblyLoadContext lives in CoreLib on .NET and does not exist on .NET Framework.
            if (typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") == null)
            {
                return null;
            }

            string helper = Path.Combine(moduleFolder, LoadContextAssemblyFile);
            MethodInfo? loadDependency;
            try
            {
                loadDependency = Assembly.LoadFrom(helper).GetType(LoadContextTypeName)?.GetMethod("LoadDependency", new[] { typeof(string) });
            }
            catch (Exception e) when (e is FileNotFoundException || e is FileLoadException || e is BadImageFormatException || e is TypeLoadException)
            {
                // The helper targets net8.0: PowerShell 7.0-7.3 (.NET Core 3.1 to 7) cannot load it. LoadFrom still works there.
                return null;
            }

            if (loadDependency == null)
            {
                return null;
            }

            return path =>
            {
                try
                {
                    return (Assembly)loadDependency.Invoke(null, new object[] { path });
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
            };
        }
    }
}
