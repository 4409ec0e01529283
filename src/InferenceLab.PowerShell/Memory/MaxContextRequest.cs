using InferenceLab.Core;

namespace InferenceLab.PowerShell.Memory
{
    /// <summary>One point of Get-MaxContextLength.</summary>
    internal sealed class MaxContextRequest
    {
        public MaxContextRequest(Deployment deployment, int batchSize)
        {
            Deployment = deployment;
            BatchSize = batchSize;
        }

        public Deployment Deployment { get; }

        public int BatchSize { get; }
    }
}
