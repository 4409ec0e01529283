using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Simulation;

namespace InferenceLab.Cli.Commands
{
    /// <summary>
    /// <c>inferencelab simulate</c>: a vLLM-style server under a workload, one SimulationSummary per combination of the
    /// deployment options and the request rates or client counts, or one SimulatedRequest per request with --per-request
    /// (Invoke-InferenceSimulation).
    /// </summary>
    internal static class SimulateCommand
    {
        /// <summary>Requests per run when --request-count is not given.</summary>
        public const int DefaultRequestCount = 1000;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var command = new ExampleCommand(
                "simulate",
                "Simulates a vLLM-style server (continuous batching, chunked prefill, paged KV cache, recompute preemption) under Poisson arrivals, a closed loop of clients or a trace; every iteration is timed by the same step cost as latency, with an engine's calibrated efficiency factors (--engine; generic by default) or the pure roofline (--roofline). With --engine vllm, sglang or tensorrt-llm the KV cache is that engine's start-up pool under the scheduler options. Prints latency percentiles, throughput and KV-cache use (Invoke-InferenceSimulation).",
                "# TTFT and TPOT percentiles of Llama-3.1-8B on an H100 at three request rates",
                "inferencelab simulate --model llama-3.1-8b --hardware h100-sxm --request-rate 2,5,8 --request-count 300 --input-length 2048 --output-length 256",
                "# Sixteen clients with log-normal prompts, one row per request as CSV",
                "inferencelab simulate --model llama-3.1-8b --hardware a100-sxm-80gb --clients 16 --request-count 200 --input-length-distribution lognormal:1024:0.8:8000 --output-length-distribution uniform:64:512 --per-request --format csv",
                "# Shortest prompt first with a smaller token budget",
                "inferencelab simulate --model qwen3-8b --hardware l40s --engine vllm --request-rate 3 --request-count 300 --input-length-distribution uniform:100:4000 --output-length 200 --scheduling-policy spf --max-batched-tokens 2048",
                "# Where the TTFT p99 turns up as the load grows, charted",
                "inferencelab simulate --model llama-3.1-8b --hardware h100-sxm --request-rate 1,2,4,6,8,10 --request-count 300 --input-length 2048 --output-length 256 --chart ttft-p99.svg --x RequestRatePerSecond --y TimeToFirstTokenP99Seconds");
            var deployment = new DeploymentOptions(hardwareRequired: true, memorySettings: true, chunkedPrefill: false);
            var rate = CliOptions.OptionalReals("--request-rate", "R[,R...]", "Poisson arrivals: mean requests per second. One of --request-rate, --clients, --trace-path.");
            var clients = CliOptions.OptionalIntegers("--clients", "Closed loop: clients that each send a request as soon as their last one completes.");
            var trace = new Option<string?>("--trace-path", "--trace")
            {
                Description = "A CSV trace: arrival seconds, prompt tokens, output tokens per line (a header line, blank lines and # comments are skipped).",
                HelpName = "PATH",
            };
            var count = CliOptions.Integer("--request-count", "Requests per run with --request-rate or --clients.", DefaultRequestCount);
            var input = CliOptions.OptionalIntegers("--input-length", "Prompt tokens of every request; a list runs once per length. Or --input-length-distribution.");
            var inputDistribution = new Option<string?>("--input-length-distribution") { Description = "Prompt lengths drawn per request: uniform:MIN:MAX or lognormal:MEAN:SIGMA[:MAX] (or a fixed N).", HelpName = "DIST" };
            var output = CliOptions.OptionalIntegers("--output-length", "Output tokens of every request; a list runs once per length. Or --output-length-distribution.");
            var outputDistribution = new Option<string?>("--output-length-distribution") { Description = "Output lengths drawn per request, as --input-length-distribution.", HelpName = "DIST" };
            var seed = CliOptions.Integer("--seed", "Seed of the random arrivals and lengths; the same seed gives the same run.", 0);
            var maxNumSeqs = CliOptions.Integer("--max-num-seqs", "Most sequences running at once (vLLM's max_num_seqs).", SchedulerSettings.DefaultMaxNumSeqs);
            var maxBatchedTokens = CliOptions.Integer("--max-batched-tokens", "Most tokens one iteration processes, decodes first, then prefill chunks (vLLM's max_num_batched_tokens).", SchedulerSettings.DefaultMaxBatchedTokens);
            var blockSize = CliOptions.Integer("--block-size", "Tokens per KV-cache block.", SchedulerSettings.DefaultBlockSize);
            var policy = new Option<string>("--scheduling-policy")
            {
                Description = "Admission order of waiting requests: fcfs (first come, first served) or spf (shortest prompt first).",
                HelpName = "fcfs|spf",
                DefaultValueFactory = _ => "fcfs",
            };
            var perRequest = CliOptions.Flag("--per-request", "One row per request (SimulatedRequest) instead of the summary.");
            var engine = EngineOptions.ForSimulation();
            var roofline = CliOptions.Flag("--roofline", "Pure roofline bound: peak FLOP/s and bandwidth, no overheads; ignores --engine's factors, not its KV pool.");
            var format = CliOptions.Format();
            var charts = new ChartOptions(roofline: false);

            deployment.AddTo(command);
            engine.AddTo(command);
            foreach (var option in new Option[] { rate, clients, trace, count, input, inputDistribution, output, outputDistribution, seed, maxNumSeqs, maxBatchedTokens, blockSize, policy, perRequest, roofline, format })
            {
                command.Options.Add(option);
            }

            charts.AddTo(command);

            command.Validators.Add(result =>
            {
                int sources = (CliOptions.IsGiven(result, rate) ? 1 : 0) + (CliOptions.IsGiven(result, clients) ? 1 : 0) + (CliOptions.IsGiven(result, trace) ? 1 : 0);
                if (sources != 1)
                {
                    result.AddError("Give exactly one workload: --request-rate, --clients or --trace-path.");
                }
                else if (CliOptions.IsGiven(result, trace))
                {
                    if (new Option[] { input, inputDistribution, output, outputDistribution, count, seed }.Any(o => CliOptions.IsGiven(result, o)))
                    {
                        result.AddError("--trace-path gives every request's arrival and lengths; leave out the length options, --request-count and --seed.");
                    }
                }
                else
                {
                    foreach (var (fixedLength, distribution) in new[] { ((Option)input, (Option)inputDistribution), (output, outputDistribution) })
                    {
                        bool hasFixed = CliOptions.IsGiven(result, fixedLength);
                        if (hasFixed == CliOptions.IsGiven(result, distribution))
                        {
                            result.AddError($"Give one of {fixedLength.Name} and {distribution.Name} with --request-rate or --clients.");
                        }
                    }
                }
            });

            command.SetAction(parse =>
            {
                var run = new CommandRun(context, parse.GetValue(format));
                if (!run.TryGet(() => Workloads(parse, rate, clients, trace, count, input, inputDistribution, output, outputDistribution, seed), out IReadOnlyList<System.Func<Workload>> workloads)
                    || !run.TryGet(() => new SchedulerSettings(parse.GetValue(maxNumSeqs), parse.GetValue(maxBatchedTokens), parse.GetValue(blockSize), SchedulerSettings.ParsePolicy(parse.GetValue(policy)!)), out SchedulerSettings scheduler))
                {
                    return run.Finish();
                }

                if (!run.TryGet(() => engine.Efficiency(parse, parse.GetValue(roofline)), out EfficiencyProfile efficiency))
                {
                    return run.Finish();
                }

                // Resolved even with --roofline, which replaces only the timing: the named engine still sizes the KV pool.
                EngineProfile? profile = null;
                if (engine.HasEngine(parse) && !run.TryGet(() => engine.Profile(parse), out profile))
                {
                    return run.Finish();
                }

                run.Chart = charts.Start(parse, run);

                bool requests = parse.GetValue(perRequest);
                foreach (var d in deployment.Deployments(parse, context, run, efficiency))
                {
                    foreach (var workload in workloads)
                    {
                        run.Emit(() =>
                        {
                            var result = Simulator.Run(new SimulationRequest(d, workload(), scheduler, requests, profile));
                            return requests ? result.Requests : new object[] { result.Summary };
                        });
                    }
                }

                return run.Finish();
            });
            return command;
        }

        /// <summary>
        /// One workload per combination of request rate (or client count), input length and output length, or the trace's;
        /// each made when its combination runs, so a bad rate is reported as that combination's error. The trace is read once.
        /// </summary>
        private static IReadOnlyList<System.Func<Workload>> Workloads(ParseResult parse, Option<IReadOnlyList<double>> rate, Option<IReadOnlyList<int>> clients, Option<string?> trace,
            Option<int> count, Option<IReadOnlyList<int>> input, Option<string?> inputDistribution, Option<IReadOnlyList<int>> output, Option<string?> outputDistribution, Option<int> seed)
        {
            string? tracePath = parse.GetValue(trace);
            if (tracePath != null)
            {
                var entries = TraceReader.Read(tracePath);
                return new System.Func<Workload>[] { () => Workload.FromTrace(entries, tracePath) };
            }

            var inputs = LengthDistribution.FromOptions(parse.GetValue(input), parse.GetValue(inputDistribution), "InputLength");
            var outputs = LengthDistribution.FromOptions(parse.GetValue(output), parse.GetValue(outputDistribution), "OutputLength");
            int requests = parse.GetValue(count);
            int seedValue = parse.GetValue(seed);
            var rates = parse.GetValue(rate)!;
            var clientCounts = parse.GetValue(clients)!;
            var workloads = new List<System.Func<Workload>>();
            int loads = rates.Count > 0 ? rates.Count : clientCounts.Count;
            foreach (var i in Grid.Indexes(loads, inputs.Count, outputs.Count))
            {
                var prompt = inputs[i[1]];
                var generated = outputs[i[2]];
                if (rates.Count > 0)
                {
                    double r = rates[i[0]];
                    workloads.Add(() => Workload.Poisson(r, requests, prompt, generated, seedValue));
                }
                else
                {
                    int c = clientCounts[i[0]];
                    workloads.Add(() => Workload.ClosedLoop(c, requests, prompt, generated, seedValue));
                }
            }

            return workloads;
        }
    }
}
