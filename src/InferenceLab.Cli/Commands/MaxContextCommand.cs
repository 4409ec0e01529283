using System.CommandLine;
using InferenceLab.Core.Memory;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab max-context</c>: the longest context that fits (Get-MaxContextLength); with --engine, that the engine's start-up KV pool holds.</summary>
    internal static class MaxContextCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "max-context",
                "The longest context per sequence that fits a GPU at a batch size, and what limits it: Memory, ModelMaxPositions or WeightsDoNotFit (Get-MaxContextLength). With --engine, the longest that the engine's start-up KV pool holds for the batch (limited also by MaxModelLength).",
                "# How long a context can 1, 4 or 16 sequences of Llama-3.1-8B hold on an H100?",
                "inferencelab max-context --model llama-3.1-8b --hardware h100-sxm --batch-size 1,4,16",
                "# With an fp8 KV cache on two GPUs",
                "inferencelab max-context --model llama-3.1-70b --hardware h100-sxm --tensor-parallel 2 --kv-cache-type fp8",
                "# The longest max_model_len vLLM's KV pool holds for 1 and 8 sequences at once",
                "inferencelab max-context --model llama-3.1-8b --hardware h100-sxm --batch-size 1,8 --engine vllm");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: true, chunkedPrefill: true);
            var batch = CliOptions.Integers("--batch-size", "Concurrent sequences.", 1);
            var engine = EngineOptions.ForMemory();
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);
            deployment.AddTo(command);
            engine.AddTo(command);
            command.Options.Add(batch);
            command.Options.Add(format);
            charts.AddTo(command);
            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                if (!engine.TryMemoryBudget(parse, deployment, run, out var profile, out var settings))
                {
                    return run.Finish();
                }

                run.Chart = charts.Start(parse, run);
                foreach (var d in deployment.Deployments(parse, context, run, efficiency: null))
                {
                    foreach (var v in Grid.Combinations(parse.GetValue(batch)!))
                    {
                        run.Emit(() => new object[]
                        {
                            profile != null
                                ? EngineMemoryBudgets.MaxContextLength(d, profile, settings!, v[0]!.Value)
                                : (object)MemoryLimits.MaxContextLength(d, v[0]!.Value),
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
