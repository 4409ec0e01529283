namespace InferenceLab.Core.Hardware
{
    /// <summary>The dense peak rate that applies to a compute data type on a GPU, and whether it is a stand-in.</summary>
    public sealed class PeakRate
    {
        internal PeakRate(DataType requested, DataType used, double flopsPerSecond)
        {
            Requested = requested;
            Used = used;
            FlopsPerSecond = flopsPerSecond;
        }

        /// <summary>The compute type the scenario asked for.</summary>
        public DataType Requested { get; }

        /// <summary>The type whose rate applies: the same, or the next wider type the GPU supports natively.</summary>
        public DataType Used { get; }

        /// <summary>Dense peak of <see cref="Used"/>, in FLOP/s (OP/s for integer types).</summary>
        public double FlopsPerSecond { get; }

        /// <summary>True when the GPU has no native rate for <see cref="Requested"/>.</summary>
        public bool IsFallback => Used != Requested;

        /// <summary>A sentence for results when the rate is a stand-in; empty otherwise.</summary>
        public string Note => IsFallback
            ? $"No native {Requested.ToName()} rate on this GPU; the {Used.ToName()} rate applies (weights dequantize to {Used.ToName()})."
            : string.Empty;
    }
}
