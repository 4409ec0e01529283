using InferenceLab.Core;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-MaxBatchSize.</summary>
    internal sealed class MaxBatchRequest
    {
        public MaxBatchRequest(Deployment deployment, int contextLength, int? inputLength)
        {
            Deployment = deployment;
            ContextLength = contextLength;
            InputLength = inputLength;
        }

        public Deployment Deployment { get; }

        public int ContextLength { get; }

        /// <summary>Prompt tokens, which set the activation peak; null for the whole context.</summary>
        public int? InputLength { get; }
    }
}
