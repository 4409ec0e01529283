using System.Management.Automation;

namespace InferenceLab.PowerShell.Loader
{
    /// <summary>
    /// Runs when PowerShell imports InferenceLab. It is the first entry of the manifest's NestedModules, so PowerShell
    /// runs it before it loads and analyses InferenceLab.PowerShell.dll, whose cmdlets need InferenceLab.Core from the
    /// module's Dependencies folder.
    /// </summary>
    public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>
        /// How this process loads the module's dependencies: <c>DependencyLoadContext</c> (PowerShell 7.4 and later: an
        /// isolated AssemblyLoadContext), <c>LoadFrom</c> (Windows PowerShell 5.1, or a PowerShell 7 whose .NET is older
        /// than 8), or empty before the first dependency loads.
        /// </summary>
        public static string Isolation => DependencyResolver.Shared.Isolation;

        /// <summary>Starts serving the module's dependencies from its Dependencies folder.</summary>
        public void OnImport() => DependencyResolver.Shared.Register();

        /// <summary>Stops serving them; assemblies already loaded stay loaded, as .NET cannot unload them.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Shared.Unregister();
    }
}
