using System;
using System.Linq;
using System.Reflection;
using InferenceLab.Core;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>The contract every cmdlet keeps (STYLE.md §6, §7, §8, §12), read from metadata.</summary>
    public sealed class CmdletContractTests
    {
        public static TheoryData<string> Cmdlets()
        {
            var data = new TheoryData<string>();
            foreach (var type in CmdletMetadata.CmdletTypes)
            {
                data.Add(type.FullName!);
            }

            return data;
        }

        private static Type Cmdlet(string fullName) => CmdletMetadata.CmdletTypes.Single(t => t.FullName == fullName);

        [Fact]
        public void The_assembly_has_the_cmdlets_of_issue_4()
        {
            var names = CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName).ToArray();
            foreach (var expected in new[]
            {
                "Get-InferenceModel", "Get-InferenceHardware", "New-InferenceModel", "New-InferenceHardware", "Get-InferenceMemory", "Get-MaxContextLength", "Get-MaxBatchSize",
                "Measure-InferenceCost", "Measure-RooflinePoint", "Measure-InferenceLatency", "Measure-InferenceEfficiency",
            })
            {
                Assert.Contains(expected, names);
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void A_cmdlet_is_a_public_sealed_VerbNounCommand_with_an_approved_verb_and_a_singular_noun(string cmdlet)
        {
            var type = Cmdlet(cmdlet);
            var (verb, noun) = CmdletMetadata.VerbAndNoun(type);
            Assert.True(type.IsPublic && type.IsSealed, type.Name + " must be public sealed");
            Assert.Equal(verb + noun + "Command", type.Name);
            Assert.Contains(verb, CmdletMetadata.ApprovedVerbs);
            Assert.False(noun.EndsWith("s", StringComparison.Ordinal) && !noun.EndsWith("ss", StringComparison.Ordinal), noun + " reads as a plural");
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void A_cmdlet_declares_its_output_types_and_they_are_public_sealed_with_get_only_properties(string cmdlet)
        {
            var outputs = CmdletMetadata.OutputTypes(Cmdlet(cmdlet));
            Assert.NotEmpty(outputs);
            foreach (var output in outputs)
            {
                Assert.True(output.IsPublic && output.IsSealed, output.Name + " must be public sealed");
                var settable = output.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name).ToArray();
                Assert.Empty(settable);
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_parameter_set_of_a_cmdlet_has_a_parameter_that_binds_from_the_pipeline(string cmdlet)
        {
            var parameters = CmdletMetadata.Parameters(Cmdlet(cmdlet));
            var sets = parameters.SelectMany(p => p.Sets).Select(s => s.ParameterSetName).Where(n => n != CmdletMetadata.SetInfo.AllSets).Distinct().ToList();
            if (sets.Count == 0)
            {
                sets.Add(CmdletMetadata.SetInfo.AllSets);
            }

            foreach (var set in sets)
            {
                bool bindable = parameters.SelectMany(p => p.Sets)
                    .Any(s => (s.ParameterSetName == set || s.ParameterSetName == CmdletMetadata.SetInfo.AllSets) && (s.ValueFromPipeline || s.ValueFromPipelineByPropertyName));
                Assert.True(bindable, $"{cmdlet}: parameter set {set} has no pipeline-bindable parameter");
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void A_Path_parameter_comes_with_LiteralPath_aliased_PSPath_and_LP(string cmdlet)
        {
            var parameters = CmdletMetadata.Parameters(Cmdlet(cmdlet));
            if (parameters.Any(p => p.Name == "Path"))
            {
                var literal = parameters.Single(p => p.Name == "LiteralPath");
                Assert.Contains("PSPath", literal.Aliases);
                Assert.Contains("LP", literal.Aliases);
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Numeric_scenario_parameters_take_arrays_and_data_types_are_the_enum(string cmdlet)
        {
            var type = Cmdlet(cmdlet);
            if (!typeof(DeploymentCommand).IsAssignableFrom(type))
            {
                return;
            }

            foreach (var p in CmdletMetadata.Parameters(type))
            {
                if (new[] { "BatchSize", "InputLength", "OutputLength", "ContextLength", "TensorParallel" }.Contains(p.Name))
                {
                    Assert.Equal(typeof(int[]), p.Type);
                }

                if (p.Name.EndsWith("Type", StringComparison.Ordinal))
                {
                    Assert.Equal(typeof(DataType?), p.Type);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Model_and_Hardware_bind_objects_by_value_and_results_by_their_name_properties(string cmdlet)
        {
            var type = Cmdlet(cmdlet);
            if (!typeof(DeploymentCommand).IsAssignableFrom(type))
            {
                return;
            }

            var model = CmdletMetadata.Parameter(type, "Model");
            Assert.True(model.Mandatory && model.FromPipeline && model.FromPipelineByPropertyName);
            Assert.Contains("ModelName", model.Aliases);
            var hardware = CmdletMetadata.Parameter(type, "Hardware");
            Assert.True(hardware.FromPipeline && hardware.FromPipelineByPropertyName);
            Assert.Contains("HardwareName", hardware.Aliases);

            // Names become catalog objects through the transformation; tab completion offers the catalog's names.
            Assert.Contains(typeof(Catalog.ModelTransformationAttribute), model.AttributeTypes);
            Assert.Contains(typeof(Catalog.HardwareTransformationAttribute), hardware.AttributeTypes);
            Assert.Equal(typeof(Catalog.ModelNameCompleter), CmdletMetadata.Completer(type, "Model"));
            Assert.Equal(typeof(Catalog.HardwareNameCompleter), CmdletMetadata.Completer(type, "Hardware"));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_computed_result_carries_its_inputs_so_a_CSV_row_stands_alone(string cmdlet)
        {
            var type = Cmdlet(cmdlet);
            if (!typeof(DeploymentCommand).IsAssignableFrom(type))
            {
                return;
            }

            foreach (var output in CmdletMetadata.OutputTypes(type))
            {
                foreach (var input in new[] { "ModelName", "HardwareName", "TensorParallel", "PipelineParallel", "WeightType", "WeightGroupSize", "KvCacheType", "ActivationType" })
                {
                    Assert.True(output.GetProperty(input) != null, $"{output.Name} lacks {input}");
                }
            }
        }

        [Theory]
        [InlineData(typeof(Catalog.GetInferenceModelCommand), typeof(Catalog.ModelNameCompleter))]
        [InlineData(typeof(Catalog.GetInferenceHardwareCommand), typeof(Catalog.HardwareNameCompleter))]
        public void Catalog_cmdlets_take_names_with_wildcards_and_completion_and_files_by_path(Type cmdlet, Type completer)
        {
            var name = CmdletMetadata.Parameter(cmdlet, "Name");
            Assert.Contains(typeof(System.Management.Automation.SupportsWildcardsAttribute), name.AttributeTypes);
            Assert.Equal(completer, CmdletMetadata.Completer(cmdlet, "Name"));
            Assert.Contains(typeof(System.Management.Automation.SupportsWildcardsAttribute), CmdletMetadata.Parameter(cmdlet, "Path").AttributeTypes);
            Assert.DoesNotContain(typeof(System.Management.Automation.SupportsWildcardsAttribute), CmdletMetadata.Parameter(cmdlet, "LiteralPath").AttributeTypes);
            Assert.Equal(
                new[] { "LiteralPath", "Name", "Path" },
                CmdletMetadata.Parameters(cmdlet).SelectMany(p => p.Sets).Select(s => s.ParameterSetName).Where(s => s != CmdletMetadata.SetInfo.AllSets).Distinct().OrderBy(s => s));
        }

        [Fact]
        public void A_result_binds_back_by_property_name_to_the_parameters_it_was_made_from()
        {
            // Get-InferenceMemory's output into Measure-InferenceLatency: every scenario property of the estimate has a
            // same-named parameter that takes it by property name.
            var latency = typeof(Time.MeasureInferenceLatencyCommand);
            foreach (var name in new[] { "BatchSize", "InputLength", "OutputLength", "TensorParallel", "PipelineParallel", "WeightType", "WeightGroupSize", "KvCacheType", "ActivationType", "MemoryUtilization" })
            {
                Assert.NotNull(typeof(Core.Memory.MemoryEstimate).GetProperty(name));
                Assert.True(CmdletMetadata.Parameter(latency, name).FromPipelineByPropertyName, name);
            }
        }
    }
}
