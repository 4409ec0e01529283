namespace InferenceLab.Core.Memory
{
    /// <summary>One GPU's memory by part, bytes.</summary>
    internal readonly struct MemoryBreakdown
    {
        public MemoryBreakdown(double weightBytes, double kvCacheBytes, double activationBytes, double reserveBytes, double kvCacheBytesPerToken)
        {
            WeightBytes = weightBytes;
            KvCacheBytes = kvCacheBytes;
            ActivationBytes = activationBytes;
            ReserveBytes = reserveBytes;
            KvCacheBytesPerToken = kvCacheBytesPerToken;
        }

        public double WeightBytes { get; }

        public double KvCacheBytes { get; }

        public double ActivationBytes { get; }

        public double ReserveBytes { get; }

        public double KvCacheBytesPerToken { get; }

        public double TotalBytes => WeightBytes + KvCacheBytes + ActivationBytes + ReserveBytes;
    }
}
