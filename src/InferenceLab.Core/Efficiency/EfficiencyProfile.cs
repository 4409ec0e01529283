using System;
using System.Globalization;

namespace InferenceLab.Core.Efficiency
{
    /// <summary>
    /// How far a serving engine's kernels fall short of the hardware roofline (DESIGN §6). Each factor has a
    /// physical meaning; <see cref="Roofline"/> (all ones, no overheads) gives the pure bound.
    /// </summary>
    public sealed class EfficiencyProfile
    {
        /// <summary>Creates a profile.</summary>
        /// <param name="name">Profile name (an engine, <c>roofline</c>, or <c>custom</c>).</param>
        /// <param name="computeEfficiency">Fraction of the dense peak that large GEMMs and attention reach, [1e-6, 1].</param>
        /// <param name="memoryEfficiency">Fraction of peak bandwidth that streaming weights and activations reach, [1e-6, 1].</param>
        /// <param name="attentionMemoryEfficiency">Fraction of peak bandwidth that attention's KV-cache reads reach, [1e-6, 1].</param>
        /// <param name="gemmHalfEfficiencyTokens">Tokens per step at which a GEMM reaches half of <paramref name="computeEfficiency"/>; 0 for no fall-off.</param>
        /// <param name="moeEfficiency">Factor on compute and memory efficiency of routed-expert kernels, [1e-6, 1].</param>
        /// <param name="stepOverheadSeconds">Fixed cost of each step (scheduling, sampling, launch), s.</param>
        /// <param name="layerOverheadSeconds">Fixed cost per layer per step (kernel launches), s.</param>
        /// <param name="allReduceLatencySeconds">Fixed cost of one tensor-parallel all-reduce, s.</param>
        /// <param name="interconnectEfficiency">Fraction of link bandwidth an all-reduce reaches, [1e-6, 1].</param>
        /// <param name="flashAttention">True when attention is fused (flash attention): prefill computes only the causal half and no score matrix touches memory. False when it computes the whole S×T score matrix and writes it to memory (llama.cpp before its -fa option was default).</param>
        /// <param name="sharesKvAcrossQueryGroups">True when decode attention reads each KV head once for its whole group of query heads (XQA, FlashInfer, flash decoding); false when every query head reads its KV head again (TensorRT-LLM's masked-MHA kernel without XQA), which multiplies a GQA model's KV reads by heads ÷ KV heads.</param>
        /// <param name="source">Where the values come from (a fit, a default, a user).</param>
        /// <exception cref="InvalidInputException">A factor outside its range.</exception>
        public EfficiencyProfile(
            string name,
            double computeEfficiency,
            double memoryEfficiency,
            double attentionMemoryEfficiency,
            double gemmHalfEfficiencyTokens = 0,
            double moeEfficiency = 1,
            double stepOverheadSeconds = 0,
            double layerOverheadSeconds = 0,
            double allReduceLatencySeconds = 0,
            double interconnectEfficiency = 1,
            bool flashAttention = true,
            bool sharesKvAcrossQueryGroups = true,
            string? source = null)
        {
            Name = string.IsNullOrWhiteSpace(name) ? "custom" : name.Trim();
            ComputeEfficiency = Fraction(computeEfficiency, "ComputeEfficiency");
            MemoryEfficiency = Fraction(memoryEfficiency, "MemoryEfficiency");
            AttentionMemoryEfficiency = Fraction(attentionMemoryEfficiency, "AttentionMemoryEfficiency");
            MoeEfficiency = Fraction(moeEfficiency, "MoeEfficiency");
            InterconnectEfficiency = Fraction(interconnectEfficiency, "InterconnectEfficiency");
            GemmHalfEfficiencyTokens = NonNegative(gemmHalfEfficiencyTokens, "GemmHalfEfficiencyTokens", 1e9);
            StepOverheadSeconds = NonNegative(stepOverheadSeconds, "StepOverheadSeconds", 10);
            LayerOverheadSeconds = NonNegative(layerOverheadSeconds, "LayerOverheadSeconds", 1);
            AllReduceLatencySeconds = NonNegative(allReduceLatencySeconds, "AllReduceLatencySeconds", 1);
            FlashAttention = flashAttention;
            SharesKvAcrossQueryGroups = sharesKvAcrossQueryGroups;
            Source = source ?? string.Empty;
        }

        /// <summary>
        /// The smallest efficiency factor accepted. A factor divides a peak rate, so one near zero (1e-300) turns every time
        /// into infinity; a millionth of the hardware is far below any engine measured.
        /// </summary>
        public const double MinimumFactor = 1e-6;

        /// <summary>The pure roofline: peak compute and bandwidth, no overheads, causal attention at half.</summary>
        public static EfficiencyProfile Roofline { get; } = new EfficiencyProfile("roofline", 1, 1, 1, source: "The hardware's datasheet peaks; no losses.");

        /// <summary>Profile name.</summary>
        public string Name { get; }

        /// <summary>Fraction of dense peak that large GEMMs and attention reach.</summary>
        public double ComputeEfficiency { get; }

        /// <summary>Fraction of peak bandwidth that weight and activation streams reach.</summary>
        public double MemoryEfficiency { get; }

        /// <summary>Fraction of peak bandwidth that attention's KV-cache reads reach.</summary>
        public double AttentionMemoryEfficiency { get; }

        /// <summary>Tokens per step at which a GEMM reaches half of <see cref="ComputeEfficiency"/>; 0 for no fall-off.</summary>
        public double GemmHalfEfficiencyTokens { get; }

        /// <summary>Factor on the efficiency of routed-expert kernels.</summary>
        public double MoeEfficiency { get; }

        /// <summary>Fixed cost of each step, s.</summary>
        public double StepOverheadSeconds { get; }

        /// <summary>Fixed cost per layer per step, s.</summary>
        public double LayerOverheadSeconds { get; }

        /// <summary>Fixed cost of one all-reduce, s.</summary>
        public double AllReduceLatencySeconds { get; }

        /// <summary>Fraction of link bandwidth an all-reduce reaches.</summary>
        public double InterconnectEfficiency { get; }

        /// <summary>True for fused attention: causal half only, no score matrix in memory.</summary>
        public bool FlashAttention { get; }

        /// <summary>True when decode attention reads each KV head once per group of query heads.</summary>
        public bool SharesKvAcrossQueryGroups { get; }

        /// <summary>Where the values come from.</summary>
        public string Source { get; }

        /// <summary>
        /// A copy with the compute and memory efficiency replaced where given (a user's own calibration); the attention KV
        /// efficiency follows the memory efficiency when the profile had them equal. Named "&lt;name&gt;+custom".
        /// </summary>
        /// <exception cref="InvalidInputException">A factor outside [1e-6, 1].</exception>
        public EfficiencyProfile WithFactors(double? computeEfficiency, double? memoryEfficiency)
        {
            if (computeEfficiency == null && memoryEfficiency == null)
            {
                return this;
            }

            double memory = memoryEfficiency ?? MemoryEfficiency;
            double attention = memoryEfficiency != null && AttentionMemoryEfficiency.Equals(MemoryEfficiency) ? memory : AttentionMemoryEfficiency;
            return new EfficiencyProfile(Name + "+custom", computeEfficiency ?? ComputeEfficiency, memory, attention, GemmHalfEfficiencyTokens, MoeEfficiency,
                StepOverheadSeconds, LayerOverheadSeconds, AllReduceLatencySeconds, InterconnectEfficiency, FlashAttention, SharesKvAcrossQueryGroups,
                "User factors over the " + Name + " profile.");
        }

        /// <summary>GEMM efficiency at <paramref name="tokens"/> tokens per step: η·N/(N + N½).</summary>
        public double GemmEfficiency(double tokens) =>
            GemmHalfEfficiencyTokens > 0 ? ComputeEfficiency * tokens / (tokens + GemmHalfEfficiencyTokens) : ComputeEfficiency;

        /// <summary>The profile name.</summary>
        public override string ToString() => Name;

        private static double Fraction(double value, string field)
        {
            if (!(value > 0 && value <= 1))
            {
                throw new InvalidInputException(field + "OutOfRange", field, string.Format(CultureInfo.InvariantCulture, "{0} must be at least {1:R} and at most 1; got {2}.", field, MinimumFactor, value));
            }

            if (value < MinimumFactor)
            {
                throw new InvalidInputException(field + "TooSmall", field, string.Format(CultureInfo.InvariantCulture, "{0} must be at least {1:R}; got {2:R}. No engine runs that far below its hardware, and times would overflow.", field, MinimumFactor, value));
            }

            return value;
        }

        private static double NonNegative(double value, string field, double max)
        {
            if (!(value >= 0 && value <= max))
            {
                throw new InvalidInputException(field + "OutOfRange", field, string.Format(CultureInfo.InvariantCulture, "{0} must be between 0 and {1}; got {2}.", field, max, value));
            }

            return value;
        }
    }
}
