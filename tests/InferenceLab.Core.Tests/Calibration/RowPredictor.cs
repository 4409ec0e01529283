using System;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>
    /// Predicts a calibration row through the public Core API, in the row's own unit, following the metric definitions
    /// in the rows' notes.
    /// </summary>
    internal static class RowPredictor
    {

        public static double Predict(CalibrationRow row, EfficiencyProfile efficiency)
        {
            var deployment = CalibrationSetup.Deployment(row, efficiency);
            switch (row.Metric)
            {
                case "output_throughput_per_gpu":
                    // "batch*OSL / end-to-end batch latency (context phase included), reported PER GPU"; a static batch.
                    return LatencyEstimator.Estimate(new Scenario(deployment, row.Batch, row.InputLength, row.OutputLength)).OutputTokensPerSecondPerGpu;
                case "ttft":
                    // The notes' definition: "gptSessionBenchmark with output length 1 = context phase + 1 token". The benchmark
                    // times the whole generate() call, so the context phase and one generation step; ms.
                    var firstToken = LatencyEstimator.Estimate(new Scenario(deployment, row.Batch, row.InputLength, 2));
                    return (firstToken.TimeToFirstTokenSeconds + firstToken.DecodeSeconds) * 1e3;
                case "prefill_throughput":
                    // llama-bench ppN: N prompt tokens ÷ the time to process them, batch 1.
                    return row.InputLength / LatencyEstimator.TimeToFirstTokenSeconds(new Scenario(deployment, 1, row.InputLength, 1));
                case "decode_throughput_per_user":
                    // llama-bench tgN: N tokens generated one at a time from an empty cache ÷ their time.
                    return row.OutputLength / LatencyEstimator.DecodeSeconds(new Scenario(deployment, 1, 1, 1), 0, row.OutputLength);
                case "weights_memory":
                    // llama-bench's size column: the GGUF tensor bytes, GiB.
                    return MemoryEstimator.Estimate(deployment, 1, 1, 1).ModelWeightBytes / (1024.0 * 1024 * 1024);
                default:
                    throw new InvalidOperationException($"{row.Id}: unknown metric {row.Metric}.");
            }
        }

        /// <summary>Signed error of a prediction, relative to the measurement.</summary>
        public static double RelativeError(double predicted, double measured) => (predicted - measured) / measured;
    }
}
