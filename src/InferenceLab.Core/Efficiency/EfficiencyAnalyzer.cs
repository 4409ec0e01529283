using System.Globalization;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Efficiency
{
    /// <summary>Achieved FLOP/s, bandwidth, MFU and MBU from a measured TTFT, TPOT or throughput (DESIGN §6).</summary>
    public static class EfficiencyAnalyzer
    {
        /// <summary>
        /// The shortest measured time accepted, s: a nanosecond. Achieved rates divide by the measured time, so a time near
        /// zero (5e-324 s, or a throughput of 1e300 tokens/s) makes them infinite.
        /// </summary>
        public const double MinMeasuredSeconds = 1e-9;

        /// <summary>The longest measured time accepted, s: 1e9 (about 32 years).</summary>
        public const double MaxMeasuredSeconds = 1e9;

        /// <summary>Reports on a measurement of <paramref name="metric"/> for the scenario.</summary>
        /// <param name="scenario">The measured deployment and batch; needs a GPU.</param>
        /// <param name="metric">What was measured.</param>
        /// <param name="measuredValue">Seconds for TTFT and TPOT; output tokens per second of the whole deployment for throughput.</param>
        /// <exception cref="InvalidInputException">No GPU, a measured value that is not a positive finite number, or one that means a time outside [<see cref="MinMeasuredSeconds"/>, <see cref="MaxMeasuredSeconds"/>].</exception>
        public static EfficiencyReport Analyze(Scenario scenario, MeasuredMetric metric, double measuredValue)
        {
            scenario.RequireHardware("An efficiency report");
            if (!(measuredValue > 0) || double.IsInfinity(measuredValue))
            {
                throw new InvalidInputException("MeasuredValueNotPositive", metric.ToString(), string.Format(CultureInfo.InvariantCulture, "The measured {0} must be a positive finite number; got {1}.", metric, measuredValue));
            }

            var timer = new StepTimer(scenario.Deployment);
            var pure = new StepTimer(scenario.Deployment.WithEfficiency(EfficiencyProfile.Roofline));
            var whole = new StepTimer(scenario.Deployment.WithParallelism(1, 1));
            int batch = scenario.BatchSize;
            int steps = scenario.OutputLength - 1;
            var prefill = PrefillPlan.For(scenario);

            double measuredSeconds;
            WorkSum work;
            WorkSum modelWork;
            double rooflineSeconds;
            double predictedSeconds;
            switch (metric)
            {
                case MeasuredMetric.TimeToFirstToken:
                    measuredSeconds = measuredValue;
                    work = prefill.Work(timer);
                    modelWork = prefill.Work(whole);
                    rooflineSeconds = prefill.Seconds(pure);
                    predictedSeconds = prefill.Seconds(timer);
                    break;
                case MeasuredMetric.TimePerOutputToken:
                    // A mean TPOT over a request is its decode time ÷ its decode steps; with one output token, one step.
                    int counted = steps > 0 ? steps : 1;
                    measuredSeconds = measuredValue * counted;
                    work = timer.SumWork(batch, 1, scenario.InputLength, 1, counted, sampled: true);
                    modelWork = whole.SumWork(batch, 1, scenario.InputLength, 1, counted, sampled: true);
                    rooflineSeconds = pure.SumSeconds(batch, 1, scenario.InputLength, 1, counted, sampled: true);
                    predictedSeconds = timer.SumSeconds(batch, 1, scenario.InputLength, 1, counted, sampled: true);
                    break;
                default:
                    measuredSeconds = (double)batch * scenario.OutputLength / measuredValue;
                    work = prefill.Work(timer);
                    work.Add(timer.SumWork(batch, 1, scenario.InputLength, 1, steps, sampled: true));
                    modelWork = prefill.Work(whole);
                    modelWork.Add(whole.SumWork(batch, 1, scenario.InputLength, 1, steps, sampled: true));
                    rooflineSeconds = prefill.Seconds(pure) + pure.SumSeconds(batch, 1, scenario.InputLength, 1, steps, sampled: true);
                    predictedSeconds = prefill.Seconds(timer) + timer.SumSeconds(batch, 1, scenario.InputLength, 1, steps, sampled: true);
                    break;
            }

            Deployment.Require(
                measuredSeconds >= MinMeasuredSeconds && measuredSeconds <= MaxMeasuredSeconds,
                "MeasuredValueOutOfRange",
                metric.ToString(),
                "The measured {0} of {1:R} means {2:R} s for the measured work; InferenceLab accepts {3:R} to {4:R} s.",
                metric,
                measuredValue,
                measuredSeconds,
                MinMeasuredSeconds,
                MaxMeasuredSeconds);
            return new EfficiencyReport(scenario, metric, measuredValue, measuredSeconds, modelWork.Flops, work.Flops, work.Bytes, rooflineSeconds, predictedSeconds);
        }
    }
}
