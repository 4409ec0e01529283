using InferenceLab.Core;

namespace InferenceLab.PowerShell.Cost
{
    /// <summary>One point of Measure-InferenceCost or Measure-RooflinePoint: one forward step of a scenario.</summary>
    internal sealed class StepRequest
    {
        public StepRequest(Scenario scenario, Phase phase, int? contextLength, bool perOperator)
        {
            Scenario = scenario;
            Phase = phase;
            ContextLength = contextLength;
            PerOperator = perOperator;
        }

        /// <summary>The batch and prompt; its output length (1) plays no part in one step.</summary>
        public Scenario Scenario { get; }

        public Phase Phase { get; }

        /// <summary>Cached tokens before a decode step; null for the input length (Core's default), and for prefill.</summary>
        public int? ContextLength { get; }

        /// <summary>True for one result per operator instead of one for the step.</summary>
        public bool PerOperator { get; }
    }
}
