using InferenceLab.Core;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.PowerShell.Efficiency
{
    /// <summary>One point of Measure-InferenceEfficiency: one measured figure of one scenario.</summary>
    internal sealed class EfficiencyRequest
    {
        public EfficiencyRequest(Scenario scenario, MeasuredMetric metric, double measuredValue)
        {
            Scenario = scenario;
            Metric = metric;
            MeasuredValue = measuredValue;
        }

        public Scenario Scenario { get; }

        public MeasuredMetric Metric { get; }

        /// <summary>Seconds for TTFT and TPOT, output tokens per second for throughput.</summary>
        public double MeasuredValue { get; }
    }
}
