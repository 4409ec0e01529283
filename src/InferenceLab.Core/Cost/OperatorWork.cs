namespace InferenceLab.Core.Cost
{
    /// <summary>FLOPs and bytes of one operator in one step, before it becomes a public result.</summary>
    internal struct OperatorWork
    {
        public double Flops;
        public double WeightBytesRead;
        public double KvCacheBytesRead;
        public double KvCacheBytesWritten;
        public double ActivationBytesRead;
        public double ActivationBytesWritten;

        /// <summary>Tokens each GEMM of this operator multiplies at once (for the small-GEMM efficiency); 0 for non-GEMMs.</summary>
        public double GemmTokens;

        public double BytesRead => WeightBytesRead + KvCacheBytesRead + ActivationBytesRead;

        public double BytesWritten => KvCacheBytesWritten + ActivationBytesWritten;

        public void Add(in OperatorWork other)
        {
            Flops += other.Flops;
            WeightBytesRead += other.WeightBytesRead;
            KvCacheBytesRead += other.KvCacheBytesRead;
            KvCacheBytesWritten += other.KvCacheBytesWritten;
            ActivationBytesRead += other.ActivationBytesRead;
            ActivationBytesWritten += other.ActivationBytesWritten;
        }
    }
}
