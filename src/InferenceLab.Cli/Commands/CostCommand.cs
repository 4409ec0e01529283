using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Cost;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab cost</c>: FLOPs and bytes of a forward step (Measure-InferenceCost).</summary>
    internal static class CostCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "cost",
                "FLOPs and bytes of a prefill or decode step on one GPU of the tensor-parallel group: weights, KV cache and activations moved, arithmetic intensity (Measure-InferenceCost). --per-operator prints one row per operator.",
                "# The prefill and the first decode step of a 2048-token prompt",
                "inferencelab cost --model llama-3.1-8b --input-length 2048",
                "# Decode at batch 32 over 8192 cached tokens, per operator",
                "inferencelab cost --model llama-3.1-8b --phase decode --batch-size 32 --input-length 1024 --context-length 8192 --per-operator");
            var deployment = new DeploymentOptions(hardwareRequired: false, memorySettings: false, chunkedPrefill: false);
            var shape = new StepShapeOptions();
            var perOperator = CliOptions.Flag("--per-operator", "One row per operator (QkvProjection, Attention, Mlp, LmHead, ...) instead of one per step.");
            var format = CliOptions.Format();
            deployment.AddTo(command);
            shape.AddTo(command);
            command.Options.Add(perOperator);
            command.Options.Add(format);
            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                bool operators = parse.GetValue(perOperator);
                foreach (var d in deployment.Deployments(parse, context, run, efficiency: null))
                {
                    foreach (var step in shape.Steps(parse))
                    {
                        run.Emit(() =>
                        {
                            var cost = CostEstimator.Step(step.ScenarioOf(d), step.Phase, step.ContextLength);
                            // The operators the model has, as Measure-InferenceCost prints them: a dense model has no router, a model without windows no window attention.
                            return operators ? cost.Operators.Cast<object>() : new object[] { cost };
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
