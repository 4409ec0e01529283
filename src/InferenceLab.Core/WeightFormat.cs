using System;
using System.Globalization;

namespace InferenceLab.Core
{
    /// <summary>
    /// How weights are stored: an element type plus an optional per-group scale (DESIGN §3). Int4 with group 128
    /// and an fp16 scale costs 0.5 + 2/128 bytes per weight.
    /// </summary>
    public sealed class WeightFormat : IEquatable<WeightFormat>
    {
        /// <summary>Creates a weight format.</summary>
        /// <param name="type">The element type.</param>
        /// <param name="groupSize">Weights sharing one scale; 0 for no per-group scale.</param>
        /// <param name="scaleBytes">Bytes of each group's scale (and zero point, if any); 0 without groups.</param>
        /// <param name="routedExpertsOnly">True when only the MoE's routed experts are stored this way (gpt-oss's MXFP4); the other linear weights stay unquantized.</param>
        /// <exception cref="InvalidInputException">A negative group size or scale, or a scale without a group.</exception>
        public WeightFormat(DataType type, int groupSize = 0, double scaleBytes = 0, bool routedExpertsOnly = false)
        {
            if (groupSize < 0)
            {
                throw new InvalidInputException("WeightGroupSizeNegative", "WeightGroupSize", "WeightGroupSize must be 0 (no groups) or positive; got " + groupSize.ToString(CultureInfo.InvariantCulture) + ".");
            }

            if (!(scaleBytes >= 0) || double.IsInfinity(scaleBytes) || scaleBytes > 64)
            {
                throw new InvalidInputException("WeightScaleBytesInvalid", "WeightScaleBytes", "WeightScaleBytes must be between 0 and 64; got " + scaleBytes.ToString(CultureInfo.InvariantCulture) + ".");
            }

            if (groupSize == 0 && scaleBytes > 0)
            {
                throw new InvalidInputException("WeightScaleWithoutGroup", "WeightGroupSize", "WeightScaleBytes needs a WeightGroupSize: a scale is shared by a group of weights.");
            }

            Type = type;
            GroupSize = groupSize;
            ScaleBytes = scaleBytes;
            RoutedExpertsOnly = routedExpertsOnly;
        }

        /// <summary>The element type of the weights.</summary>
        public DataType Type { get; }

        /// <summary>Weights per scale group; 0 when the format has no per-group scale.</summary>
        public int GroupSize { get; }

        /// <summary>Bytes of one group's scale (and zero point); 0 without groups.</summary>
        public double ScaleBytes { get; }

        /// <summary>True when only routed-expert weights use this format; attention, dense MLP and shared experts stay unquantized.</summary>
        public bool RoutedExpertsOnly { get; }

        /// <summary>Bytes per weight, scale overhead included.</summary>
        public double BytesPerWeight => Type.BytesPerElement() + (GroupSize > 0 ? ScaleBytes / GroupSize : 0);

        /// <summary>The scale size assumed when only a group size is given: one fp16 scale per group (GPTQ, AWQ), bytes.</summary>
        public const double DefaultScaleBytes = 2;

        /// <summary>A format without group scales.</summary>
        public static WeightFormat Plain(DataType type) => new WeightFormat(type);

        /// <summary>
        /// The format a user's parameters ask for, relative to a model's own: null (keep the model's own) when none is given;
        /// the model's own when they name its type and group again (as a result piped by property name does); otherwise a new
        /// format whose group defaults to the model's with its own type (else none) and whose scale defaults to the model's
        /// with its own type and group, else <see cref="DefaultScaleBytes"/> with a group. A format that covers the routed
        /// experts only keeps doing so: that is the checkpoint's structure, not its element type.
        /// </summary>
        /// <exception cref="InvalidInputException">A negative group or scale, or a scale without a group.</exception>
        public static WeightFormat? ForParameters(WeightFormat modelFormat, DataType? type, int? groupSize, double? scaleBytes)
        {
            if (modelFormat == null)
            {
                throw new ArgumentNullException(nameof(modelFormat));
            }

            if (type == null && groupSize == null && scaleBytes == null)
            {
                return null;
            }

            var weights = type ?? modelFormat.Type;
            bool sameType = weights == modelFormat.Type;
            int group = groupSize ?? (sameType ? modelFormat.GroupSize : 0);
            if (sameType && group == modelFormat.GroupSize && scaleBytes == null)
            {
                return modelFormat;
            }

            double scale = scaleBytes ?? (group == 0 ? 0 : sameType && modelFormat.GroupSize > 0 ? modelFormat.ScaleBytes : DefaultScaleBytes);
            return new WeightFormat(weights, group, scale, modelFormat.RoutedExpertsOnly);
        }

        /// <summary>The name people write: <c>int4</c>, or <c>int4/g128</c> with a group scale.</summary>
        public override string ToString() =>
            (GroupSize > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0}/g{1}", Type.ToName(), GroupSize)
                : Type.ToName()) + (RoutedExpertsOnly ? " (experts)" : string.Empty);

        /// <inheritdoc />
        public bool Equals(WeightFormat? other) =>
            other != null && other.Type == Type && other.GroupSize == GroupSize && other.ScaleBytes.Equals(ScaleBytes) && other.RoutedExpertsOnly == RoutedExpertsOnly;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as WeightFormat);

        /// <inheritdoc />
        public override int GetHashCode() => ((int)Type * 397) ^ GroupSize ^ ScaleBytes.GetHashCode();
    }
}
