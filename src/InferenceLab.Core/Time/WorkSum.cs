using InferenceLab.Core.Cost;

namespace InferenceLab.Core.Time
{
    /// <summary>FLOPs and bytes summed over a run of steps, per GPU.</summary>
    internal struct WorkSum
    {
        public double Flops;
        public double Bytes;
        public double WeightBytes;
        public double KvCacheBytes;

        public void Add(OperatorWork[] work, double weight)
        {
            foreach (var op in work)
            {
                Flops += weight * op.Flops;
                Bytes += weight * (op.BytesRead + op.BytesWritten);
                WeightBytes += weight * op.WeightBytesRead;
                KvCacheBytes += weight * (op.KvCacheBytesRead + op.KvCacheBytesWritten);
            }
        }

        public void Add(in WorkSum other)
        {
            Flops += other.Flops;
            Bytes += other.Bytes;
            WeightBytes += other.WeightBytes;
            KvCacheBytes += other.KvCacheBytes;
        }
    }
}
