using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using InferenceLab.PowerShell.LoadContext;
using InferenceLab.PowerShell.Loader;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// The module folder `dotnet build` stages (STYLE.md §1) and the loading of its dependencies (STYLE.md §4). The
    /// resolver runs here on .NET for real: it loads InferenceLab.Core from the staged Dependencies folder into the
    /// module's own AssemblyLoadContext, although this test process already has a Core in the default context.
    /// </summary>
    public sealed class StagedModuleTests
    {
        [Fact]
        public void The_staged_folder_holds_the_manifest_the_assemblies_the_views_and_the_help()
        {
            foreach (var file in new[]
            {
                "InferenceLab.psd1", "InferenceLab.PowerShell.dll", "InferenceLab.PowerShell.Loader.dll", "InferenceLab.PowerShell.LoadContext.dll",
                "InferenceLab.Format.ps1xml", Path.Combine("en-US", "about_InferenceLab.help.txt"), Path.Combine("Dependencies", "InferenceLab.Core.dll"),
                Path.Combine("Dependencies", "YamlDotNet.dll"),
            })
            {
                Assert.True(File.Exists(Path.Combine(Repository.StagedModule, file)), file + " is not staged");
            }
        }

        [Fact]
        public void PowerShell_never_ships_and_Core_lives_only_in_the_dependency_folder()
        {
            var files = Directory.GetFiles(Repository.StagedModule, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.StagedModule, f)).ToArray();
            Assert.DoesNotContain(files, f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("InferenceLab.Core.dll", files);
            Assert.All(files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal) && !f.StartsWith("Dependencies", StringComparison.Ordinal)), f => Assert.StartsWith("InferenceLab.PowerShell", f));
        }

        [Fact]
        public void The_staged_cmdlet_assembly_is_the_one_just_built()
        {
            var staged = AssemblyName.GetAssemblyName(Path.Combine(Repository.StagedModule, "InferenceLab.PowerShell.dll"));
            Assert.Equal(typeof(InferenceCommand).Assembly.GetName().Version, staged.Version);
        }

        [Fact]
        public void The_resolver_loads_Core_from_the_staged_folder_into_the_modules_own_load_context()
        {
            var resolver = new DependencyResolver(Repository.StagedModule);

            var core = resolver.Resolve(new AssemblyName("InferenceLab.Core"), requestingAssembly: null);

            Assert.NotNull(core);
            var context = AssemblyLoadContext.GetLoadContext(core!);
            Assert.IsType<DependencyLoadContext>(context);
            Assert.NotSame(AssemblyLoadContext.Default, context);
            Assert.Equal(Path.GetFullPath(Path.Combine(Repository.StagedModule, "Dependencies", "InferenceLab.Core.dll")), core!.Location);
            // A second module-side request gets the same assembly: one type identity for the process.
            Assert.Same(core, resolver.Resolve(new AssemblyName("InferenceLab.Core, Version=0.0.0.0"), requestingAssembly: null));
            // The test process's own Core (default context) is a different assembly: the two do not meet.
            Assert.NotSame(typeof(Core.Scenario).Assembly, core);
            Assert.Equal("DependencyLoadContext", resolver.Isolation);
        }

        [Fact]
        public void Isolated_Core_parses_its_catalog_with_the_YamlDotNet_of_the_module_folder_not_the_one_already_loaded()
        {
            // The powershell-yaml situation: this test process already has a YamlDotNet in the default context.
            var defaultYaml = typeof(YamlDotNet.Core.Parser).Assembly;
            Assert.NotEmpty(Core.Catalog.CatalogSet.BuiltIn.Models);
            var core = new DependencyResolver(Repository.StagedModule).Resolve(new AssemblyName("InferenceLab.Core"), requestingAssembly: null)!;

            // Reading the isolated Core's built-in catalog makes it load YamlDotNet through its own context.
            var catalog = core.GetType("InferenceLab.Core.Catalog.CatalogSet", throwOnError: true)!.GetProperty("BuiltIn")!.GetValue(null)!;
            var models = (System.Collections.IEnumerable)catalog.GetType().GetProperty("Models")!.GetValue(catalog)!;
            Assert.NotEmpty(models.Cast<object>());

            var isolatedYaml = AssemblyLoadContext.GetLoadContext(core)!.Assemblies.Single(a => a.GetName().Name == "YamlDotNet");
            Assert.NotSame(defaultYaml, isolatedYaml);
            Assert.Equal(Path.GetFullPath(Path.Combine(Repository.StagedModule, "Dependencies", "YamlDotNet.dll")), isolatedYaml.Location);
        }

        [Fact]
        public void The_isolated_context_serves_a_dependency_from_its_folder_before_the_default_contexts_copy()
        {
            // The situation powershell-yaml creates for YamlDotNet: the default context already holds an assembly of
            // the same name. A copy of the Loader stands in for the dependency here.
            string folder = Directory.CreateTempSubdirectory("inferencelab-alc-").FullName;
            try
            {
                string source = typeof(DependencyResolver).Assembly.Location;
                File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
                var context = DependencyLoadContext.For(folder);

                var isolated = context.LoadFromAssemblyName(typeof(DependencyResolver).Assembly.GetName());

                Assert.NotSame(typeof(DependencyResolver).Assembly, isolated);
                Assert.Same(context, AssemblyLoadContext.GetLoadContext(isolated));
                // Framework assemblies fall through to the default context: types such as object stay shared.
                Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(context.LoadFromAssemblyName(new AssemblyName("System.Private.CoreLib"))));
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (UnauthorizedAccessException)
                {
                    // Windows keeps a loaded DLL locked; the temp folder is the OS's to clean.
                }
            }
        }

        [Fact]
        public void The_resolver_serves_only_InferenceLab_assemblies_or_requests_made_by_them()
        {
            var resolver = new DependencyResolver(Repository.StagedModule);

            // Not ours, asked for by someone else: left to whoever else resolves it.
            Assert.Null(resolver.Resolve(new AssemblyName("YamlDotNet"), requestingAssembly: typeof(object).Assembly));
            // Ours but not in the folder.
            Assert.Null(resolver.Resolve(new AssemblyName("InferenceLab.Nothing"), requestingAssembly: null));
        }
    }
}
