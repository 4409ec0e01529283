using System.CommandLine;
using InferenceLab.Core.Memory;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab memory</c>: memory per GPU and whether it fits (Get-InferenceMemory).</summary>
    internal static class MemoryCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "memory",
                "Memory one GPU needs for a batch: weights, KV cache, activations and runtime reserve, and whether they fit (Get-InferenceMemory). Without --output-length the sequences hold the prompt alone.",
                "# Does Llama-3.1-8B with 16 sequences of 4096 + 512 tokens fit an L40S?",
                "inferencelab memory --model llama-3.1-8b --hardware l40s --batch-size 16 --input-length 4096 --output-length 512",
                "# Three weight types, no GPU",
                "inferencelab memory --model llama-3.1-70b --weight-type bf16,fp8,int4 --input-length 2048",
                "# The KV-cache pool vLLM gives itself on an H100, and its concurrency for 8192-token requests",
                "inferencelab memory --model llama-3.1-8b --hardware h100-sxm --engine vllm --input-length 8192 --memory-utilization 0.95");
            var deployment = new DeploymentOptions(hardwareRequired: false, memorySettings: true, chunkedPrefill: true);
            var batch = CliOptions.Integers("--batch-size", "Concurrent sequences.", 1);
            var input = CliOptions.Integers("--input-length", "Prompt tokens per sequence (sets the prefill's activation peak).");
            var output = CliOptions.Integers("--output-length", "Generated tokens per sequence, held in the KV cache with the prompt; 0 for the prompt alone.", 0);
            var engine = EngineOptions.ForMemory();
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);
            deployment.AddTo(command);
            engine.AddTo(command);
            command.Options.Add(batch);
            command.Options.Add(input);
            command.Options.Add(output);
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
                    foreach (var v in Grid.Combinations(parse.GetValue(batch)!, parse.GetValue(input)!, parse.GetValue(output)!))
                    {
                        // Output 0 asks for the prompt alone in the cache (Core's rule, as Get-InferenceMemory); an engine's pool
                        // is reported with its concurrency at input + output tokens.
                        run.Emit(() => new object[]
                        {
                            profile != null
                                ? EngineMemoryBudgets.Compute(d, profile, settings!, v[1]!.Value + v[2]!.Value)
                                : (object)MemoryEstimator.Estimate(d, v[0]!.Value, v[1]!.Value, v[2]!.Value),
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
