using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.Core.Tests.Efficiency
{
    public sealed class EfficiencyAnalyzerTests
    {
        [Fact]
        public void MFU_of_a_published_TTFT_by_hand()
        {
            // TensorRT-LLM v0.9.0 performance doc: Llama-2-7B fp16 on an A100 SXM 80GB, batch 1, 2048-token prompt, TTFT 132.4 ms.
            // Prefill FLOPs by hand: GEMMs 2·2048·32·(4·4096² + 3·4096·11008) = 26,525,718,020,096; causal attention
            // 2048·2049/2 pairs × 4·32·128 × 32 = 1,100,048,498,688; LM head 2·4096·32000 = 262,144,000; elementwise
            // 32·10·2048·4096 + 5·2048·4096 + 5·2048·32·11008 = 6,333,399,040 → 27,632,362,061,824 FLOPs.
            // MFU = 27,632,362,061,824 ÷ (0.1324 s × 312e12 FLOP/s) = 0.6689.
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 1, 2048, 1);
            var report = EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimeToFirstToken, 0.1324);
            Assert.Equal(27_632_362_061_824d, report.ModelFlops);
            Assert.Equal(0.6689, report.ModelFlopsUtilization, 4);
            Assert.Equal(27_632_362_061_824d / 0.1324, report.AchievedFlopsPerSecond, 0);

            // The pure roofline of the same work is faster than the measurement, so the fraction is below one.
            Assert.InRange(report.RooflineFraction, 0.5, 1.0);
        }

        [Fact]
        public void MBU_of_a_decode_TPOT_is_the_bytes_each_step_moves_over_the_time()
        {
            // llama.cpp (PR #6017): CodeLlama-7B f16 on an A100 PCIe 80GB decodes at 74.77 tok/s at batch 1 (tg128 from
            // an empty cache): TPOT = 13.37 ms. Each step moves the ~13.2e9 B of weights, so MBU ≈ 13.2e9 / 13.37e-3 / 2.039e12 ≈ 0.49
            // (the test GPU has the SXM's 2.039e12 B/s; the PCIe card's 1.935e12 would give 0.51).
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 1, 1, 128);
            var report = EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.TimePerOutputToken, 1 / 74.77);
            Assert.Equal(127 / 74.77, report.MeasuredSeconds, 9);
            Assert.InRange(report.ModelBandwidthUtilization, 0.47, 0.51);
            Assert.InRange(report.ModelFlopsUtilization, 0, 0.01);
        }

        [Fact]
        public void Throughput_implies_the_end_to_end_time_of_the_batch()
        {
            // 896 sequences × 128 output tokens at 19,854 tok/s (TensorRT-LLM v0.9.0, Llama-2-7B fp8 on H100) take 5.777 s.
            var scenario = new Scenario(new Deployment(TestModels.Llama2_7B, TestModels.A100Sxm80), 896, 128, 128);
            var report = EfficiencyAnalyzer.Analyze(scenario, MeasuredMetric.OutputThroughput, 19_854);
            Assert.Equal(896.0 * 128 / 19_854, report.MeasuredSeconds, 9);
            Assert.Equal(MeasuredMetric.OutputThroughput, report.Metric);
            double work = CostEstimator.Prefill(scenario).ModelFlops;
            Assert.True(report.ModelFlops > work);
        }
    }
}
