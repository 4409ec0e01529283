using System.Collections.Generic;

namespace InferenceLab.Core.Cost
{
    /// <summary>Places steps and their operators on a GPU's roofline (DESIGN §4).</summary>
    public static class RooflineAnalyzer
    {
        /// <summary>The whole step of <paramref name="phase"/> as one point; decode over <paramref name="contextLength"/> cached tokens (the input length when null).</summary>
        /// <exception cref="InvalidInputException">No GPU in the scenario, or an invalid context.</exception>
        public static RooflinePoint Analyze(Scenario scenario, Phase phase, int? contextLength = null)
        {
            var hardware = scenario.RequireHardware("A roofline point");
            var step = CostEstimator.Step(scenario, phase, contextLength);
            return new RooflinePoint(step, RooflinePoint.WholeStep, step.Flops, step.BytesRead + step.BytesWritten, hardware, hardware.ResolvePeak(scenario.ActivationType));
        }

        /// <summary>One point per operator of the step that does any work.</summary>
        /// <exception cref="InvalidInputException">No GPU in the scenario, or an invalid context.</exception>
        public static IReadOnlyList<RooflinePoint> AnalyzeOperators(Scenario scenario, Phase phase, int? contextLength = null)
        {
            var hardware = scenario.RequireHardware("A roofline point");
            var peak = hardware.ResolvePeak(scenario.ActivationType);
            var step = CostEstimator.Step(scenario, phase, contextLength);
            var points = new List<RooflinePoint>();
            foreach (var op in step.Operators)
            {
                double bytes = op.BytesRead + op.BytesWritten;
                if (op.Flops > 0 || bytes > 0)
                {
                    points.Add(new RooflinePoint(step, op.Operator.ToString(), op.Flops, bytes, hardware, peak));
                }
            }

            return points;
        }
    }
}
