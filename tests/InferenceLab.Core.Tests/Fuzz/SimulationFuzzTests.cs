using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Simulation;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Issue 10's fuzz of the serving simulator and its text inputs: mutated deployments (as in <see cref="CoreFuzzTests"/>)
    /// with length distributions, traces and scheduler settings written as a user writes them, ordinary or extreme. Each
    /// run gives a sane summary or a documented error; none hangs.
    /// </summary>
    public sealed class SimulationFuzzTests
    {
        /// <summary>Cases per run in CI (INFERENCELAB_FUZZ_CASES replaces it).</summary>
        public const int DefaultCases = FuzzSettings.SimulationCases;

        private static readonly string[] Lengths =
        {
            "1", "16", "128", "1024", "fixed:64", "uniform:1:256", "uniform:64:2048", "lognormal:300:1", "lognormal:200:0.5:1024", "lognormal:50:5",
            "0", "-1", "uniform:5:1", "uniform:0:0", "uniform:1:1000000001", "lognormal:0:1", "lognormal:1e9:5", "lognormal:10:6", "lognormal:NaN:1",
            "lognormal:10:1:x", "normal:1:2", "", " ", ":", "::", "uniform:", "fixed:", "2147483648", "1e3", "uniform:a:b", "lognormal:1e400:1", "🦙",
        };

        private static readonly string[] Traces =
        {
            "0,128,16\n0.5,512,32\n", "arrival,prompt,output\n0,64,8\n", "# comment\n\n1,1,1\n", "", "0,128\n", "0,128,16,4\n", "x,1,2\n0,1,1\n", "0,1,1\nx,1,2\n",
            "-1,5,5\n", "1e10,5,5\n", "NaN,5,5\n", "0,0,5\n", "0,5,0\n", "0,2147483648,5\n", "0,1.5,5\n", "0,5,5\r\n1,5,5\r\n", "\uFEFF0,5,5\n", "0,100000,4\n",
        };

        private readonly ITestOutputHelper output;

        public SimulationFuzzTests(ITestOutputHelper output) => this.output = output;

        private sealed class Case
        {
            public ScenarioCase Scenario { get; set; } = null!;

            public int Workload { get; set; }

            public double Rate { get; set; }

            public int Requests { get; set; }

            public string Input { get; set; } = string.Empty;

            public string Output { get; set; } = string.Empty;

            public string Trace { get; set; } = string.Empty;

            public int Seed { get; set; }

            public int MaxNumSeqs { get; set; }

            public int MaxBatchedTokens { get; set; }

            public int BlockSize { get; set; }

            public string Policy { get; set; } = string.Empty;

            /// <summary>The engine whose KV pool sizes the cache, or empty for none (the generic sizing).</summary>
            public string Engine { get; set; } = string.Empty;

            public override string ToString() =>
                $"{Scenario}; simulate workload {Workload} rate {Rate} requests {Requests} input '{Input}' output '{Output}' trace '{Trace.Replace("\n", "\\n")}' seed {Seed}, " +
                $"max-num-seqs {MaxNumSeqs}, max-batched-tokens {MaxBatchedTokens}, block {BlockSize}, policy '{Policy}', engine '{Engine}'";
        }

        private static Gen<Case> Cases =>
            from scenario in Gen.Frequency((3, ScenarioCase.GenWith(0)), (1, ScenarioCase.Gen)).Where(s => s.Gpu != null)
            from workload in Gen.Choose(0, 2)
            from rate in Values.Double(5, 1)
            from requests in Values.Int(1, 30, 1).Select(n => n > 60 || n < -60 ? n % 60 : n)
            from input in Gen.Frequency((4, Gen.Elements(Lengths.Take(10).ToArray())), (1, Gen.Elements(Lengths)))
            from outputLength in Gen.Frequency((4, Gen.Elements(Lengths.Take(10).ToArray())), (1, Gen.Elements(Lengths)))
            from trace in Gen.Frequency((4, Gen.Elements(Traces.Take(3).ToArray())), (1, Gen.Elements(Traces)))
            from seed in Gen.Choose(0, int.MaxValue)
            from seqs in Values.Mix((6, Gen.Elements(1, 4, 64, 256)), (1, Gen.Elements(0, -1, 1_000_001, int.MaxValue)))
            from batched in Values.Mix((6, Gen.Elements(0, 256, 2048, 8192)), (1, Gen.Elements(-1, 1, 100_000_001, int.MaxValue)))
            from block in Values.Mix((6, Gen.Elements(16, 32, 1)), (1, Gen.Elements(0, -1, 1_048_577, int.MaxValue)))
            from policy in Gen.Frequency((4, Gen.Elements("fcfs", "spf")), (1, Gen.Elements("FCFS", "lifo", "")))
            from engine in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Gen.Elements("vllm", "sglang", "tensorrt-llm", "llama.cpp")))
            select new Case
            {
                Scenario = scenario, Workload = workload, Rate = rate, Requests = requests, Input = input, Output = outputLength, Trace = trace, Seed = seed,
                MaxNumSeqs = seqs, MaxBatchedTokens = batched, BlockSize = block, Policy = policy, Engine = engine,
            };

        [Fact]
        public void Every_simulation_gives_a_sane_summary_or_a_documented_error()
        {
            var cases = FuzzSettings.Sample(Cases, FuzzSettings.Cases(DefaultCases), 4);
            int simulated = 0;
            int run = FuzzRunner.Run(output, "serving simulation", cases, c => simulated += Check(c) ? 1 : 0);
            output.WriteLine($"{simulated} of {run} cases simulated; the rest stopped at a documented error.");
            output.WriteLine("Most frequent errors: " + Invariant.TopErrors(12));
            Assert.True(run >= FuzzSettings.Cases(DefaultCases));
            Assert.True(simulated * 10 >= run, $"only {simulated} of {run} cases simulated");
        }

        private static bool Check(Case c)
        {
            var model = Invariant.Call("ModelSpec", c.Scenario.Model.Build);
            var gpu = model == null ? null : Invariant.Call("HardwareSpec", c.Scenario.BuildGpu);
            var deployment = gpu == null ? null : Invariant.Call("Deployment", () => c.Scenario.BuildDeployment(model!, gpu));
            var input = Invariant.Call("LengthDistribution.Parse", () => LengthDistribution.Parse(c.Input, "InputLength"));
            var outputLengths = Invariant.Call("LengthDistribution.Parse", () => LengthDistribution.Parse(c.Output, "OutputLength"));
            var trace = Invariant.Call("TraceReader.Parse", () => TraceReader.Parse(new StringReader(c.Trace), "trace.csv"));
            var policy = Invariant.Call("SchedulerSettings.ParsePolicy", () => (SchedulingPolicy?)SchedulerSettings.ParsePolicy(c.Policy));
            if (deployment == null || policy == null)
            {
                return false;
            }

            var workload = c.Workload switch
            {
                0 when input != null && outputLengths != null => Invariant.Call("Workload.Poisson", () => Workload.Poisson(c.Rate, c.Requests, input, outputLengths, c.Seed)),
                1 when input != null && outputLengths != null => Invariant.Call("Workload.ClosedLoop", () => Workload.ClosedLoop(1 + (c.Seed % 8), c.Requests, input, outputLengths, c.Seed)),
                2 when trace != null => Invariant.Call("Workload.FromTrace", () => Workload.FromTrace(trace, "trace.csv")),
                _ => null,
            };
            var scheduler = Invariant.Call("SchedulerSettings", () => new SchedulerSettings(c.MaxNumSeqs, c.MaxBatchedTokens, c.BlockSize, policy.Value));
            if (workload == null || scheduler == null)
            {
                return false;
            }

            var request = Invariant.Call("SimulationRequest", () => new SimulationRequest(deployment, workload, scheduler, includeRequests: (c.Seed & 1) == 0, engine: c.Engine.Length == 0 ? null : EngineProfiles.Get(c.Engine)));
            var result = request == null ? null : Invariant.Call("Simulator.Run", () => Simulator.Run(request));
            if (result != null)
            {
                var s = result.Summary;
                Invariant.CheckResult(s, "SimulationSummary");
            }

            return result != null;
        }
    }
}
