using System.Globalization;

namespace InferenceLab.Core.Cost
{
    /// <summary>FLOPs and bytes of prefill and decode steps (DESIGN §4).</summary>
    public static class CostEstimator
    {
        /// <summary>The prefill step: every sequence's prompt at once (C = 0, S = input length), the LM head on the last position.</summary>
        public static StepCost Prefill(Scenario scenario) =>
            Compute(scenario, Phase.Prefill, new SequenceGroup(scenario.BatchSize, scenario.InputLength, 0, sampled: true));

        /// <summary>A decode step: one new token per sequence over <paramref name="contextLength"/> cached tokens.</summary>
        /// <exception cref="InvalidInputException">A negative context, or one at the model's position limit.</exception>
        public static StepCost Decode(Scenario scenario, int contextLength)
        {
            ValidateDecodeContext(scenario, contextLength);
            return Compute(scenario, Phase.Decode, new SequenceGroup(scenario.BatchSize, 1, contextLength, sampled: true));
        }

        /// <summary>The step of <paramref name="phase"/>; decode runs over <paramref name="contextLength"/> cached tokens, or the input length when null.</summary>
        public static StepCost Step(Scenario scenario, Phase phase, int? contextLength = null) =>
            phase == Phase.Prefill ? Prefill(scenario) : Decode(scenario, contextLength ?? scenario.InputLength);

        /// <summary>Checks a decode context: at least 0 and leaving room for the new token under the position limit.</summary>
        /// <exception cref="InvalidInputException">The context is negative or at the limit.</exception>
        public static void ValidateDecodeContext(Scenario scenario, int contextLength)
        {
            if (contextLength < 0)
            {
                throw new InvalidInputException("ContextLengthNegative", "ContextLength", string.Format(CultureInfo.InvariantCulture, "ContextLength must be 0 or more cached tokens; got {0}.", contextLength));
            }

            if ((long)contextLength + 1 > scenario.Model.MaxPositionEmbeddings)
            {
                throw new InvalidInputException("ContextBeyondPositionLimit", "ContextLength", string.Format(CultureInfo.InvariantCulture, "ContextLength {0}: a decode step over {0} cached tokens needs position {3}, beyond {1}'s limit of {2} tokens.", contextLength, scenario.Model.Name, scenario.Model.MaxPositionEmbeddings, (long)contextLength + 1));
            }
        }

        internal static StepCost Compute(Scenario scenario, Phase phase, in SequenceGroup group)
        {
            var work = new OperatorWork[StepCostModel.OperatorCount];
            var perGpu = new StepCostModel(scenario.Deployment, scenario.TensorParallel);
            var totals = perGpu.Evaluate(group, work);

            double modelFlops = 0;
            if (scenario.TensorParallel == 1)
            {
                foreach (var op in work)
                {
                    modelFlops += op.Flops;
                }
            }
            else
            {
                var whole = new OperatorWork[StepCostModel.OperatorCount];
                new StepCostModel(scenario.Deployment, 1).Evaluate(group, whole);
                foreach (var op in whole)
                {
                    modelFlops += op.Flops;
                }
            }

            int allReduces = Time.Communication.AllReduceCount(scenario.Deployment);
            double allReduceBytes = allReduces * Time.Communication.HiddenStateBytes(scenario.Deployment, totals.Tokens);
            return new StepCost(scenario, phase, group.NewTokens, (int)group.CachedTokens, work, modelFlops, allReduceBytes, allReduces);
        }
    }
}
