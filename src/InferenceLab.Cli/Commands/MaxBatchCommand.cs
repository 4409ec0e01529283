using System.CommandLine;
using InferenceLab.Core.Memory;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab max-batch</c>: the most concurrent sequences that fit (Get-MaxBatchSize).</summary>
    internal static class MaxBatchCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "max-batch",
                "The most sequences of a context length that fit a GPU at once, and the KV-cache capacity in tokens left after weights, activations and reserve (Get-MaxBatchSize).",
                "# How many 4096-token sequences of Llama-3.1-8B fit an A100 80GB?",
                "inferencelab max-batch --model llama-3.1-8b --hardware a100-sxm-80gb --context-length 4096",
                "# At three context lengths, prompts of 1024 tokens",
                "inferencelab max-batch --model llama-3.1-8b --hardware h100-sxm --context-length 2048,4096,8192 --input-length 1024",
                "# The concurrency vLLM would print at start-up for 8192-token requests",
                "inferencelab max-batch --model llama-3.1-8b --hardware h100-sxm --context-length 8192 --engine vllm --memory-utilization 0.95 --max-model-length 8192");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: true, chunkedPrefill: true);
            var contextLength = CliOptions.Integers("--context-length", "Tokens each sequence holds: prompt + output.");
            var input = CliOptions.OptionalIntegers("--input-length", "Prompt tokens per sequence, which set the prefill's activation peak. Default: the context length.");
            var engine = EngineOptions.ForMemory();
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);
            deployment.AddTo(command);
            engine.AddTo(command);
            command.Options.Add(contextLength);
            command.Options.Add(input);
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
                    foreach (var v in Grid.Combinations(parse.GetValue(contextLength)!, parse.GetValue(input)!))
                    {
                        run.Emit(() => new object[]
                        {
                            profile != null
                                ? EngineMemoryBudgets.Compute(d, profile, settings!, v[0]!.Value)
                                : (object)MemoryLimits.MaxBatchSize(d, v[0]!.Value, v[1]),
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
