using System;
using System.IO;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;
using InferenceLab.PowerShell.Catalog;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Names and files: Get-InferenceModel, Get-InferenceHardware, the -Model/-Hardware transformation and the completers.</summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class CatalogCommandTests
    {
        // meta-llama/Llama-2-7b-hf config.json, the fields that matter.
        private const string Llama2ConfigJson = @"{
  ""_name_or_path"": ""meta-llama/Llama-2-7b-hf"",
  ""architectures"": [""LlamaForCausalLM""],
  ""model_type"": ""llama"",
  ""hidden_size"": 4096,
  ""intermediate_size"": 11008,
  ""max_position_embeddings"": 4096,
  ""num_attention_heads"": 32,
  ""num_hidden_layers"": 32,
  ""num_key_value_heads"": 32,
  ""rms_norm_eps"": 1e-05,
  ""tie_word_embeddings"": false,
  ""torch_dtype"": ""float16"",
  ""vocab_size"": 32000
}";

        private const string UserCatalogYaml = @"models:
  - name: ""pester-tiny""
    layers: 2
    hidden_size: 256
    attention_heads: 4
    key_value_heads: 4
    intermediate_size: 1024
    vocab_size: 1000
    max_position_embeddings: 2048
";

        [Fact]
        public void A_name_becomes_the_catalog_model_case_insensitively_and_by_alias()
        {
            var byName = (ModelSpec)ModelTransformationAttribute.Resolve("LLAMA-2-7B")!;
            var byAlias = (ModelSpec)ModelTransformationAttribute.Resolve("meta-llama/Llama-2-7b-hf")!;

            Assert.Equal("llama-2-7b", byName.Name);
            Assert.Same(byName, byAlias);
            // DESIGN §8: 6,738,415,616 parameters.
            Assert.Equal(6_738_415_616L, byName.TotalParameterCount);
        }

        [Fact]
        public void Objects_pass_through_and_an_empty_GPU_name_means_no_GPU()
        {
            Assert.Same(Known.Llama2_7B, ModelTransformationAttribute.Resolve(Known.Llama2_7B));
            Assert.Same(Known.A10, HardwareTransformationAttribute.Resolve(Known.A10));
            Assert.Null(HardwareTransformationAttribute.Resolve(string.Empty));
            // A10 datasheet: 24 GiB, 600 GB/s.
            var a10 = (HardwareSpec)HardwareTransformationAttribute.Resolve("NVIDIA A10")!;
            Assert.Equal(("a10", 25_769_803_776d, 600e9), (a10.Name, a10.MemoryBytes, a10.MemoryBandwidthBytesPerSecond));
        }

        [Fact]
        public void An_unknown_name_becomes_a_stand_in_carrying_Cores_not_found_error_with_the_nearest_names()
        {
            var standIn = ModelTransformationAttribute.Resolve("lama-2-7b");

            var unresolved = UnresolvedSpecs.Of(standIn)!;
            Assert.IsType<ModelSpec>(standIn);
            Assert.Equal("lama-2-7b", unresolved.Name);
            var error = Assert.IsType<NotFoundException>(unresolved.Error);
            Assert.Equal("ModelNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Contains("llama-2-7b", error.Suggestions);
            Assert.Equal("HardwareNotFound", UnresolvedSpecs.Of(HardwareTransformationAttribute.Resolve("h100-sxn"))!.Error.ErrorId);
            Assert.Null(UnresolvedSpecs.Of(Known.Llama2_7B));
        }

        [Fact]
        public void A_name_of_the_other_kind_is_left_as_it_is_for_the_other_parameter()
        {
            // PowerShell offers a string piped by value to -Model and -Hardware alike: each keeps only its own kind.
            Assert.Equal("a10", ModelTransformationAttribute.Resolve("a10"));
            Assert.Equal("llama-2-7b", HardwareTransformationAttribute.Resolve("llama-2-7b"));
        }

        [Fact]
        public void A_cmdlet_reports_an_unresolved_name_once_as_Cores_error_and_computes_nothing()
        {
            var memory = new Memory.GetInferenceMemoryCommand
            {
                Model = (ModelSpec)ModelTransformationAttribute.Resolve("lama-2-7b")!,
                InputLength = new[] { 1 },
                BatchSize = new[] { 1, 2 },
            };
            var point = Assert.Single(memory.Plan());
            Assert.Equal(("ModelNotFound", "Model=lama-2-7b"), (point.Error!.ErrorId, point.Target));

            var limits = new Memory.GetMaxContextLengthCommand { Model = Known.Llama2_7B, Hardware = (HardwareSpec)HardwareTransformationAttribute.Resolve("h100-sxn")! };
            var limit = Assert.Single(limits.Plan());
            Assert.Equal(("HardwareNotFound", "Hardware=h100-sxn"), (limit.Error!.ErrorId, limit.Target));
        }

        [Fact]
        public void A_model_the_session_made_resolves_by_name_so_its_results_bind_back()
        {
            var mine = new ModelSpec("session-model-under-test", 2, 256, 4, 4, 1024, 1000, 2048);
            SessionCatalog.Remember(mine);

            Assert.Same(mine, ModelTransformationAttribute.Resolve("Session-Model-Under-Test"));
        }

        [Fact]
        public void Get_InferenceModel_plans_one_point_per_name_and_a_miss_is_its_own_error()
        {
            var cmd = new GetInferenceModelCommand { Name = new[] { "llama-2-7b", "mistral-7b*", "nosuch-model" } };

            var points = cmd.PlanNames(CatalogSet.BuiltIn).ToArray();

            Assert.Equal(new[] { "llama-2-7b" }, points[0].Request!.Cast<ModelSpec>().Select(m => m.Name));
            Assert.Equal(new[] { "mistral-7b-v0.1", "mistral-7b-v0.3" }, points[1].Request!.Cast<ModelSpec>().Select(m => m.Name));
            Assert.Equal("ModelNotFound", points[2].Error!.ErrorId);
            Assert.Equal("Name=nosuch-model", points[2].Target);
            Assert.Equal("ObjectNotFound", ErrorRecords.Category(points[2].Error!.Kind).ToString());
        }

        [Fact]
        public void Without_a_name_every_catalog_entry_is_listed_and_a_pattern_may_match_nothing()
        {
            var models = new GetInferenceModelCommand().PlanNames(CatalogSet.BuiltIn).Single().Request!;
            Assert.Equal(CatalogSet.BuiltIn.Models.Count, models.Length);

            var gpus = new GetInferenceHardwareCommand { Name = new[] { "h100*", "zz*" } }.PlanNames(CatalogSet.BuiltIn).ToArray();
            Assert.Equal(new[] { "h100-sxm", "h100-pcie", "h100-nvl" }, gpus[0].Request!.Cast<HardwareSpec>().Select(h => h.Name));
            Assert.Empty(gpus[1].Request!);
        }

        [Fact]
        public void Files_are_read_one_by_one_and_a_bad_file_is_an_error_of_its_own_category()
        {
            string folder = Directory.CreateTempSubdirectory("inferencelab-files-").FullName;
            try
            {
                string config = Path.Combine(folder, "config.json");
                File.WriteAllText(config, Llama2ConfigJson);
                string broken = Path.Combine(folder, "broken.yaml");
                File.WriteAllText(broken, "models: [ {name: x, layers: }");
                string missing = Path.Combine(folder, "missing.yaml");

                var points = CatalogCommand.PlanFiles(new[] { config, broken, missing }).ToArray();

                var model = (ModelSpec)new GetInferenceModelCommand().FromFile(points[0].Request!).Single();
                Assert.Equal(6_738_415_616L, model.TotalParameterCount);
                Assert.Equal(ErrorKind.InvalidData, points[1].Error!.Kind);
                Assert.Equal(("CatalogFileNotFound", ErrorKind.ReadError), (points[2].Error!.ErrorId, points[2].Error!.Kind));
                Assert.Equal(missing, points[2].Target);

                var noGpus = Assert.Throws<CatalogDataException>(() => new GetInferenceHardwareCommand().FromFile(points[0].Request!));
                Assert.Equal("CatalogHasNoGpus", noGpus.ErrorId);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void The_session_catalog_follows_INFERENCELAB_CATALOG_PATH()
        {
            string folder = Directory.CreateTempSubdirectory("inferencelab-catalog-").FullName;
            string? before = Environment.GetEnvironmentVariable(CatalogSet.PathEnvironmentVariable);
            try
            {
                string file = Path.Combine(folder, "mine.yaml");
                File.WriteAllText(file, UserCatalogYaml);

                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, file);
                Assert.Equal("pester-tiny", ((ModelSpec)ModelTransformationAttribute.Resolve("pester-tiny")!).Name);
                Assert.Contains("pester-tiny", NameCompletion.Matching(SessionCatalog.Current.Models.Select(m => m.Name), "pester"));

                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, before);
                Assert.Equal("ModelNotFound", UnresolvedSpecs.Of(ModelTransformationAttribute.Resolve("pester-tiny"))!.Error.ErrorId);
            }
            finally
            {
                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, before);
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Completion_offers_names_by_prefix_or_wildcard_case_insensitively()
        {
            var names = CatalogSet.BuiltIn.Models.Select(m => m.Name).ToArray();

            Assert.Equal(new[] { "llama-2-7b", "llama-2-13b", "llama-2-70b" }, NameCompletion.Matching(names, "LLAMA-2"));
            Assert.Equal(new[] { "mixtral-8x7b", "mixtral-8x22b" }, NameCompletion.Matching(names, "'mix"));
            Assert.All(NameCompletion.Matching(names, "*70b"), n => Assert.EndsWith("70b", n));
            Assert.Equal(names.Length, NameCompletion.Matching(names, string.Empty).Count());
        }
    }

    /// <summary>Tests that set environment variables run alone.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "Process environment";
    }
}
