namespace InferenceLab.Core.Efficiency
{
    /// <summary>A published or measured figure the efficiency report starts from.</summary>
    public enum MeasuredMetric
    {
        /// <summary>Time to first token (the prefill), seconds.</summary>
        TimeToFirstToken,

        /// <summary>Mean time per output token over a request's decode steps, seconds.</summary>
        TimePerOutputToken,

        /// <summary>Output tokens per second of the whole deployment, prefill included.</summary>
        OutputThroughput,
    }
}
