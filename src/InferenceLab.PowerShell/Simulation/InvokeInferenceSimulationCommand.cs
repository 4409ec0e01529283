using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Simulation;
using InferenceLab.PowerShell.Efficiency;

namespace InferenceLab.PowerShell.Simulation
{
    /// <summary>
    /// Simulates a vLLM-style server (issue 8) under Poisson arrivals (-RequestRate), a closed loop of clients (-Clients) or
    /// a trace (-TracePath): continuous batching with chunked prefill, a paged KV cache sized from the memory model (or,
    /// with -Engine vllm, sglang or tensorrt-llm, the engine's start-up pool), recompute preemption, every iteration timed by
    /// Core's step cost with an engine's efficiency factors (-Engine; generic by default) or the pure roofline (-Roofline). One SimulationSummary per combination of
    /// -TensorParallel, the rates or client counts, -InputLength and -OutputLength, or with -PerRequest one SimulatedRequest
    /// per request. Each run reports its progress with Write-Progress.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "InferenceSimulation", DefaultParameterSetName = RateSet)]
    [OutputType(typeof(SimulationSummary), typeof(SimulatedRequest))]
    public sealed class InvokeInferenceSimulationCommand : DeploymentCommand
    {
        /// <summary>The parameter set of Poisson arrivals.</summary>
        public const string RateSet = "Rate";

        /// <summary>The parameter set of a closed loop of clients.</summary>
        public const string ClientsSet = "Clients";

        /// <summary>The parameter set of a trace file.</summary>
        public const string TraceSet = "Trace";

        /// <summary>Requests per run when -RequestCount is not given.</summary>
        public const int DefaultRequestCount = 1000;

        private CancellationTokenSource? cancellation;

        /// <summary>Poisson arrivals: mean requests per second; each rate is a point of the sweep.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RateSet)]
        [ValidateNotNullOrEmpty]
        public double[] RequestRate { get; set; } = null!;

        /// <summary>Closed loop: clients that each send their next request as soon as the last one completes; each count is a point.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientsSet)]
        [ValidateNotNullOrEmpty]
        public int[] Clients { get; set; } = null!;

        /// <summary>A CSV trace: arrival seconds, prompt tokens and output tokens per line (a header line, blank lines and # comments are skipped).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TraceSet)]
        [ValidateNotNullOrEmpty]
        public string TracePath { get; set; } = null!;

        /// <summary>Prompt tokens of every request; each length is a point. Or -InputLengthDistribution.</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        public int[]? InputLength { get; set; }

        /// <summary>Prompt lengths drawn per request: <c>uniform:MIN:MAX</c> or <c>lognormal:MEAN:SIGMA[:MAX]</c> (or a fixed count).</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("InputLengths")]
        public string? InputLengthDistribution { get; set; }

        /// <summary>Output tokens of every request; each length is a point. Or -OutputLengthDistribution.</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        public int[]? OutputLength { get; set; }

        /// <summary>Output lengths drawn per request, as -InputLengthDistribution.</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        [Alias("OutputLengths")]
        public string? OutputLengthDistribution { get; set; }

        /// <summary>Requests per run; default 1000.</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        public int RequestCount { get; set; } = DefaultRequestCount;

        /// <summary>Seed of the random arrivals and lengths; the same seed gives the same run on every platform. Default 0.</summary>
        [Parameter(ParameterSetName = RateSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ClientsSet, ValueFromPipelineByPropertyName = true)]
        public int Seed { get; set; }

        /// <summary>Most sequences running at once (vLLM's max_num_seqs); default 256.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int MaxNumSeqs { get; set; } = SchedulerSettings.DefaultMaxNumSeqs;

        /// <summary>Tokens per KV-cache block; default 16.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int BlockSize { get; set; } = SchedulerSettings.DefaultBlockSize;

        /// <summary>Admission order of waiting requests: FirstComeFirstServed (default) or ShortestPromptFirst.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SchedulingPolicy SchedulingPolicy { get; set; } = SchedulingPolicy.FirstComeFirstServed;

        /// <summary>
        /// The serving engine whose calibrated efficiency factors time the iterations (tensorrt-llm, vllm, sglang, llama.cpp);
        /// default generic. vllm, sglang and tensorrt-llm also size the KV cache as their start-up pool.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Engine { get; set; }

        /// <summary>Fraction of the dense peak large GEMMs reach, [1e-6, 1], judged by Core; replaces the engine profile's (your own calibration).</summary>
        [Parameter]
        public double? ComputeEfficiency { get; set; }

        /// <summary>Fraction of peak bandwidth weight and KV streams reach, [1e-6, 1], judged by Core; replaces the engine profile's.</summary>
        [Parameter]
        public double? MemoryEfficiency { get; set; }

        /// <summary>One SimulatedRequest per request instead of the summary.</summary>
        [Parameter]
        public SwitchParameter PerRequest
        {
            get => PerRequestRequested;
            set => PerRequestRequested = value.IsPresent;
        }

        /// <summary>The pure roofline bound: peak compute and bandwidth, no overheads (efficiency 1.0 / 1.0 / 0); ignores -Engine's factors and the efficiencies, not its KV pool.</summary>
        [Parameter]
        public SwitchParameter Roofline
        {
            get => RooflineRequested;
            set => RooflineRequested = value.IsPresent;
        }

        /// <summary><see cref="PerRequest"/> as a bool, which tests can set (SwitchParameter is a stub outside PowerShell).</summary>
        internal bool PerRequestRequested { get; set; }

        /// <summary><see cref="Roofline"/> as a bool, which tests can set.</summary>
        internal bool RooflineRequested { get; set; }

        /// <summary><see cref="TracePath"/> resolved through the session's provider paths (relative to $PWD); null until ProcessRecord resolves it.</summary>
        internal string? ResolvedTracePath { get; set; }

        /// <inheritdoc />
        internal override string? HardwarePurpose => "A serving simulation";

        /// <inheritdoc />
        internal override EfficiencyProfile? Efficiency => EngineProfiles.EfficiencyFor(Engine, RooflineRequested, ComputeEfficiency, MemoryEfficiency);

        /// <summary>The engine profile named by -Engine, or null without one; it sizes the KV cache when it has a memory model.</summary>
        /// <exception cref="NotFoundException">No engine profile has that name.</exception>
        internal EngineProfile? EngineProfile => Engine == null ? null : EngineProfiles.Get(Engine);

        /// <summary>The parameter set, from what is bound (PowerShell binds only the chosen set's parameters), so tests need no runspace.</summary>
        private string Set => TracePath != null ? TraceSet : Clients != null ? ClientsSet : RateSet;

        /// <summary>
        /// The runs of this call: one Core SimulationRequest per combination of TP, rate (or clients), input length and output
        /// length, TP slowest; or one per TP for a trace. Lengths, the trace and the scheduler that cannot be built fail once.
        /// </summary>
        internal IEnumerable<Planned<SimulationRequest>> Plan()
        {
            SchedulerSettings scheduler;
            EngineProfile? engine;
            try
            {
                scheduler = new SchedulerSettings(MaxNumSeqs, MaxBatchedTokens, BlockSize, SchedulingPolicy);

                // Resolved even with -Roofline, which replaces only the timing factors: the named engine still sizes the KV pool.
                engine = EngineProfile;
            }
            catch (InferenceLabException error)
            {
                return new[] { Planned<SimulationRequest>.Failed(error, DescribePoint()) };
            }

            return Set == TraceSet ? PlanTrace(scheduler, engine) : PlanGenerated(scheduler, engine);
        }

        /// <summary>How many runs the call makes, for the sweep's progress.</summary>
        internal long RunCount() =>
            Set == TraceSet
                ? TensorParallel.Length
                : (long)TensorParallel.Length * (Set == ClientsSet ? Clients.Length : RequestRate.Length)
                    * Math.Max(1, InputLength?.Length ?? 1) * Math.Max(1, OutputLength?.Length ?? 1);

        /// <summary>The Core call of one run: the summary, or every request with -PerRequest.</summary>
        internal static IEnumerable<object> Compute(SimulationRequest request, IProgress<SimulationProgress>? progress, CancellationToken cancellationToken)
        {
            var result = Simulator.Run(request, progress, cancellationToken);
            return request.IncludeRequests ? result.Requests : new object[] { result.Summary };
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Set == TraceSet && !TryResolveTracePath())
            {
                return;
            }

            using (cancellation = new CancellationTokenSource())
            {
                var progress = new SimulationProgressWriter(this);
                try
                {
                    Emit(Plan(), RunCount(), request =>
                    {
                        try
                        {
                            return Compute(request, progress, cancellation.Token);
                        }
                        finally
                        {
                            progress.Complete();
                        }
                    });
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <inheritdoc />
        protected override void StopProcessing() => cancellation?.Cancel();

        private IEnumerable<Planned<SimulationRequest>> PlanTrace(SchedulerSettings scheduler, EngineProfile? engine)
        {
            string path = ResolvedTracePath ?? TracePath;
            IReadOnlyList<TraceEntry> entries;
            try
            {
                entries = TraceReader.Read(path);
            }
            catch (InferenceLabException error)
            {
                return new[] { Planned<SimulationRequest>.Failed(error, path) };
            }

            return PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel },
                (deployment, c) => new SimulationRequest(deployment, Workload.FromTrace(entries, path), scheduler, PerRequestRequested, engine),
                c => DescribePoint("TensorParallel", c[0], "TracePath", path));
        }

        private IEnumerable<Planned<SimulationRequest>> PlanGenerated(SchedulerSettings scheduler, EngineProfile? engine)
        {
            IReadOnlyList<LengthDistribution> inputs;
            IReadOnlyList<LengthDistribution> outputs;
            try
            {
                inputs = LengthDistribution.FromOptions(InputLength, InputLengthDistribution, "InputLength");
                outputs = LengthDistribution.FromOptions(OutputLength, OutputLengthDistribution, "OutputLength");
            }
            catch (InferenceLabException error)
            {
                return new[] { Planned<SimulationRequest>.Failed(error, DescribePoint()) };
            }

            bool closedLoop = Set == ClientsSet;
            int loads = closedLoop ? Clients.Length : RequestRate.Length;
            return PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, Enumerable.Range(0, loads).ToArray(), Enumerable.Range(0, inputs.Count).ToArray(), Enumerable.Range(0, outputs.Count).ToArray() },
                (deployment, c) =>
                {
                    var workload = closedLoop
                        ? Workload.ClosedLoop(Clients[c[1]], RequestCount, inputs[c[2]], outputs[c[3]], Seed)
                        : Workload.Poisson(RequestRate[c[1]], RequestCount, inputs[c[2]], outputs[c[3]], Seed);
                    return new SimulationRequest(deployment, workload, scheduler, PerRequestRequested, engine);
                },
                c => DescribePoint(
                    "TensorParallel", c[0],
                    closedLoop ? "Clients" : "RequestRate", closedLoop ? (object)Clients[c[1]] : RequestRate[c[1]],
                    "InputLength", inputs[c[2]],
                    "OutputLength", outputs[c[3]]));
        }

        /// <summary>Resolves -TracePath through the provider (relative to $PWD, PSDrives allowed); a path elsewhere is one error.</summary>
        private bool TryResolveTracePath()
        {
            try
            {
                ResolvedTracePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(TracePath, out ProviderInfo provider, out _);
                if (provider.Name != "FileSystem")
                {
                    WriteInferenceError(new InvalidInputException("PathNotFileSystem", "TracePath", Format("'{0}' is on the {1} provider; give a file system path.", TracePath, provider.Name)), TracePath);
                    return false;
                }

                return true;
            }
            catch (SessionStateException error)
            {
                WriteError(new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, TracePath));
                return false;
            }
        }
    }
}
