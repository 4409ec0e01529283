using System.Collections.Generic;
using System.CommandLine;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab efficiency</c>: MFU, MBU and roofline fraction from a measurement (Measure-InferenceEfficiency).</summary>
    internal static class EfficiencyCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "efficiency",
                "What a measured TTFT, TPOT or throughput says about a deployment: achieved FLOP/s and bandwidth per GPU, MFU, MBU and the fraction of the pure roofline reached (Measure-InferenceEfficiency). Give --ttft-seconds, --tpot-seconds and/or --output-tokens-per-second, for the scenario they were measured in: one report per measurement.",
                "# A measured 9.5 ms per output token at batch 16",
                "inferencelab efficiency --model llama-3.1-8b --hardware h100-sxm --batch-size 16 --input-length 2048 --output-length 256 --tpot-seconds 0.0095",
                "# A measured throughput of 2400 output tokens/s",
                "inferencelab efficiency --model llama-3.1-8b --hardware a100-sxm-80gb --batch-size 64 --input-length 512 --output-length 512 --output-tokens-per-second 2400");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: false, chunkedPrefill: true);
            var request = new RequestShapeOptions();
            var ttft = CliOptions.OptionalReal("--ttft-seconds", "SECONDS", "Measured time to first token (the prefill), s.", "--time-to-first-token-seconds");
            var tpot = CliOptions.OptionalReal("--tpot-seconds", "SECONDS", "Measured mean time per output token over the request's decode steps, s.", "--time-per-output-token-seconds");
            var throughput = CliOptions.OptionalReal("--output-tokens-per-second", "TOKENS/S", "Measured output tokens per second of the whole deployment, prefill included.");
            var roofline = CliOptions.Flag("--roofline", "Predict with the pure roofline instead of the engine's efficiency profile (PredictedSeconds).");
            var engine = EngineOptions.ForTime();
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);
            deployment.AddTo(command);
            request.AddTo(command);
            command.Options.Add(ttft);
            command.Options.Add(tpot);
            command.Options.Add(throughput);
            command.Options.Add(roofline);
            engine.AddTo(command);
            command.Options.Add(format);
            charts.AddTo(command);
            command.Validators.Add(result =>
            {
                if (!CliOptions.IsGiven(result, ttft) && !CliOptions.IsGiven(result, tpot) && !CliOptions.IsGiven(result, throughput))
                {
                    result.AddError("Give at least one measurement: --ttft-seconds, --tpot-seconds or --output-tokens-per-second.");
                }
            });

            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                if (!run.TryGet(() => engine.Efficiency(parse, parse.GetValue(roofline)), out EfficiencyProfile efficiency))
                {
                    return run.Finish();
                }

                run.Chart = charts.Start(parse, run);

                // In the order TTFT, TPOT, throughput, varying fastest, as Measure-InferenceEfficiency emits them.
                var measurements = new List<KeyValuePair<MeasuredMetric, double>>();
                Add(measurements, MeasuredMetric.TimeToFirstToken, parse.GetValue(ttft));
                Add(measurements, MeasuredMetric.TimePerOutputToken, parse.GetValue(tpot));
                Add(measurements, MeasuredMetric.OutputThroughput, parse.GetValue(throughput));
                foreach (var d in deployment.Deployments(parse, context, run, efficiency))
                {
                    foreach (var v in request.Combinations(parse))
                    {
                        foreach (var measured in measurements)
                        {
                            run.Emit(() => new object[] { EfficiencyAnalyzer.Analyze(new Scenario(d, v[0], v[1], v[2]), measured.Key, measured.Value) });
                        }
                    }
                }

                return run.Finish();
            });
            return command;
        }

        private static void Add(List<KeyValuePair<MeasuredMetric, double>> measurements, MeasuredMetric metric, double? value)
        {
            if (value.HasValue)
            {
                measurements.Add(new KeyValuePair<MeasuredMetric, double>(metric, value.Value));
            }
        }
    }
}
