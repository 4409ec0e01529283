using System.CommandLine;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Cost;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab roofline</c>: where a step sits on a GPU's roofline (Measure-RooflinePoint).</summary>
    internal static class RooflineCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "roofline",
                "Where a prefill or decode step sits on a GPU's roofline: arithmetic intensity against the machine balance, memory- or compute-bound, attainable FLOP/s and pure-roofline time (Measure-RooflinePoint). --per-operator prints one point per operator.",
                "# Prefill and decode of a 2048-token prompt at batch 1 and 64",
                "inferencelab roofline --model llama-3.1-8b --hardware h100-sxm --batch-size 1,64 --input-length 2048",
                "# Which operators of a decode step are memory-bound?",
                "inferencelab roofline --model llama-3.1-8b --hardware a100-sxm-80gb --phase decode --batch-size 32 --input-length 4096 --per-operator");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: false, chunkedPrefill: false);
            var shape = new StepShapeOptions();
            var perOperator = CliOptions.Flag("--per-operator", "One point per operator (QkvProjection, Attention, Mlp, LmHead, ...) instead of one per step.");
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
                            var scenario = step.ScenarioOf(d);
                            return operators
                                ? RooflineAnalyzer.AnalyzeOperators(scenario, step.Phase, step.ContextLength).Cast<object>()
                                : new object[] { RooflineAnalyzer.Analyze(scenario, step.Phase, step.ContextLength) };
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
