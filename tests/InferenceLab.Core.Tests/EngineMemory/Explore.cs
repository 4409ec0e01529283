using System.Linq;
using InferenceLab.Core.Memory;
using Xunit.Abstractions;

namespace InferenceLab.Core.Tests.EngineMemory
{
    public sealed class Explore
    {
        private const double GiB = 1024.0 * 1024 * 1024;
        private readonly ITestOutputHelper output;

        public Explore(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Print()
        {
            var vllm = new EngineMemoryModel(KvBudgetRule.Vllm, 0.9, 16, 8192, 1024, 3.8, 1.25, 0.25 * GiB, 1.87 * GiB, 0.51 * GiB, 0.84 * GiB, false, "explore");
            var engine = new InferenceLab.Core.Efficiency.EngineProfile("vllm", new string[0], InferenceLab.Core.Efficiency.EngineProfiles.Generic.Efficiency, 0, "x", vllm);
            foreach (var row in KvCapacityRow.Load())
            {
                var d = KvCapacitySetup.Deployment(row);
                var b = EngineMemoryBudgets.Compute(d, engine, new EngineMemorySettings(row.MemoryUtilization, maxSequences: row.MaxSequences, maxModelLength: row.MaxModelLength), row.MaxModelLength);
                output.WriteLine($"{row.Id} {d.Model.Name,-22} tp{row.TensorParallel} w {b.WeightBytes / GiB,6:F2}/{row.WeightBytes / GiB,6:F2} ({b.WeightBytes / row.WeightBytes - 1,6:P1}) act {b.ActivationPeakBytes / GiB,5:F2}/{row.ActivationPeakBytes / GiB,5:F2} nt {b.NonTorchBytes / GiB,4:F2}/{row.NonTorchBytes / GiB,4:F2} kv {b.KvCacheBytes / GiB,6:F2}/{row.KvCacheBytes / GiB,6:F2} blocks {b.KvCacheBlocks}/{row.Blocks} tokens {b.KvCacheTokens}/{row.Tokens} ({(double)b.KvCacheTokens / row.Tokens - 1,6:P1})");
            }
        }
    }
}
