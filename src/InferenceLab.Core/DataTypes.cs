using System;
using System.Collections.Generic;
using System.Globalization;

namespace InferenceLab.Core
{
    /// <summary>Sizes, names and widening order of <see cref="DataType"/> values.</summary>
    public static class DataTypes
    {
        private static readonly Dictionary<string, DataType> Spellings = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase)
        {
            ["fp32"] = DataType.Fp32, ["float32"] = DataType.Fp32, ["float"] = DataType.Fp32, ["f32"] = DataType.Fp32,
            ["tf32"] = DataType.Tf32,
            ["bf16"] = DataType.Bf16, ["bfloat16"] = DataType.Bf16,
            ["fp16"] = DataType.Fp16, ["float16"] = DataType.Fp16, ["half"] = DataType.Fp16, ["f16"] = DataType.Fp16,
            ["fp8"] = DataType.Fp8, ["e4m3"] = DataType.Fp8, ["e5m2"] = DataType.Fp8, ["fp8_e4m3"] = DataType.Fp8,
            ["fp8_e5m2"] = DataType.Fp8, ["float8_e4m3fn"] = DataType.Fp8, ["float8_e5m2"] = DataType.Fp8,
            ["int8"] = DataType.Int8, ["i8"] = DataType.Int8,
            ["int4"] = DataType.Int4, ["i4"] = DataType.Int4,
            ["fp4"] = DataType.Fp4, ["nvfp4"] = DataType.Fp4, ["mxfp4"] = DataType.Fp4, ["e2m1"] = DataType.Fp4,
        };

        /// <summary>Storage size of one element, in bytes (int4 and fp4 are 0.5).</summary>
        public static double BytesPerElement(this DataType type)
        {
            switch (type)
            {
                case DataType.Fp32:
                case DataType.Tf32:
                    return 4;
                case DataType.Bf16:
                case DataType.Fp16:
                    return 2;
                case DataType.Fp8:
                case DataType.Int8:
                    return 1;
                case DataType.Int4:
                case DataType.Fp4:
                    return 0.5;
                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown data type.");
            }
        }

        /// <summary>The lowercase name people write: fp32, tf32, bf16, fp16, fp8, int8, int4, fp4.</summary>
        public static string ToName(this DataType type) => type.ToString().ToLowerInvariant();

        /// <summary>
        /// The types whose peak rate stands in for <paramref name="type"/> on hardware without a native rate,
        /// nearest first. Quantized types widen (int4 → int8 → fp16; fp4 → fp8 → fp16) because the kernel
        /// dequantizes; tf32 is a compute mode that falls back to fp32. The 16- and 32-bit float types do not
        /// fall back: hardware without them cannot run the model in that type (bf16 on a V100 or T4).
        /// </summary>
        public static IReadOnlyList<DataType> WideningOrder(this DataType type)
        {
            switch (type)
            {
                case DataType.Fp4: return new[] { DataType.Fp8, DataType.Int8, DataType.Fp16, DataType.Bf16, DataType.Fp32 };
                case DataType.Int4: return new[] { DataType.Int8, DataType.Fp8, DataType.Fp16, DataType.Bf16, DataType.Fp32 };
                case DataType.Fp8: return new[] { DataType.Fp16, DataType.Bf16, DataType.Fp32 };
                case DataType.Int8: return new[] { DataType.Fp16, DataType.Bf16, DataType.Fp32 };
                case DataType.Tf32: return new[] { DataType.Fp32 };
                default: return Array.Empty<DataType>();
            }
        }

        /// <summary>True for the quantized types (fp8, int8, int4, fp4), which hardware may store without computing in them.</summary>
        public static bool IsQuantized(this DataType type) => type.BytesPerElement() < 2;

        /// <summary>Parses a data type name (case-insensitive; accepts e4m3, bfloat16, nvfp4 and similar spellings).</summary>
        /// <exception cref="InvalidInputException">The text names no known data type.</exception>
        public static DataType Parse(string text, string field)
        {
            if (TryParse(text, out var type))
            {
                return type;
            }

            throw new InvalidInputException(
                "UnknownDataType",
                field,
                string.Format(CultureInfo.InvariantCulture, "{0} '{1}' is not a known data type. Use one of: fp32, tf32, bf16, fp16, fp8, int8, int4, fp4.", field, text));
        }

        /// <summary>Parses a data type name; false when the text names no known type.</summary>
        public static bool TryParse(string? text, out DataType type)
        {
            type = default;
            return text != null && Spellings.TryGetValue(text.Trim(), out type);
        }
    }
}
