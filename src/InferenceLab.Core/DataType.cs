namespace InferenceLab.Core
{
    /// <summary>A numeric format for weights, KV cache, activations or compute (DESIGN §3).</summary>
    public enum DataType
    {
        /// <summary>IEEE single precision, 4 bytes.</summary>
        Fp32,

        /// <summary>TensorFloat-32: a tensor-core compute mode on fp32 storage, 4 bytes.</summary>
        Tf32,

        /// <summary>bfloat16, 2 bytes.</summary>
        Bf16,

        /// <summary>IEEE half precision, 2 bytes.</summary>
        Fp16,

        /// <summary>8-bit float (e4m3 or e5m2), 1 byte.</summary>
        Fp8,

        /// <summary>8-bit integer, 1 byte.</summary>
        Int8,

        /// <summary>4-bit integer, half a byte.</summary>
        Int4,

        /// <summary>4-bit float (fp4, nvfp4, mxfp4 elements), half a byte.</summary>
        Fp4,
    }
}
