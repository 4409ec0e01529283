using System.CommandLine;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Time;

namespace InferenceLab.Cli.Commands
{
    /// <summary><c>inferencelab latency</c>: TTFT, TPOT, end-to-end time and throughput (Measure-InferenceLatency).</summary>
    internal static class LatencyCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "latency",
                "Time to first token, time per output token, end-to-end time and throughput of a batch of requests (Measure-InferenceLatency). Times use an engine's calibrated efficiency factors (--engine; generic by default); --roofline gives the pure hardware bound.",
                "# Llama-3.1-8B on an H100 at batch 1 and 16",
                "inferencelab latency --model llama-3.1-8b --hardware h100-sxm --batch-size 1,16 --input-length 2048 --output-length 256",
                "# The pure roofline bound of Llama-3.1-70B on four GPUs, as JSON",
                "inferencelab latency --model llama-3.1-70b --hardware h100-sxm --tensor-parallel 4 --input-length 1024 --output-length 128 --roofline --format json",
                "# With TensorRT-LLM's calibrated factors",
                "inferencelab latency --model llama-3.1-8b --hardware h100-sxm --engine tensorrt-llm --batch-size 64 --input-length 1024 --output-length 256",
                "# Throughput against batch size on two GPUs, charted",
                "inferencelab latency --model llama-3.1-8b --hardware a100-sxm-80gb,h100-sxm --batch-size 1,2,4,8,16,32,64 --input-length 1024 --output-length 256 --chart throughput.svg --x BatchSize --y OutputTokensPerSecond");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: false, chunkedPrefill: true);
            var request = new RequestShapeOptions();
            var roofline = CliOptions.Flag("--roofline", "Pure roofline bound: peak FLOP/s and bandwidth, no overheads.");
            var engine = EngineOptions.ForTime();
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);
            deployment.AddTo(command);
            request.AddTo(command);
            engine.AddTo(command);
            command.Options.Add(roofline);
            command.Options.Add(format);
            charts.AddTo(command);
            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                if (!run.TryGet(() => engine.Efficiency(parse, parse.GetValue(roofline)), out EfficiencyProfile efficiency))
                {
                    return run.Finish();
                }

                run.Chart = charts.Start(parse, run);
                foreach (var d in deployment.Deployments(parse, context, run, efficiency))
                {
                    foreach (var v in request.Combinations(parse))
                    {
                        run.Emit(() => new object[] { LatencyEstimator.Estimate(new Scenario(d, v[0], v[1], v[2])) });
                    }
                }

                return run.Finish();
            });
            return command;
        }
    }
}
