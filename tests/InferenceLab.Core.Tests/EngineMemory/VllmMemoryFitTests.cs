using InferenceLab.Core.Efficiency;
using Xunit.Abstractions;

namespace InferenceLab.Core.Tests.EngineMemory
{
    /// <summary>Re-runs <see cref="VllmMemoryFit"/>, prints the constants, and checks EngineProfiles.Vllm holds them.</summary>
    public sealed class VllmMemoryFitTests
    {
        private const double GiB = 1024.0 * 1024 * 1024;
        private readonly ITestOutputHelper output;

        public VllmMemoryFitTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Vllm_memory_constants_are_the_fit_of_its_22_start_up_logs()
        {
            var rows = KvCapacityRow.Load();
            Assert.Equal(22, rows.Count);
            var fit = VllmMemoryFit.Run(rows);
            var committed = EngineProfiles.Vllm.Memory!;
            output.WriteLine($"fitted: sampler buffers {fit.SamplerLogitBuffers:F3}, forward scale {fit.ForwardActivationScale:F3}, non-torch {fit.NonTorchBytes / GiB:F3} GiB, TP>1 extra {fit.MultiGpuCommunicationBytes / GiB:F3} GiB");
            output.WriteLine($"committed: sampler buffers {committed.SamplerLogitBuffers:F3}, forward scale {committed.ForwardActivationScale:F3}, non-torch {committed.NonTorchBytes / GiB:F3} GiB, TP>1 extra {committed.MultiGpuCommunicationBytes / GiB:F3} GiB");
            Assert.Equal(fit.SamplerLogitBuffers, committed.SamplerLogitBuffers, 0.02);
            Assert.Equal(fit.ForwardActivationScale, committed.ForwardActivationScale, 0.02);
            Assert.Equal(fit.NonTorchBytes / GiB, committed.NonTorchBytes / GiB, 0.01);
            Assert.Equal(fit.MultiGpuCommunicationBytes / GiB, committed.MultiGpuCommunicationBytes / GiB, 0.01);
        }
    }
}
