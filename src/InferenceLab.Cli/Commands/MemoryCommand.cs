using System.Collections.Generic;
using System.CommandLine;
using InferenceLab.Core;
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
                "Memory one GPU needs for a batch: weights, KV cache, activations and runtime reserve, and whether they fit (Get-InferenceMemory). Give --input-length (with --output-length) for a request, or --context-length for sequences that hold that many tokens.",
                "# Does Llama-3.1-8B with 16 sequences of 4096 + 512 tokens fit an L40S?",
                "inferencelab memory --model llama-3.1-8b --hardware l40s --batch-size 16 --input-length 4096 --output-length 512",
                "# Three weight types, no GPU",
                "inferencelab memory --model llama-3.1-70b --weight-type bf16,fp8,int4 --input-length 2048");
            var deployment = new DeploymentOptions(hardwareRequired: false, memorySettings: true, chunkedPrefill: true);
            var batch = CliOptions.Integers("--batch-size", "Concurrent sequences.", 1);
            var input = CliOptions.OptionalIntegers("--input-length", "Prompt tokens per sequence (sets the prefill's activation peak).");
            var output = CliOptions.OptionalIntegers("--output-length", "Generated tokens per sequence. Default: 1 (the token the prefill yields).");
            var contextLength = CliOptions.OptionalIntegers("--context-length", "Tokens each sequence holds, instead of --input-length/--output-length: KV of every token, activations of prefilling them all.");
            var format = CliOptions.Format();
            deployment.AddTo(command);
            command.Options.Add(batch);
            command.Options.Add(input);
            command.Options.Add(output);
            command.Options.Add(contextLength);
            command.Options.Add(format);
            command.Validators.Add(result =>
            {
                bool byContext = CliOptions.IsGiven(result, contextLength);
                bool byRequest = CliOptions.IsGiven(result, input) || CliOptions.IsGiven(result, output);
                if (byContext && byRequest)
                {
                    result.AddError("Give --context-length, or --input-length with --output-length, not both.");
                }
                else if (!byContext && !CliOptions.IsGiven(result, input))
                {
                    result.AddError("Give --input-length (with --output-length) or --context-length.");
                }
            });

            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                foreach (var d in deployment.Deployments(parse, context, run, efficiency: null))
                {
                    foreach (var v in Grid.Combinations(parse.GetValue(batch)!, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(contextLength)!))
                    {
                        run.Emit(() => new object[]
                        {
                            v[3].HasValue
                                ? MemoryEstimator.EstimateContext(d, v[0]!.Value, v[3]!.Value)
                                : MemoryEstimator.Estimate(d, v[0]!.Value, v[1]!.Value, v[2] ?? 1),
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
