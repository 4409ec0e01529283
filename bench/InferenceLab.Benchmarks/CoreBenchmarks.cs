using System.Linq;
using BenchmarkDotNet.Attributes;
using InferenceLab.Core;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Time;

namespace InferenceLab.Benchmarks
{
    /// <summary>
    /// Issue 6's speed targets on one core: a memory estimate; a max-context search (under 2 µs); a latency estimate of
    /// Llama-3.1-70B at TP 4 with a 4096-token prompt and 1024 output tokens (under 5 µs: the decode sum is a closed form);
    /// and a sweep of 10,000 latency points over models × GPUs × batch sizes × lengths (under 0.1 s).
    /// </summary>
    [MemoryDiagnoser]
    public class CoreBenchmarks
    {
        private Deployment llama8B = null!;
        private Scenario llama8BScenario = null!;
        private Scenario llama70BTp4 = null!;
        private Deployment[] sweepDeployments = null!;
        private int[] sweepBatches = null!;
        private int[] sweepInputs = null!;
        private int[] sweepOutputs = null!;

        /// <summary>Builds the inputs once, outside the measured region.</summary>
        [GlobalSetup]
        public void Setup()
        {
            llama8B = new Deployment(BenchmarkModels.Llama31_8B, BenchmarkModels.H100Sxm);
            llama8BScenario = new Scenario(llama8B, 16, 2048, 256);
            llama70BTp4 = new Scenario(new Deployment(BenchmarkModels.Llama31_70B, BenchmarkModels.H100Sxm, tensorParallel: 4), 1, 4096, 1024);

            var models = new[] { BenchmarkModels.Llama31_8B, BenchmarkModels.Llama31_70B, BenchmarkModels.Mistral7B, BenchmarkModels.Mixtral8x7B, BenchmarkModels.Gemma2_9B };
            var gpus = new[] { BenchmarkModels.H100Sxm, BenchmarkModels.A100Sxm80, BenchmarkModels.L40S, BenchmarkModels.H100Sxm };
            sweepDeployments = models.SelectMany(m => gpus.Select(g => new Deployment(m, g, tensorParallel: 4))).ToArray();
            sweepBatches = new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512 };
            sweepInputs = new[] { 128, 512, 1024, 2048, 4096 };
            sweepOutputs = new[] { 128, 256, 512, 1024, 2048, 3000, 3500, 3800, 3900, 4000 };
        }

        /// <summary>One memory estimate of Llama-3.1-8B on an H100, batch 16, 2048 + 256 tokens.</summary>
        [Benchmark]
        public double MemoryEstimate() => MemoryEstimator.Estimate(llama8BScenario).TotalBytes;

        /// <summary>One max-context search of Llama-3.1-8B on an H100 at batch 64.</summary>
        [Benchmark]
        public int MaxContextSearch() => MemoryLimits.MaxContextLength(llama8B, 64).MaxContextLength;

        /// <summary>One latency estimate of Llama-3.1-70B on 4 H100s: 4096-token prompt, 1024 output tokens.</summary>
        [Benchmark]
        public double Latency70BTp4() => LatencyEstimator.Estimate(llama70BTp4).EndToEndSeconds;

        /// <summary>10,000 latency points: 20 deployments × 10 batch sizes × 5 prompts × 10 output lengths.</summary>
        [Benchmark]
        public double Sweep10000LatencyPoints()
        {
            double total = 0;
            foreach (var deployment in sweepDeployments)
            {
                foreach (var point in Sweep.Combinations(sweepBatches, sweepInputs, sweepOutputs))
                {
                    total += LatencyEstimator.Estimate(new Scenario(deployment, point[0], point[1], point[2])).EndToEndSeconds;
                }
            }

            return total;
        }
    }
}
