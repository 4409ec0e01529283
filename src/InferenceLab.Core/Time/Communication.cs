using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Time
{
    /// <summary>Tensor- and pipeline-parallel communication of a step (DESIGN §6).</summary>
    internal static class Communication
    {
        /// <summary>All-reduces per step: two per layer (after attention and after the MLP) under TP, none at TP 1.</summary>
        public static int AllReduceCount(Deployment scenario) => scenario.TensorParallel > 1 ? 2 * scenario.Model.LayerCount : 0;

        /// <summary>Bytes of the hidden states of <paramref name="tokens"/> tokens (B·S·H), in the activation type but at least 16-bit.</summary>
        public static double HiddenStateBytes(Deployment scenario, double tokens) =>
            tokens * scenario.Model.HiddenSize * System.Math.Max(scenario.ActivationType.BytesPerElement(), 2);

        /// <summary>Ring all-reduce: 2·(p−1)/p × bytes ÷ link bandwidth, plus a per-call latency, s.</summary>
        public static double RingAllReduceSeconds(double bytes, int gpus, double linkBytesPerSecond, double latencySeconds) =>
            (2.0 * (gpus - 1) / gpus * bytes / linkBytesPerSecond) + latencySeconds;

        /// <summary>Communication time of one step with <paramref name="tokens"/> new tokens, s.</summary>
        public static double StepSeconds(Deployment scenario, HardwareSpec hardware, double tokens)
        {
            if (scenario.GpuCount == 1)
            {
                return 0;
            }

            var efficiency = scenario.Efficiency;
            double link = hardware.InterconnectBandwidthBytesPerSecond * efficiency.InterconnectEfficiency;
            double bytes = HiddenStateBytes(scenario, tokens);
            double seconds = 0;
            if (scenario.TensorParallel > 1)
            {
                seconds += AllReduceCount(scenario) * RingAllReduceSeconds(bytes, scenario.TensorParallel, link, efficiency.AllReduceLatencySeconds);
            }

            if (scenario.PipelineParallel > 1)
            {
                // Each stage boundary hands the hidden states on once.
                seconds += (scenario.PipelineParallel - 1) * ((bytes / link) + efficiency.AllReduceLatencySeconds);
            }

            return seconds;
        }

        /// <summary>Checks that a multi-GPU scenario's hardware has an interconnect.</summary>
        /// <exception cref="InvalidInputException">TP or PP above 1 on a GPU without one.</exception>
        public static void RequireInterconnect(Deployment scenario, HardwareSpec hardware)
        {
            if (scenario.GpuCount > 1 && hardware.InterconnectBandwidthBytesPerSecond <= 0)
            {
                throw new InvalidInputException("InterconnectMissing", "TensorParallel", $"{hardware.Name} has no interconnect bandwidth in its entry, so TensorParallel/PipelineParallel above 1 cannot be timed.");
            }
        }
    }
}
