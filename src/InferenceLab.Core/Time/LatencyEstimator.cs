using System;
using InferenceLab.Core.Cost;

namespace InferenceLab.Core.Time
{
    /// <summary>TTFT, TPOT, whole-request time and throughput of a scenario (DESIGN §6).</summary>
    public static class LatencyEstimator
    {
        /// <summary>Estimates the latency of the scenario's batch; instant for any output length (closed-form decode sum).</summary>
        /// <exception cref="InvalidInputException">No GPU, a compute type the GPU lacks, or TP/PP without an interconnect.</exception>
        public static LatencyEstimate Estimate(Scenario scenario)
        {
            var timer = new StepTimer(scenario.Deployment);
            var prefill = PrefillPlan.For(scenario);
            int batch = scenario.BatchSize;
            int decodeSteps = scenario.OutputLength - 1;

            double prefillSeconds = prefill.Seconds(timer);
            double decodeSeconds = timer.SumSeconds(batch, 1, scenario.InputLength, 1, decodeSteps, sampled: true);
            double meanStep = decodeSteps > 0
                ? decodeSeconds / decodeSteps
                : timer.Seconds(new SequenceGroup(batch, 1, scenario.InputLength, sampled: true));

            var parts = new LatencyEstimate.Parts
            {
                PrefillSeconds = prefillSeconds,
                DecodeSeconds = decodeSeconds,
                MeanDecodeStepSeconds = meanStep,
                CommunicationSeconds = prefill.CommunicationSeconds(timer) + (decodeSteps * timer.CommunicationSeconds(batch)),
                PrefillBound = timer.Bound(new SequenceGroup(batch, scenario.InputLength, 0, sampled: true)),
                DecodeBound = timer.Bound(new SequenceGroup(batch, 1, scenario.InputLength, sampled: true)),
                PeakRateType = timer.PeakRate.Used,
                PeakRateNote = timer.PeakRate.Note,
            };
            return new LatencyEstimate(scenario, parts);
        }

        /// <summary>Time of one decode step over <paramref name="contextLength"/> cached tokens per sequence (TPOT at that context), s.</summary>
        /// <exception cref="InvalidInputException">No GPU, or an invalid context.</exception>
        public static double TimePerOutputTokenSeconds(Scenario scenario, int contextLength)
        {
            CostEstimator.ValidateDecodeContext(scenario, contextLength);
            return new StepTimer(scenario.Deployment).Seconds(new SequenceGroup(scenario.BatchSize, 1, contextLength, sampled: true));
        }

        /// <summary>Time of the prefill alone (TTFT), s.</summary>
        /// <exception cref="InvalidInputException">No GPU, or a compute type the GPU lacks.</exception>
        public static double TimeToFirstTokenSeconds(Scenario scenario) => PrefillPlan.For(scenario).Seconds(new StepTimer(scenario.Deployment));

        /// <summary>
        /// Time of <paramref name="steps"/> decode steps starting over <paramref name="firstContextLength"/> cached tokens,
        /// the context growing by one each step (a llama-bench tgN run from an empty cache is firstContext 0), s.
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, a negative count, or contexts past the position limit.</exception>
        public static double DecodeSeconds(Scenario scenario, int firstContextLength, int steps)
        {
            if (steps < 0)
            {
                throw new InvalidInputException("DecodeStepsNegative", "OutputLength", "The number of decode steps must not be negative.");
            }

            CostEstimator.ValidateDecodeContext(scenario, firstContextLength);
            if (steps > 0)
            {
                CostEstimator.ValidateDecodeContext(scenario, (int)Math.Min(int.MaxValue, (long)firstContextLength + steps - 1));
            }

            return new StepTimer(scenario.Deployment).SumSeconds(scenario.BatchSize, 1, firstContextLength, 1, steps, sampled: true);
        }
    }
}
