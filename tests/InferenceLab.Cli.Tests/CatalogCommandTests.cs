using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using InferenceLab.Cli.Catalog;
using InferenceLab.Cli.Commands;
using InferenceLab.Core;
using InferenceLab.Core.Catalog;

namespace InferenceLab.Cli.Tests
{
    /// <summary>
    /// The command line on the real catalogs: built-in names, config.json and YAML files, user catalogs and the bad files of
    /// DESIGN §9. Expected numbers are the published ones of DESIGN §8 or arithmetic written out here.
    /// </summary>
    /// <remarks>One class, so the test that sets INFERENCELAB_CATALOG_PATH never runs beside another that reads it.</remarks>
    public sealed class CatalogCommandTests
    {
        /// <summary>meta-llama/Llama-2-7b-hf's config.json as published.</summary>
        private const string Llama2Config = @"{
  ""architectures"": [""LlamaForCausalLM""],
  ""hidden_act"": ""silu"",
  ""hidden_size"": 4096,
  ""intermediate_size"": 11008,
  ""max_position_embeddings"": 4096,
  ""model_type"": ""llama"",
  ""num_attention_heads"": 32,
  ""num_hidden_layers"": 32,
  ""num_key_value_heads"": 32,
  ""rms_norm_eps"": 1e-05,
  ""tie_word_embeddings"": false,
  ""torch_dtype"": ""float16"",
  ""vocab_size"": 32000
}";

        /// <summary>A two-layer model: 95,040 parameters (below), KV 2 × 2 layers × 4 heads × 16 dims × 2 B = 512 B per token.</summary>
        private const string TinyModel = @"name: tiny-model
layers: 2
hidden_size: 64
attention_heads: 4
key_value_heads: 4
intermediate_size: 128
vocab_size: 100
max_position_embeddings: 512
native_type: fp16
";

        private const string MyGpu = @"name: my-gpu
memory_bytes: 25769803776
memory_bandwidth_bytes_per_second: 600e9
peak_flops_per_second: { bf16: 125e12, fp16: 125e12 }
";

        private static CliRun Run(params string[] args) => CliRun.With(CatalogSource.Open, args);

        private static JsonElement[] Json(params string[] args)
        {
            var run = Run(args.Concat(new[] { "--format", "json" }).ToArray());
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            return run.Json().ToArray();
        }

        private static void FailsWith(string message, params string[] args)
        {
            var run = Run(args);
            Assert.Equal(new[] { "error: " + message }, run.ErrorLines);
            Assert.Equal("", run.Output);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void The_quick_start_command_prints_one_row_per_batch_size()
        {
            var run = Run("latency", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--batch-size", "1,16", "--input-length", "2048", "--output-length", "256");
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.Matches(@"^llama-3\.1-8b\s+h100-sxm\s+1\s+2,048\s+256\s", lines[2]);
            Assert.Matches(@"^llama-3\.1-8b\s+h100-sxm\s+16\s+2,048\s+256\s", lines[3]);
        }

        [Fact]
        public void The_quick_start_in_docs_cli_md_shows_what_the_commands_print()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "docs", "cli.md")))
            {
                directory = directory.Parent!;
            }

            // The quick start alternates a fenced command and a fenced block of what it prints.
            string text = File.ReadAllText(Path.Combine(directory.FullName, "docs", "cli.md")).Replace("\r\n", "\n");
            string quickStart = text.Substring(text.IndexOf("## Quick start", StringComparison.Ordinal));
            quickStart = quickStart.Substring(0, quickStart.IndexOf("### As a .NET tool", StringComparison.Ordinal));
            var blocks = quickStart.Split("```\n").Where((_, i) => i % 2 == 1).Select(b => b.TrimEnd('\n')).ToArray();
            Assert.Equal(6, blocks.Length);
            const string prefix = "dotnet run --project src/InferenceLab.Cli -- ";
            Assert.StartsWith(prefix + "latency ", blocks[0]);
            Assert.EndsWith(" --engine vllm", blocks[4]);
            for (int i = 0; i < blocks.Length; i += 2)
            {
                var run = Run(blocks[i].Substring(prefix.Length).Split(' '));
                Assert.Equal(0, run.ExitCode);
                Assert.Equal(blocks[i + 1], run.Output.Replace("\r\n", "\n").TrimEnd('\n'));
            }
        }

        [Fact]
        public void The_quick_start_in_the_README_shows_what_the_commands_print()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "README.md")))
            {
                directory = directory.Parent!;
            }

            // The command-line part of the quick start alternates a fenced command and a fenced block of what it prints.
            string text = File.ReadAllText(Path.Combine(directory.FullName, "README.md")).Replace("\r\n", "\n");
            string quickStart = text.Substring(text.IndexOf("### The command-line tool", StringComparison.Ordinal));
            quickStart = quickStart.Substring(0, quickStart.IndexOf("### PowerShell", StringComparison.Ordinal));
            var blocks = quickStart.Split("```\n").Where((_, i) => i % 2 == 1).Select(b => b.TrimEnd('\n')).ToArray();
            Assert.True(blocks.Length >= 2 && blocks.Length % 2 == 0, "commands, each followed by its output");
            const string prefix = "dotnet run --project src/InferenceLab.Cli -- ";
            for (int i = 0; i < blocks.Length; i += 2)
            {
                Assert.StartsWith(prefix, blocks[i]);
                var run = Run(blocks[i].Substring(prefix.Length).Split(' '));
                Assert.Equal(0, run.ExitCode);
                Assert.Equal(blocks[i + 1], run.Output.Replace("\r\n", "\n").TrimEnd('\n'));
            }
        }

        [Fact]
        public void Every_help_example_runs_on_the_built_in_catalogs()
        {
            using var folder = new TempFolder("llama-2-7b");
            string config = folder.Write("config.json", Llama2Config);
            var root = CliApplication.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, CatalogSource.Open));
            var examples = new[] { root }.Concat(root.Subcommands).OfType<ExampleCommand>().SelectMany(c => c.Examples).Where(e => !e.StartsWith("#")).ToList();
            Assert.True(examples.Count >= 19, "every command has at least two examples, the root three");
            foreach (var example in examples)
            {
                // Files the examples read or write live in the test's folder: config.json, and the charts' *.svg.
                var words = example.Split(' ').Skip(1).Select(w => w.Trim('\''))
                    .Select(w => w.EndsWith("config.json", StringComparison.Ordinal) ? config : w.EndsWith(".svg", StringComparison.Ordinal) ? Path.Combine(folder.Path, w) : w)
                    .ToArray();
                var run = Run(words);
                Assert.True(run.ExitCode == 0 && run.Error.Length == 0, example + " => " + run.ExitCode + ": " + run.Error);
                Assert.NotEqual("", run.Output);
                foreach (var chart in words.Where(w => w.EndsWith(".svg", StringComparison.Ordinal)))
                {
                    Assert.Equal("svg", System.Xml.Linq.XDocument.Load(chart).Root!.Name.LocalName);
                }
            }
        }

        [Fact]
        public void Built_in_models_have_their_published_parameter_counts()
        {
            var models = Json("models", "llama-2-7b", "LLAMA-3-8B", "mistralai/Mixtral-8x7B-v0.1");
            // DESIGN §8.
            Assert.Equal(new[] { "llama-2-7b", "llama-3-8b", "mixtral-8x7b" }, models.Select(m => m.GetProperty("Name").GetString()));
            Assert.Equal(new[] { 6_738_415_616, 8_030_261_248, 46_702_792_704 }, models.Select(m => m.GetProperty("TotalParameterCount").GetInt64()));
            Assert.Equal(12_879_925_248, models[2].GetProperty("ActiveParameterCount").GetInt64());
        }

        [Theory]
        [InlineData("llama-2-7b", 524_288)]
        [InlineData("llama-2-70b", 327_680)]
        [InlineData("llama-3-8b", 131_072)]
        [InlineData("deepseek-v3", 70_272)]
        public void Built_in_models_have_the_kv_cache_per_token_of_design_section_8(string model, double bytes)
        {
            // DESIGN §8, at 16 bits: the KV type follows the activation type, bf16 for DeepSeek-V3's fp8 checkpoint.
            var m = Json("memory", "--model", model, "--input-length", "1").Single();
            Assert.Equal(bytes, m.GetProperty("KvCacheBytesPerToken").GetDouble());
        }

        [Fact]
        public void Gpus_are_found_by_vendor_spelling()
        {
            var gpu = Json("hardware", "NVIDIA H100 80GB HBM3").Single();
            Assert.Equal("h100-sxm", gpu.GetProperty("Name").GetString());
            // An "80 GB" H100 has 80 GiB (DESIGN §2).
            Assert.Equal(85_899_345_920, gpu.GetProperty("MemoryBytes").GetInt64());
            var point = Json("roofline", "--model", "llama-2-7b", "--hardware", "NVIDIA A100-SXM4-80GB", "--phase", "decode", "--input-length", "16").Single();
            Assert.Equal(312e12 / 2039e9, point.GetProperty("MachineBalanceFlopsPerByte").GetDouble(), 9);
        }

        [Fact]
        public void An_unknown_name_suggests_the_nearest_catalog_names()
        {
            string message = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetModel("llama-3.1-8x")).Message;
            Assert.Contains("llama-3.1-8b", message);
            FailsWith(message, "latency", "--model", "llama-3.1-8x", "--hardware", "h100-sxm", "--input-length", "10", "--output-length", "10");
            string gpu = Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.GetHardware("h100-sxx")).Message;
            FailsWith(gpu, "max-context", "--model", "llama-3.1-8b", "--hardware", "h100-sxx");
            FailsWith(message, "models", "llama-3.1-8x");
        }

        [Fact]
        public void A_wildcard_that_matches_nothing_prints_nothing()
        {
            var run = Run("models", "no-such-family-*");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Output + run.Error);
        }

        [Fact]
        public void A_config_json_path_is_a_model()
        {
            using var folder = new TempFolder("llama-2-7b");
            string config = folder.Write("config.json", Llama2Config);
            var m = Json("memory", "--model", config, "--input-length", "100").Single();
            // 6,738,415,616 parameters × 2 B; 524,288 B of KV per token (DESIGN §8).
            Assert.Equal(13_476_831_232, m.GetProperty("WeightBytes").GetDouble());
            Assert.Equal(524_288, m.GetProperty("KvCacheBytesPerToken").GetDouble());
            Assert.Equal(6_738_415_616, Json("models", config).Single().GetProperty("TotalParameterCount").GetInt64());
        }

        [Fact]
        public void Yaml_model_and_gpu_files_are_a_model_and_a_gpu()
        {
            using var folder = new TempFolder();
            string model = folder.Write("tiny.yaml", TinyModel);
            string gpu = folder.Write("gpu.yaml", MyGpu);
            var m = Json("memory", "--model", model, "--hardware", gpu, "--input-length", "100").Single();

            // Embedding and LM head 2 × 100 × 64; per layer Q, K, V, O 4 × 64² + gated MLP 3 × 64 × 128 + 2 norms × 64; final norm 64.
            double parameters = (2 * 100 * 64) + (2 * ((4 * 64 * 64) + (3 * 64 * 128) + (2 * 64))) + 64;
            Assert.Equal(95_040, parameters);
            Assert.Equal(parameters * 2, m.GetProperty("WeightBytes").GetDouble());
            Assert.Equal(512, m.GetProperty("KvCacheBytesPerToken").GetDouble());
            Assert.Equal("my-gpu", m.GetProperty("HardwareName").GetString());
            Assert.Equal(24.0 * 1024 * 1024 * 1024, m.GetProperty("MemoryBytes").GetDouble());
        }

        [Fact]
        public void A_path_with_a_comma_is_one_file()
        {
            using var folder = new TempFolder("a,b");
            string model = folder.Write("tiny,model.yaml", TinyModel);
            Assert.Equal("tiny-model", Json("models", model).Single().GetProperty("Name").GetString());
            Assert.Equal("tiny-model", Json("memory", "--model", model, "--input-length", "10").Single().GetProperty("ModelName").GetString());
        }

        [Fact]
        public void A_user_catalog_adds_names_by_option_and_by_environment_variable()
        {
            using var folder = new TempFolder();
            string catalog = folder.Write("mine.yaml", "models:\n" + Indent(TinyModel) + "gpus:\n" + Indent(MyGpu));
            string[] latency = { "latency", "--model", "tiny-model", "--hardware", "MY-GPU", "--input-length", "100", "--output-length", "10" };

            Assert.Equal(1, Run(latency).ExitCode);
            var viaOption = Run(latency.Concat(new[] { "--catalog", catalog }).ToArray());
            Assert.Equal(0, viaOption.ExitCode);
            Assert.StartsWith("tiny-model", viaOption.Output.Split('\n')[2]);

            string? saved = Environment.GetEnvironmentVariable(CatalogSet.PathEnvironmentVariable);
            try
            {
                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, catalog);
                Assert.Equal(0, Run(latency).ExitCode);
                Assert.Equal("my-gpu", Json("hardware", "my-*").Single().GetProperty("Name").GetString());
            }
            finally
            {
                Environment.SetEnvironmentVariable(CatalogSet.PathEnvironmentVariable, saved);
            }
        }

        [Fact]
        public void A_malformed_config_json_is_bad_input_with_file_and_line()
        {
            using var folder = new TempFolder();
            string config = folder.Write("config.json", Llama2Config.Replace("\"num_hidden_layers\": 32,", "\"num_hidden_layers\": [32,"));
            string message = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(config)).Message;
            Assert.StartsWith(config + ":", message);
            FailsWith(message, "memory", "--model", config, "--input-length", "10");
        }

        [Fact]
        public void A_partial_config_json_names_the_missing_field()
        {
            using var folder = new TempFolder();
            string config = folder.Write("config.json", Llama2Config.Replace("  \"num_hidden_layers\": 32,\n", string.Empty).Replace("  \"num_hidden_layers\": 32,\r\n", string.Empty));
            string message = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(config)).Message;
            Assert.Contains("num_hidden_layers", message);
            FailsWith(message, "cost", "--model", config, "--input-length", "10");
        }

        [Fact]
        public void A_malformed_user_catalog_is_bad_input()
        {
            using var folder = new TempFolder();
            string catalog = folder.Write("broken.yaml", "models:\n  - name: x\n    layers: many\n");
            string message = Assert.Throws<CatalogDataException>(() => CatalogSet.Load(new[] { catalog }, includeEnvironment: false)).Message;
            Assert.Contains("layers", message);
            FailsWith(message, "models", "--catalog", catalog);
        }

        [Fact]
        public void An_unreadable_file_is_bad_input()
        {
            using var folder = new TempFolder();
            string binary = Path.Combine(folder.Path, "weights.bin");
            File.WriteAllBytes(binary, new byte[] { 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x00, 0x00, 0x80 });
            string message = Assert.Throws<CatalogDataException>(() => CatalogFile.ReadModel(binary)).Message;
            FailsWith(message, "memory", "--model", binary, "--input-length", "10");
        }

        [Fact]
        public void A_missing_file_is_an_unknown_name()
        {
            string missing = Path.Combine(Path.GetTempPath(), "inferencelab-no-such-dir", "config.json");
            FailsWith(Assert.Throws<NotFoundException>(() => CatalogSet.BuiltIn.ResolveModel(missing)).Message, "memory", "--model", missing, "--input-length", "10");
        }

        [Fact]
        public void Import_warnings_go_to_stderr_and_the_result_still_prints()
        {
            using var folder = new TempFolder("llama-2-7b");
            string config = folder.Write("config.json", Llama2Config.Replace("\"vocab_size\": 32000", "\"vocab_size\": 32000,\n  \"my_new_attention_trick\": 3"));
            var run = Run("memory", "--model", config, "--input-length", "10", "--format", "json");
            Assert.Equal(0, run.ExitCode);
            var warning = Assert.Single(run.ErrorLines);
            Assert.StartsWith("warning: " + config + ": my_new_attention_trick: ", warning);
            Assert.Single(run.Json());
        }

        private static string Indent(string entry) =>
            string.Concat(entry.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => (i == 0 ? "  - " : "    ") + line + "\n"));
    }
}
