using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// One command-line fuzz case: an argument vector built from a real command's real options (read from the command
    /// tree the application parses with), each with a value that is ordinary, extreme or wrong for it.
    /// </summary>
    internal sealed class CliCase
    {
        private CliCase(string[] args) => Args = args;

        public string[] Args { get; }

        /// <summary>Argument vectors for the commands of <paramref name="root"/>; <paramref name="files"/> supplies paths (catalogs, traces, charts).</summary>
        public static Gen<CliCase> Gen(Command root, FuzzFiles files)
        {
            var commands = root.Subcommands.ToArray();
            var chaotic =
                from command in FsCheck.Fluent.Gen.Elements(commands)
                from picks in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, 1000), 12)
                from values in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, int.MaxValue), 40)
                from shape in FsCheck.Fluent.Gen.Choose(0, 99)
                select new CliCase(Build(command, picks, values, shape, files));
            var ordinary =
                from command in FsCheck.Fluent.Gen.Elements(commands)
                from picks in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, int.MaxValue), 40)
                select new CliCase(BuildOrdinary(command, picks, files));
            return FsCheck.Fluent.Gen.Frequency((3, ordinary), (2, chaotic));
        }

        /// <summary>A vector a user could well type: the options a command needs, a few more, each with a plausible value.</summary>
        private static string[] BuildOrdinary(Command command, int[] picks, FuzzFiles files)
        {
            int next = 0;
            int Next() => picks[next++ % picks.Length];
            var args = new List<string> { command.Name };
            AddNames(command, args, Next(), files);
            var options = command.Options.ToDictionary(o => o.Name);
            void Add(string name)
            {
                if (!options.TryGetValue(name, out var option) || args.Contains(name))
                {
                    return;
                }

                args.Add(name);
                if (option.ValueType != typeof(bool))
                {
                    string[] pool = Plausible(name, option.ValueType, files);
                    args.Add(IsList(option) && Next() % 4 == 0
                        ? string.Join(",", pool[Next() % pool.Length], pool[Next() % pool.Length])
                        : pool[Next() % pool.Length]);
                }
            }

            string[] always = { "--model", "--hardware", "--input-length", "--output-length", "--context-length" };
            string[] sometimes =
            {
                "--batch-size", "--weight-type", "--kv-cache-type", "--activation-type", "--tensor-parallel", "--pipeline-parallel", "--memory-utilization",
                "--runtime-reserve-bytes", "--max-batched-tokens", "--phase", "--per-operator", "--roofline", "--engine", "--compute-efficiency",
                "--memory-efficiency", "--weight-group-size", "--max-num-seqs", "--block-size", "--scheduling-policy", "--seed", "--per-request",
            };
            bool simulate = command.Name == "simulate";
            int workload = Next() % 3;
            foreach (var name in always)
            {
                if (!(simulate && workload == 2 && (name == "--input-length" || name == "--output-length")))
                {
                    Add(name);
                }
            }

            for (int i = Next() % 4; i > 0; i--)
            {
                Add(sometimes[Next() % sometimes.Length]);
            }

            if (command.Name == "efficiency")
            {
                Add(new[] { "--ttft-seconds", "--tpot-seconds", "--output-tokens-per-second" }[Next() % 3]);
            }

            if (simulate)
            {
                args.RemoveAll(a => a == "--seed");
                Add(new[] { "--request-rate", "--clients", "--trace-path" }[workload]);
                if (workload != 2)
                {
                    args.Add("--request-count");
                    args.Add((1 + (Next() % 60)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (options.ContainsKey("--chart") && Next() % 6 == 0)
            {
                string[] axes = { "BatchSize", "InputLength", "TotalBytes", "TimeToFirstTokenSeconds", "OutputTokensPerSecond", "MaxContextLength", "Flops", "HardwareName" };
                args.AddRange(new[] { "--chart", files.ChartPath(), "--x", axes[Next() % axes.Length], "--y", axes[Next() % axes.Length] });
            }

            args.Add("--format");
            args.Add(Next() % 2 == 0 ? "json" : "csv");
            return args.ToArray();
        }

        private static string[] Plausible(string name, Type type, FuzzFiles files)
        {
            switch (name)
            {
                case "--model":
                    return new[] { "llama-3.1-8b", "llama-2-7b", "mixtral-8x7b", "deepseek-v3", "gemma-2-9b", "qwen3-30b-a3b", "gpt-oss-20b", "mistral-7b-v0.1", "llama-2-70b", files.ModelConfig, files.OddConfig };
                case "--hardware":
                    return new[] { "h100-sxm", "a100-sxm-80gb", "a10", "l4", "rtx-4090", "mi300x", "h200", files.GpuEntry };
                case "--batch-size":
                    return new[] { "1", "2", "8", "16", "64", "256" };
                case "--input-length":
                case "--output-length":
                    return new[] { "1", "16", "128", "512", "1024", "2048" };
                case "--context-length":
                    return new[] { "1", "512", "2048", "4096", "8192" };
                case "--tensor-parallel":
                    return new[] { "1", "2", "4", "8" };
                case "--pipeline-parallel":
                    return new[] { "1", "2" };
                case "--max-batched-tokens":
                    return new[] { "0", "512", "2048", "8192" };
                case "--memory-utilization":
                    return new[] { "0.5", "0.8", "0.9", "0.95" };
                case "--runtime-reserve-bytes":
                    return new[] { "0", "536870912", "2147483648" };
                case "--compute-efficiency":
                case "--memory-efficiency":
                    return new[] { "0.3", "0.6", "1" };
                case "--ttft-seconds":
                    return new[] { "0.02", "0.5", "2" };
                case "--tpot-seconds":
                    return new[] { "0.005", "0.03" };
                case "--output-tokens-per-second":
                    return new[] { "50", "1000", "20000" };
                case "--weight-group-size":
                    return new[] { "32", "64", "128" };
                case "--max-num-seqs":
                    return new[] { "1", "16", "256" };
                case "--block-size":
                    return new[] { "1", "16", "32" };
                case "--seed":
                    return new[] { "0", "7" };
                case "--request-rate":
                    return new[] { "0.5", "2", "20" };
                case "--clients":
                    return new[] { "1", "4", "32" };
                case "--weight-type":
                case "--kv-cache-type":
                case "--activation-type":
                    return new[] { "bf16", "fp16", "fp8", "int8", "int4" };
                case "--engine":
                    return new[] { "vllm", "sglang", "tensorrt-llm", "llama.cpp" };
                case "--phase":
                    return new[] { "prefill", "decode" };
                case "--scheduling-policy":
                    return new[] { "fcfs", "spf" };
                case "--trace-path":
                    return new[] { files.Trace };
                default:
                    return Pool(name, type, false, files);
            }
        }

        public override string ToString() => "inferencelab " + string.Join(" ", Args.Select(Quote));

        private static string[] Build(Command command, int[] picks, int[] values, int shape, FuzzFiles files)
        {
            var args = new List<string> { command.Name };
            AddNames(command, args, values[39], files);
            var options = command.Options.Where(o => o.Name != "--help" && o.Name != "-h" && o.Name != "-?").ToList();
            var required = options.Where(o => o.Required || o.Name == "--model" || o.Name == "--hardware" || o.Name == "--input-length" || o.Name == "--output-length").ToList();
            int next = 0;
            int Next() => values[next++ % values.Length];

            // Usually every option a command needs, then a few more at random; sometimes one needed option left out.
            var chosen = new List<Option>(required);
            if (shape < 8 && chosen.Count > 0)
            {
                chosen.RemoveAt(picks[0] % chosen.Count);
            }

            int extra = picks[1] % 6;
            for (int i = 0; i < extra && options.Count > 0; i++)
            {
                chosen.Add(options[picks[2 + i] % options.Count]);
            }

            bool simulate = command.Name == "simulate";
            if (simulate)
            {
                // A workload and a small request count, so a simulation finishes in milliseconds; extremes stay in the other options.
                if (shape >= 8)
                {
                    string[] workloads = { "--request-rate", "--clients", "--trace-path" };
                    chosen.Add(options.First(o => o.Name == workloads[picks[8] % 3]));
                }

                args.Add("--request-count");
                args.Add((1 + (Next() % 60)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                chosen.RemoveAll(o => o.Name == "--request-count");
            }

            int listed = 0;
            foreach (var option in chosen)
            {
                string name = option.Name;
                if (shape >= 90 && option.Aliases.Count > 0)
                {
                    name = option.Aliases.ElementAt(Next() % option.Aliases.Count);
                }

                if (option.ValueType == typeof(bool))
                {
                    args.Add(name);
                    continue;
                }

                bool list = listed < 2 && Next() % 5 == 0 && IsList(option);
                string value = list
                    ? string.Join(",", Enumerable.Range(0, 2 + (Next() % 2)).Select(_ => ValueFor(option, Next(), simulate, files)))
                    : ValueFor(option, Next(), simulate, files);
                listed += list ? 1 : 0;
                if (shape >= 95)
                {
                    args.Add(name + "=" + value);
                }
                else
                {
                    args.Add(name);
                    args.Add(value);
                }
            }

            // Now and then the vector itself is odd: an unknown option, a stray word, a dangling option, --format.
            switch (shape % 10)
            {
                case 0:
                    args.Add("--no-such-option");
                    break;
                case 1:
                    args.Add("stray");
                    break;
                case 2:
                    if (options.Count > 0)
                    {
                        args.Add(options[picks[9] % options.Count].Name);
                    }

                    break;
            }

            if (!args.Contains("--format"))
            {
                args.Add("--format");
                args.Add((picks[10] % 3) switch { 0 => "json", 1 => "csv", _ => "table" });
            }

            return args.ToArray();
        }

        /// <summary>Names, wildcards, regex metacharacters and paths for the commands that take NAME arguments (models, hardware).</summary>
        private static void AddNames(Command command, List<string> args, int pick, FuzzFiles files)
        {
            if (command.Arguments.Count == 0)
            {
                return;
            }

            string[] names =
            {
                "llama*", "*", "?", "llama-3.1-8b", "h100-sxm", "no-such-name", "[", "(", "\\", "*?*", "a|b", ".*", "", "🦙", "Llama-3.1-8B", "*8b",
                files.ModelConfig, files.GpuEntry, files.BrokenConfig, files.Missing, files.Folder, files.OddConfig,
            };
            for (int i = pick % 4; i > 0; i--)
            {
                args.Add(names[(pick / (i * 7)) % names.Length]);
            }
        }

        private static bool IsList(Option option) =>
            option.ValueType.IsGenericType && option.ValueType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

        private static string ValueFor(Option option, int pick, bool simulate, FuzzFiles files)
        {
            string[] pool = Pool(option.Name, option.ValueType, simulate, files);
            return pool[pick % pool.Length];
        }

        private static readonly string[] EdgeInts =
        {
            "1", "2", "8", "16", "64", "128", "512", "1024", "2048", "4096", "8192", "32768", "131072", "0", "-1", "2147483647", "2147483648",
            "-2147483648", "100000000", "100000001", "1000000000", "1.5", "1e3", "abc", "", " 8", "0x10", "٣",
        };

        private static readonly string[] EdgeReals =
        {
            "0.9", "0.5", "1", "0.01", "2e-3", "0", "-1", "1.5", "NaN", "Infinity", "-Infinity", "1e308", "1e309", "5e-324", "abc", "", "1,5", "1e-7",
            "1073741824", "1e15", "1e18",
        };

        private static string[] Pool(string name, Type type, bool simulate, FuzzFiles files)
        {
            switch (name)
            {
                case "--model":
                    return new[]
                    {
                        "llama-3.1-8b", "llama-2-7b", "mixtral-8x7b", "deepseek-v3", "gemma-2-9b", "qwen3-30b-a3b", "gpt-oss-20b", "mistral-7b-v0.1",
                        "LLAMA-3.1-8B", "meta-llama/Llama-3.1-8B", "no-such-model", "llama*", "*", "", files.ModelConfig, files.BrokenConfig, files.Missing, files.OddConfig,
                    };
                case "--hardware":
                    return new[] { "h100-sxm", "a100-sxm-80gb", "a10", "l4", "rtx-4090", "mi300x", "NVIDIA H100 80GB HBM3", "no-such-gpu", "h*", "", files.GpuEntry, files.Missing };
                case "--weight-type":
                case "--kv-cache-type":
                case "--activation-type":
                case "--ceiling-type":
                    return new[] { "bf16", "fp16", "fp8", "int8", "int4", "fp4", "fp32", "tf32", "e4m3", "nvfp4", "bfloat16", "fp7", "" };
                case "--engine":
                    return new[] { "vllm", "sglang", "tensorrt-llm", "llama.cpp", "generic", "VLLM", "nope", "" };
                case "--catalog":
                    return new[] { files.Catalog, files.BrokenCatalog, files.Missing, files.Folder };
                case "--trace-path":
                    return new[] { files.Trace, files.BrokenTrace, files.Missing, files.Folder };
                case "--chart":
                    return new[] { files.ChartPath(), files.ChartPath(), Path.Combine(files.Missing, "x.svg"), files.Folder, "" };
                case "--x":
                case "--y":
                    return new[] { "BatchSize", "InputLength", "OutputTokensPerSecond", "TimeToFirstTokenSeconds", "TotalBytes", "MaxContextLength", "HardwareName", "ModelName", "NoSuchProperty", "" };
                case "--series":
                    return new[] { "none", "ModelName", "HardwareName", "BatchSize", "Nope" };
                case "--x-scale":
                case "--y-scale":
                    return new[] { "auto", "linear", "log", "Log", "cubic" };
                case "--chart-width":
                case "--chart-height":
                    return new[] { "800", "100", "1", "0", "-5", "10000", "10001", "2147483647" };
                case "--chart-title":
                    return new[] { "Title", "", "<script>alert(1)</script>", "a & b \"c\"", "🦙" };
                case "--phase":
                    return new[] { "prefill", "decode", "Prefill", "both", "" };
                case "--format":
                    return new[] { "json", "csv", "table", "xml" };
                case "--scheduling-policy":
                    return new[] { "fcfs", "spf", "FCFS", "lifo" };
                case "--input-length-distribution":
                case "--output-length-distribution":
                    return new[] { "uniform:1:100", "uniform:16:2048", "lognormal:500:1", "lognormal:500:1:2000", "uniform:5:1", "uniform:a:b", "lognormal:1e9:5", "uniform:0:0", "lognormal:10:99", "normal:1:2", "" };
                case "--request-rate":
                    return new[] { "1", "5", "50", "0.5", "0", "-1", "1e9", "1e10", "NaN", "abc" };
                case "--clients":
                    return new[] { "1", "4", "16", "0", "-1", "1000000", "abc" };
                case "--seed":
                    return new[] { "0", "1", "42", "-1", "2147483647" };
                case "--input-length":
                case "--output-length":
                    return simulate ? new[] { "1", "16", "128", "512", "2048", "0", "-1", "200000", "abc" } : EdgeInts;
            }

            Type element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : Nullable.GetUnderlyingType(type) ?? type;
            if (element == typeof(double))
            {
                return EdgeReals;
            }

            if (element == typeof(int))
            {
                return EdgeInts;
            }

            if (element.IsEnum)
            {
                return Enum.GetNames(element).Concat(new[] { "nope" }).ToArray();
            }

            return new[] { "x", "", "1" };
        }

        private static string Quote(string arg) => arg.Length == 0 || arg.Any(char.IsWhiteSpace) ? "\"" + arg + "\"" : arg;
    }
}
