using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;
using InferenceLab.PowerShell.Cost;
using InferenceLab.PowerShell.Efficiency;
using InferenceLab.PowerShell.Memory;
using InferenceLab.PowerShell.Models;
using InferenceLab.PowerShell.Time;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// The output the help pages show under their examples is what the cmdlets compute. Each test runs the cmdlet's own
    /// plan and Core call with the example's parameters (pwsh cannot run them here, DESIGN §10) and finds each value in the
    /// page's output block, formatted as PowerShell shows it. The expected values are the page's text; the Pester test
    /// tests/Pester/Docs.Tests.ps1 runs the same examples for real where pwsh exists.
    /// </summary>
    public sealed class ExampleOutputTests
    {
        private static ModelSpec Model(string name) => CatalogSet.BuiltIn.GetModel(name);

        private static HardwareSpec Gpu(string name) => CatalogSet.BuiltIn.GetHardware(name);

        [Fact]
        public void Get_InferenceModel_examples()
        {
            var llama = Model("llama-3.1-8b");
            AssertRow(Output("Get-InferenceModel", 1), llama.Name, llama.TotalParameterCount, llama.KeyValueHeadCount, llama.MaxPositionEmbeddings);

            var moe = CatalogSet.BuiltIn.FindModels("qwen3*").Where(m => m.IsMixtureOfExperts).OrderBy(m => m.ActiveParameterCount).ToArray();
            AssertRows(Output("Get-InferenceModel", 2), moe.Select(m => new object[] { m.Name, m.TotalParameterCount, m.ActiveParameterCount }));

            var tiny = Assert.Single(ReadHereString("Get-InferenceModel", 3, "my-models.yaml").Models);
            string third = Output("Get-InferenceModel", 3);
            AssertRow(third, tiny.TotalParameterCount);
            var limit = (MaxContextResult)GetMaxContextLengthCommand.Compute(new GetMaxContextLengthCommand { Model = tiny, Hardware = Gpu("l4") }.Plan().Single().Request!).Single();
            AssertRow(third, limit.MaxContextLength, limit.LimitedBy);

            var mistral = Assert.Single(ReadHereString("Get-InferenceModel", 4, "config.json").Models);
            AssertRow(Output("Get-InferenceModel", 4), mistral.Name, mistral.TotalParameterCount);
        }

        [Fact]
        public void Get_InferenceHardware_examples()
        {
            var h100 = CatalogSet.BuiltIn.GetHardware("NVIDIA H100 80GB HBM3");
            AssertRow(Output("Get-InferenceHardware", 1), h100.Name, h100.MemoryBytes, h100.MemoryBandwidthBytesPerSecond, h100.Bf16FlopsPerSecond!.Value);

            var fastest = CatalogSet.BuiltIn.Hardware.OrderByDescending(g => g.MemoryBandwidthBytesPerSecond).Take(3);
            AssertRows(Output("Get-InferenceHardware", 2), fastest.Select(g => new object[] { g.Name, g.MemoryBandwidthBytesPerSecond }));

            // DESIGN §8: A10 125e12 / 600e9 = 208.3 FLOP/B, A100 312e12 / 2039e9 = 153.0 FLOP/B.
            var balances = new[] { Gpu("a10"), Gpu("a100-sxm-80gb") }.Select(g => new object[] { g.Name, Math.Round(g.Bf16FlopsPerSecond!.Value / g.MemoryBandwidthBytesPerSecond, 1) });
            AssertRows(Output("Get-InferenceHardware", 3), balances);
            Assert.Equal(208.3, Math.Round(Gpu("a10").Bf16FlopsPerSecond!.Value / Gpu("a10").MemoryBandwidthBytesPerSecond, 1));

            var custom = Assert.Single(ReadHereString("Get-InferenceHardware", 4, "my-gpus.yaml").Hardware);
            Assert.Equal("lab-gpu-48gb", custom.Name);
        }

        [Fact]
        public void New_InferenceModel_examples()
        {
            // Example 1: Llama-2-7B's config.json; Meta's count, DESIGN §8: 6,738,415,616.
            var llama = new NewInferenceModelCommand
            {
                Name = "llama-2-7b-custom", LayerCount = 32, HiddenSize = 4096, AttentionHeadCount = 32, KeyValueHeadCount = 32,
                IntermediateSize = 11008, VocabularySize = 32000, MaxPositionEmbeddings = 4096, NativeType = DataType.Fp16,
            }.BuildModel();
            Assert.Equal(6_738_415_616L, llama.TotalParameterCount);
            AssertRow(Output("New-InferenceModel", 1), llama.TotalParameterCount);

            // Example 2: the catalog model piped in binds by property name; -WeightType replaces its format.
            var copy = new NewInferenceModelCommand();
            BindByPropertyName(copy, Model("llama-3.1-8b"));
            copy.Name = "llama-3.1-8b-fp8";
            copy.WeightType = DataType.Fp8;
            var fp8 = copy.BuildModel();
            var memory = (MemoryEstimate)GetInferenceMemoryCommand.Compute(new GetInferenceMemoryCommand { Model = fp8, Hardware = Gpu("l40s"), InputLength = new[] { 4096 } }.Plan().Single().Request!).Single();
            AssertRow(Output("New-InferenceModel", 2), memory.ModelName, memory.WeightBytes, memory.Fits!.Value);

            // Example 3: each CSV row binds by property name.
            var rows = CsvHereString("New-InferenceModel", 3).Select(row =>
            {
                var cmd = new NewInferenceModelCommand();
                BindByPropertyName(cmd, row);
                return cmd.BuildModel();
            });
            AssertRows(Output("New-InferenceModel", 3), rows.Select(m => new object[] { m.Name, m.TotalParameterCount }));
        }

        [Fact]
        public void New_InferenceHardware_example()
        {
            var a10 = new Hardware.NewInferenceHardwareCommand { Name = "my-a10", MemoryBytes = 24.0 * Known.GiB, MemoryBandwidthBytesPerSecond = 600e9, Fp16FlopsPerSecond = 125e12, Bf16FlopsPerSecond = 125e12, Fp32FlopsPerSecond = 31.2e12 }.BuildHardware();
            AssertRow(Output("New-InferenceHardware", 1), Math.Round(a10.Bf16FlopsPerSecond!.Value / a10.MemoryBandwidthBytesPerSecond, 1));
        }

        [Fact]
        public void Get_InferenceMemory_examples()
        {
            var estimate = (MemoryEstimate)GetInferenceMemoryCommand.Compute(new GetInferenceMemoryCommand
            {
                Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), BatchSize = new[] { 16 }, InputLength = new[] { 4096 }, OutputLength = new[] { 1024 },
            }.Plan().Single().Request!).Single();
            string first = Output("Get-InferenceMemory", 1);
            AssertListItem(first, "WeightBytes", estimate.WeightBytes);
            AssertListItem(first, "KvCacheBytes", estimate.KvCacheBytes);
            AssertListItem(first, "ActivationBytes", estimate.ActivationBytes);
            AssertListItem(first, "ReserveBytes", estimate.ReserveBytes);
            AssertListItem(first, "TotalBytes", estimate.TotalBytes);
            AssertListItem(first, "Fits", estimate.Fits!.Value);
            AssertListItem(first, "HeadroomBytes", estimate.HeadroomBytes!.Value);
            // Hand check of the KV cache: 16 × 5120 tokens × 131,072 B (32 layers × 2 × 8 KV heads × 128 × 2 B) = 10 GiB.
            Assert.Equal(10 * Known.GiB, estimate.KvCacheBytes);

            var sweep = new GetInferenceMemoryCommand
            {
                Model = Model("llama-3.1-70b"), Hardware = Gpu("h100-sxm"), TensorParallel = new[] { 1, 2, 4, 8 }, BatchSize = new[] { 8 }, InputLength = new[] { 8192 }, OutputLength = new[] { 1024 },
            };
            var smallest = sweep.Plan().Select(p => (MemoryEstimate)GetInferenceMemoryCommand.Compute(p.Request!).Single()).First(e => e.Fits == true);
            AssertRow(Output("Get-InferenceMemory", 2), smallest.TensorParallel, smallest.TotalBytes, smallest.HeadroomBytes!.Value);

            var budget = (EngineMemoryBudget)GetInferenceMemoryCommand.Compute(new GetInferenceMemoryCommand
            {
                Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), InputLength = new[] { 2048 }, OutputLength = new[] { 512 }, Engine = "vllm",
            }.Plan().Single().Request!).Single();
            AssertRow(Output("Get-InferenceMemory", 4), budget.KvCacheBlocks, budget.KvCacheTokens, budget.MaxConcurrency);
        }

        [Fact]
        public void Get_MaxContextLength_examples()
        {
            var limits = new GetMaxContextLengthCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("a100-sxm-80gb"), BatchSize = new[] { 1, 8 } }
                .Plan().Select(p => (MaxContextResult)GetMaxContextLengthCommand.Compute(p.Request!).Single());
            AssertRows(Output("Get-MaxContextLength", 1), limits.Select(r => new object[] { r.BatchSize, r.MaxContextLength, r.LimitedBy }));

            var byKvType = new[] { DataType.Bf16, DataType.Fp8 }.Select(type => (MaxContextResult)GetMaxContextLengthCommand.Compute(new GetMaxContextLengthCommand
            {
                Model = Model("llama-3.1-70b"), Hardware = Gpu("h100-sxm"), TensorParallel = new[] { 4 }, BatchSize = new[] { 16 }, KvCacheType = type,
            }.Plan().Single().Request!).Single());
            AssertRows(Output("Get-MaxContextLength", 2), byKvType.Select(r => new object[] { r.KvCacheType, r.MaxContextLength, r.LimitedBy }));

            var vllm = new GetMaxContextLengthCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), BatchSize = new[] { 1, 8 }, Engine = "vllm" }
                .Plan().Select(p => (EngineMaxContextResult)GetMaxContextLengthCommand.Compute(p.Request!).Single()).ToArray();
            AssertRows(Output("Get-MaxContextLength", 4), vllm.Select(r => new object[] { r.BatchSize, r.MaxContextLength, r.LimitedBy, r.KvCacheBlocks }));
            // The page's arithmetic: eight sequences share the pool's blocks, ⌊blocks / 8⌋ × 16 tokens each.
            Assert.Equal(vllm[1].KvCacheBlocks / 8 * 16, vllm[1].MaxContextLength);
        }

        [Fact]
        public void Get_MaxBatchSize_examples()
        {
            var first = new GetMaxBatchSizeCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), ContextLength = new[] { 4096, 32768 } }
                .Plan().Select(p => (MaxBatchResult)GetMaxBatchSizeCommand.Compute(p.Request!).Single());
            AssertRows(Output("Get-MaxBatchSize", 1), first.Select(r => new object[] { r.ContextLength, r.MaxBatchSize, r.KvCacheCapacityTokens }));

            var gpus = new[] { "h100-sxm", "l40s", "a10" }
                .Select(name => (MaxBatchResult)GetMaxBatchSizeCommand.Compute(new GetMaxBatchSizeCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu(name), ContextLength = new[] { 8192 } }.Plan().Single().Request!).Single())
                .OrderByDescending(r => r.MaxBatchSize);
            AssertRows(Output("Get-MaxBatchSize", 2), gpus.Select(r => new object[] { r.HardwareName, r.MaxBatchSize, r.KvCacheCapacityTokens }));

            var vllm = (EngineMemoryBudget)GetMaxBatchSizeCommand.Compute(new GetMaxBatchSizeCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), ContextLength = new[] { 4096 }, Engine = "vllm" }.Plan().Single().Request!).Single();
            AssertRow(Output("Get-MaxBatchSize", 3), vllm.KvCacheTokens, vllm.MaxConcurrency);
            // vLLM's "maximum concurrency": KV tokens / tokens per request.
            Assert.Equal(vllm.KvCacheTokens / 4096.0, vllm.MaxConcurrency);
        }

        [Fact]
        public void Measure_InferenceCost_examples()
        {
            var steps = new MeasureInferenceCostCommand { Model = Model("llama-3.1-8b"), InputLength = new[] { 2048 } }
                .Plan().Select(p => (StepCost)MeasureInferenceCostCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-InferenceCost", 1), steps.Select(s => new object[] { s.Phase, s.Flops, s.BytesRead }));

            var operators = MeasureInferenceCostCommand.Compute(new MeasureInferenceCostCommand
            {
                Model = Model("llama-3.1-8b"), Phase = new[] { Phase.Decode }, InputLength = new[] { 2048 }, PerOperatorRequested = true,
            }.Plan().Single().Request!).Cast<OperatorCost>().OrderByDescending(o => o.Flops).Take(3);
            AssertRows(Output("Measure-InferenceCost", 2), operators.Select(o => new object[] { o.Operator, o.Flops }));

            var decodes = new MeasureInferenceCostCommand
            {
                Model = Model("llama-3.1-8b"), Phase = new[] { Phase.Decode }, BatchSize = new[] { 1, 32 }, InputLength = new[] { 1024 }, ContextLength = new[] { 1024, 32768 },
            }.Plan().Select(p => (StepCost)MeasureInferenceCostCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-InferenceCost", 3), decodes.Select(s => new object[] { s.BatchSize, s.ContextLength, s.WeightBytesRead, s.KvCacheBytesRead }));
        }

        [Fact]
        public void Measure_RooflinePoint_examples()
        {
            var points = new MeasureRooflinePointCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("a100-sxm-80gb"), InputLength = new[] { 2048 } }
                .Plan().Select(p => (RooflinePoint)MeasureRooflinePointCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-RooflinePoint", 1), points.Select(r => new object[] { r.Phase, r.Bound, Math.Round(r.ArithmeticIntensityFlopsPerByte, 1), Math.Round(r.MachineBalanceFlopsPerByte, 1) }));

            var decodes = new MeasureRooflinePointCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), Phase = new[] { Phase.Decode }, BatchSize = new[] { 1, 64, 512 }, InputLength = new[] { 1024 } }
                .Plan().Select(p => (RooflinePoint)MeasureRooflinePointCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-RooflinePoint", 2), decodes.Select(r => new object[] { r.BatchSize, r.Bound, Math.Round(r.ArithmeticIntensityFlopsPerByte, 1) }));
        }

        [Fact]
        public void Measure_InferenceLatency_examples()
        {
            var first = new MeasureInferenceLatencyCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), BatchSize = new[] { 1, 16 }, InputLength = new[] { 2048 }, OutputLength = new[] { 256 } }
                .Plan().Select(p => (LatencyEstimate)MeasureInferenceLatencyCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-InferenceLatency", 1), first.Select(e => new object[] { e.BatchSize, Ms(e.TimeToFirstTokenSeconds, 1), Ms(e.TimePerOutputTokenSeconds, 2), Math.Round(e.OutputTokensPerSecond) }));

            var largest = new MeasureInferenceLatencyCommand { Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), BatchSize = new[] { 1, 2, 4, 8, 16, 32, 64, 128 }, InputLength = new[] { 2048 }, OutputLength = new[] { 256 } }
                .Plan().Select(p => (LatencyEstimate)MeasureInferenceLatencyCommand.Compute(p.Request!).Single())
                .Last(e => e.TimePerOutputTokenSeconds < 0.010);
            AssertRow(Output("Measure-InferenceLatency", 2), largest.BatchSize, Ms(largest.TimePerOutputTokenSeconds, 2));

            LatencyEstimate OnA100(string? engine, bool roofline) => (LatencyEstimate)MeasureInferenceLatencyCommand.Compute(new MeasureInferenceLatencyCommand
            {
                Model = Model("llama-3.1-8b"), Hardware = Gpu("a100-sxm-80gb"), InputLength = new[] { 2048 }, OutputLength = new[] { 256 }, Engine = engine, RooflineRequested = roofline,
            }.Plan().Single().Request!).Single();
            var estimates = new[] { "generic", "vllm", "tensorrt-llm", "llama.cpp" }.Select(e => OnA100(e, false)).Append(OnA100(null, true));
            AssertRows(Output("Measure-InferenceLatency", 3), estimates.Select(e => new object[] { e.Efficiency, Ms(e.TimeToFirstTokenSeconds, 1), Ms(e.TimePerOutputTokenSeconds, 2) }));
        }

        [Fact]
        public void Measure_InferenceEfficiency_examples()
        {
            var reports = new MeasureInferenceEfficiencyCommand
            {
                Model = Model("llama-3.1-8b"), Hardware = Gpu("h100-sxm"), InputLength = new[] { 2048 }, OutputLength = new[] { 256 }, TimeToFirstTokenSeconds = 0.070, TimePerOutputTokenSeconds = 0.0075,
            }.Plan().Select(p => (EfficiencyReport)MeasureInferenceEfficiencyCommand.Compute(p.Request!).Single());
            AssertRows(Output("Measure-InferenceEfficiency", 1), reports.Select(r => new object[] { r.Metric, Math.Round(r.ModelFlopsUtilization, 3), Math.Round(r.ModelBandwidthUtilization, 3) }));

            var rows = CsvHereString("Measure-InferenceEfficiency", 2).Select(row =>
            {
                var cmd = new MeasureInferenceEfficiencyCommand { Model = Model(row["ModelName"]), Hardware = Gpu(row["HardwareName"]) };
                BindByPropertyName(cmd, row);
                return (EfficiencyReport)MeasureInferenceEfficiencyCommand.Compute(cmd.Plan().Single().Request!).Single();
            });
            AssertRows(Output("Measure-InferenceEfficiency", 2), rows.Select(r => new object[] { r.BatchSize, Math.Round(r.RooflineFraction, 2) }));
        }

        private static double Ms(double seconds, int digits) => Math.Round(seconds * 1000, digits);

        /// <summary>The page's text, with Unix line ends.</summary>
        private static string Page(string cmdlet) => File.ReadAllText(Repository.FilePath("docs", cmdlet + ".md")).Replace("\r\n", "\n");

        /// <summary>The text of example <paramref name="number"/>, up to the next example or section.</summary>
        private static string Example(string cmdlet, int number)
        {
            var match = Regex.Match(Page(cmdlet), "\n### Example " + number + ": [^\n]*\n([\\s\\S]*?)(?=\n### |\n## )");
            Assert.True(match.Success, cmdlet + " has no example " + number);
            return match.Groups[1].Value;
        }

        /// <summary>The ```output block of an example.</summary>
        private static string Output(string cmdlet, int number)
        {
            var match = Regex.Match(Example(cmdlet, number), "```output\n([\\s\\S]*?)```");
            Assert.True(match.Success, cmdlet + " example " + number + " shows no output");
            return match.Groups[1].Value;
        }

        /// <summary>The here-string an example writes to <paramref name="file"/>, read as a catalog file.</summary>
        private static CatalogFileContent ReadHereString(string cmdlet, int number, string file)
        {
            var match = Regex.Match(Example(cmdlet, number), "Set-Content -LiteralPath " + Regex.Escape(file) + " -Value @'\n([\\s\\S]*?)\n'@");
            Assert.True(match.Success, cmdlet + " example " + number + " writes no " + file);
            string folder = Path.Combine(Path.GetTempPath(), "inferencelab-docs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string path = Path.Combine(folder, file);
                File.WriteAllText(path, match.Groups[1].Value);
                return CatalogFile.Read(path);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        /// <summary>The rows of the CSV here-string an example pipes to ConvertFrom-Csv.</summary>
        private static IReadOnlyList<Dictionary<string, string>> CsvHereString(string cmdlet, int number)
        {
            var match = Regex.Match(Example(cmdlet, number), "@'\n([\\s\\S]*?)\n'@ \\| ConvertFrom-Csv");
            Assert.True(match.Success, cmdlet + " example " + number + " has no CSV");
            var lines = match.Groups[1].Value.Split('\n');
            var header = lines[0].Split(',');
            return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v)).ToArray();
        }

        /// <summary>
        /// What PowerShell's pipeline binding does with an object: each parameter that takes its value by property name gets
        /// the property of that name, converted to the parameter's type (a CSV row's strings, a model's fields).
        /// </summary>
        private static void BindByPropertyName(object cmdlet, object source)
        {
            foreach (var p in CmdletMetadata.Parameters(cmdlet.GetType()).Where(p => p.FromPipelineByPropertyName))
            {
                object? value;
                if (source is IDictionary<string, string> row)
                {
                    if (!row.TryGetValue(p.Name, out var text))
                    {
                        continue;
                    }

                    var type = Nullable.GetUnderlyingType(p.Type) ?? p.Type;
                    if (type.IsArray)
                    {
                        var array = Array.CreateInstance(type.GetElementType()!, 1);
                        array.SetValue(Convert.ChangeType(text, type.GetElementType()!, CultureInfo.InvariantCulture), 0);
                        value = array;
                    }
                    else
                    {
                        value = Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    var property = source.GetType().GetProperty(p.Name);
                    if (property == null || p.Type == typeof(System.Management.Automation.SwitchParameter))
                    {
                        continue;
                    }

                    value = property.GetValue(source);
                }

                p.Property.SetValue(cmdlet, value);
            }
        }

        /// <summary>A value as PowerShell's default formatting shows it: invariant, shortest round trip, True/False.</summary>
        private static string Shown(object value) => value switch
        {
            double d => d.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };

        /// <summary>Asserts a table row of <paramref name="output"/> holds exactly these cells.</summary>
        private static void AssertRow(string output, params object[] cells)
        {
            string[] expected = cells.Select(Shown).ToArray();
            bool found = output.Split('\n').Any(line => line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).SequenceEqual(expected));
            Assert.True(found, "no line '" + string.Join(" ", expected) + "' in\n" + output);
        }

        /// <summary>Asserts the table's rows are exactly these, in order.</summary>
        private static void AssertRows(string output, IEnumerable<object[]> rows)
        {
            var expected = rows.Select(r => string.Join(" ", r.Select(Shown))).ToArray();
            var shown = output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l => string.Join(" ", l.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))).ToArray();
            Assert.Equal(expected, shown);
        }

        /// <summary>Asserts a Format-List line "Name : value".</summary>
        private static void AssertListItem(string output, string name, object value) =>
            Assert.Matches(new Regex("(^|\n)" + name + " +: " + Regex.Escape(Shown(value)) + "\n"), output);
    }
}
