using System;
using System.IO;
using InferenceLab.Core.Catalog;

namespace InferenceLab.Core.Tests.Catalog
{
    /// <summary>These tests set INFERENCELAB_CATALOG_PATH, so they run one at a time, apart from other collections that read it.</summary>
    [CollectionDefinition(nameof(CatalogEnvironment), DisableParallelization = true)]
    public sealed class CatalogEnvironment
    {
    }

    [Collection(nameof(CatalogEnvironment))]
    public sealed class UserCatalogTests
    {
        private static string UserCatalog(string name, int maxPositions) => CatalogTestFiles.Write("models:\n" + CatalogTestFiles.ModelEntry(name, maxPositions));

        private static T WithEnvironment<T>(string? value, Func<T> action)
        {
            string? saved = Environment.GetEnvironmentVariable(CatalogSet.PathEnvironmentVariable);
            Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, value);
            try
            {
                return action();
            }
            finally
            {
                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, saved);
            }
        }

        [Fact]
        public void User_entries_override_built_in_ones_by_name_and_later_paths_win()
        {
            string first = UserCatalog("LLAMA-2-7B", 8192);
            string second = UserCatalog("llama-2-7b", 16384);

            var one = CatalogSet.Load(new[] { first }, includeEnvironment: false);
            Assert.Equal(8192, one.GetModel("llama-2-7b").MaxPositionEmbeddings);
            Assert.Equal(CatalogSet.BuiltIn.Models.Count, one.Models.Count);
            Assert.Equal(4096, CatalogSet.BuiltIn.GetModel("llama-2-7b").MaxPositionEmbeddings);

            var two = CatalogSet.Load(new[] { first, second }, includeEnvironment: false);
            Assert.Equal(16384, two.GetModel("llama-2-7b").MaxPositionEmbeddings);
            Assert.Equal(new[] { first, second }, two.Files);

            // A new name is added after the built-in entries.
            var added = CatalogSet.Load(new[] { UserCatalog("my-model", 2048) }, includeEnvironment: false);
            Assert.Equal("my-model", added.Models[added.Models.Count - 1].Name);
        }

        [Fact]
        public void The_environment_variable_applies_before_explicit_paths()
        {
            string fromEnvironment = UserCatalog("llama-2-7b", 8192);
            string laterInList = UserCatalog("llama-2-7b", 12288);
            string explicitPath = UserCatalog("llama-2-7b", 16384);
            string list = fromEnvironment + Path.PathSeparator + laterInList + Path.PathSeparator;

            Assert.Equal(12288, WithEnvironment(list, () => CatalogSet.Load().GetModel("llama-2-7b").MaxPositionEmbeddings));
            Assert.Equal(16384, WithEnvironment(list, () => CatalogSet.Load(new[] { explicitPath }).GetModel("llama-2-7b").MaxPositionEmbeddings));
            Assert.Equal(4096, WithEnvironment(list, () => CatalogSet.Load(null, includeEnvironment: false).GetModel("llama-2-7b").MaxPositionEmbeddings));
            Assert.Same(CatalogSet.BuiltIn, WithEnvironment(string.Empty, () => CatalogSet.Load()));
        }

        [Fact]
        public void A_missing_user_catalog_is_a_read_error()
        {
            string missing = Path.Combine(CatalogTestFiles.NewFolder(), "missing.yaml");
            var error = Assert.Throws<CatalogDataException>(() => WithEnvironment(missing, () => CatalogSet.Load()));
            Assert.Equal(ErrorKind.ReadError, error.Kind);
            Assert.Contains(missing, error.Message);
        }

        [Fact]
        public void Single_entry_files_and_config_json_load_as_catalogs_and_by_path()
        {
            string model = CatalogTestFiles.Write(CatalogTestFiles.ModelEntry("solo-model").Replace("  - name:", "name:").Replace("\n    ", "\n"), "solo.yaml");
            string gpu = CatalogTestFiles.Write("name: my-gpu\nmemory_gib: 24\nmemory_bandwidth_bytes_per_second: 1_008e9\npeak_flops_per_second: { bf16: 165.2e12 }\ninterconnect: PCIe Gen4 x16\ninterconnect_bandwidth_bytes_per_second: 32e9\nsource: test\n", "gpu.yaml");
            string config = Path.Combine(CatalogTestFiles.NewFolder(), "Tiny-Mixtral");
            Directory.CreateDirectory(config);
            File.Copy(CatalogTestFiles.Fixture("mixtral-8x7b"), Path.Combine(config, "config.json"));

            var catalog = CatalogSet.Load(new[] { model, gpu, config }, includeEnvironment: false);
            Assert.Equal(32, catalog.GetModel("solo-model").LayerCount);
            Assert.Equal(24.0 * 1024 * 1024 * 1024, catalog.GetHardware("my-gpu").MemoryBytes);
            Assert.Equal(1008e9, catalog.GetHardware("my-gpu").MemoryBandwidthBytesPerSecond);
            Assert.Equal(46_702_792_704, catalog.GetModel("tiny-mixtral").TotalParameterCount);

            Assert.Equal("solo-model", CatalogSet.BuiltIn.ResolveModel(model).Value.Name);
            Assert.Equal("my-gpu", CatalogSet.BuiltIn.ResolveHardware(gpu).Value.Name);
            Assert.Equal("llama-2-7b", CatalogSet.BuiltIn.ResolveModel("Llama-2-7B").Value.Name);
            Assert.Equal("ModelNotFound", Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.ResolveModel("no/such/file.json")).ErrorId);
            Assert.Equal("CatalogNotOneModel", Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(gpu)).ErrorId);
        }

        [Fact]
        public void A_file_may_hold_models_and_gpus_together()
        {
            string both = CatalogTestFiles.Write(
                "models:\n" + CatalogTestFiles.ModelEntry("both-model") +
                "gpus:\n  - name: h100-sxm\n    memory_bytes: 85_899_345_920\n    memory_bandwidth_bytes_per_second: 3.35e12\n    peak_flops_per_second: { bf16: 900e12 }\n    source: lab measurement\n");
            var content = CatalogFile.Read(both);
            Assert.Single(content.Models);
            Assert.Single(content.Hardware);

            var catalog = CatalogSet.Load(new[] { both }, includeEnvironment: false);
            Assert.Equal(900e12, catalog.GetHardware("NVIDIA H100 80GB HBM3").Bf16FlopsPerSecond ?? 0, 0);
            Assert.Equal(900e12, catalog.GetHardware("h100-sxm").Bf16FlopsPerSecond ?? 0, 0);
        }
    }
}
