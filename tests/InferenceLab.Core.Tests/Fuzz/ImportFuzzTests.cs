using System;
using System.IO;
using System.Linq;
using System.Text;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Tests;
using InferenceLab.Core.Time;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Issue 10's fuzz of config.json and catalog YAML import: real files mutated (fields dropped, wrong types, nulls, deep
    /// nesting, duplicate keys, huge arrays, invalid UTF-8, several-MB files, tags and anchors, empty files). Each read
    /// gives entries that compute sane results, or a <see cref="CatalogDataException"/> naming the file.
    /// </summary>
    public sealed class ImportFuzzTests
    {
        /// <summary>Cases per run in CI (INFERENCELAB_FUZZ_CASES replaces it).</summary>
        public const int DefaultCases = FuzzSettings.ImportCases;

        private readonly ITestOutputHelper output;

        public ImportFuzzTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Every_mutated_file_imports_sanely_or_fails_as_a_catalog_data_error()
        {
            string folder = Path.Combine(Path.GetTempPath(), "inferencelab-fuzz", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            int imported = 0;
            int index = 0;
            try
            {
                var cases = FuzzSettings.Sample(ImportCase.Gen, FuzzSettings.Cases(DefaultCases), 2);
                int run = FuzzRunner.Run(output, "config.json and YAML import", cases, c => imported += Check(c, folder, index++) ? 1 : 0);
                output.WriteLine($"{imported} of {run} files imported; the rest were refused with a catalog data error.");
                output.WriteLine("Most frequent errors: " + Invariant.TopErrors(12));
                Assert.True(run >= FuzzSettings.Cases(DefaultCases));
                Assert.True(imported * 10 >= run, $"only {imported} of {run} files imported");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void Every_seed_file_imports_unchanged()
        {
            // The mutations start from files that import, so a refusal is the mutation's doing.
            foreach (var seed in ImportCase.Seeds)
            {
                var content = CatalogFile.Parse(seed.Text, seed.Name);
                Assert.Equal(1, content.Models.Count + content.Hardware.Count);
            }
        }

        /// <summary>Reads one mutated file (in memory, or every eighth through a real file and a user catalog); true when it imported.</summary>
        internal static bool Check(ImportCase c, string folder, int index)
        {
            byte[] bytes = c.Bytes();
            string file = Path.Combine(folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + c.FileName);
            CatalogFileContent? content;
            if (index % 8 == 0)
            {
                File.WriteAllBytes(file, bytes);
                content = ReadFile(file, index);
                File.Delete(file);
            }
            else
            {
                content = Invariant.Call("CatalogFile.Parse", () => CatalogFile.Parse(YamlDocumentReader.Decode(bytes, file), file));
            }

            if (content == null)
            {
                return false;
            }

            foreach (var model in content.Models)
            {
                Compute(model);
            }

            foreach (var gpu in content.Hardware)
            {
                Invariant.CheckResult(gpu, "HardwareSpec");
            }

            return content.Models.Count + content.Hardware.Count > 0;
        }

        private static CatalogFileContent? ReadFile(string file, int index)
        {
            switch (index / 8 % 3)
            {
                case 0:
                    return Invariant.Call("CatalogFile.Read", () => CatalogFile.Read(file));
                case 1:
                    var model = Invariant.Call("CatalogFile.ReadModel", () => CatalogFile.ReadModel(file));
                    return model == null ? null : new CatalogFileContent(file, new[] { model.Value }, Array.Empty<HardwareSpec>(), model.Warnings);
                default:
                    var set = Invariant.Call("CatalogSet.Load", () => CatalogSet.Load(new[] { file }, includeEnvironment: false));
                    return set == null ? null : new CatalogFileContent(file, Array.Empty<ModelSpec>(), Array.Empty<HardwareSpec>(), set.Warnings);
            }
        }

        /// <summary>An imported model's numbers, its memory at a short context and its latency on an H100-like GPU are sane.</summary>
        private static void Compute(ModelSpec model)
        {
            Invariant.CheckResult(model, "ModelSpec");
            var deployment = Invariant.Call("Deployment", () => new Deployment(model, H100));
            if (deployment == null)
            {
                return;
            }

            int context = Math.Min(model.MaxPositionEmbeddings, 4096);
            Invariant.Call("MemoryEstimator.EstimateContext", () => MemoryEstimator.EstimateContext(deployment, 1, context));
            Invariant.Call("MemoryLimits.MaxContextLength", () => MemoryLimits.MaxContextLength(deployment, 1));
            if (context >= 2)
            {
                Invariant.Call("LatencyEstimator.Estimate", () => LatencyEstimator.Estimate(new Scenario(deployment, 1, context - 1, 1)));
            }
        }

        /// <summary>An H100 SXM: 80 GiB, 3.35 TB/s, 989.4 TFLOP/s dense bf16/fp16, 1979 fp8 (NVIDIA H100 datasheet).</summary>
        private static readonly HardwareSpec H100 = new HardwareSpec("h100-sxm", 80.0 * 1024 * 1024 * 1024, 3.35e12,
            new System.Collections.Generic.Dictionary<DataType, double> { [DataType.Fp32] = 67e12, [DataType.Tf32] = 494.7e12, [DataType.Bf16] = 989.4e12, [DataType.Fp16] = 989.4e12, [DataType.Fp8] = 1978.9e12, [DataType.Int8] = 1978.9e12 },
            450e9);
    }
}
