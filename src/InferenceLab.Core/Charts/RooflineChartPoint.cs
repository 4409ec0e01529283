namespace InferenceLab.Core.Charts
{
    /// <summary>One point of a roofline chart: a step or operator at its arithmetic intensity and the FLOP/s it attains.</summary>
    public sealed class RooflineChartPoint
    {
        /// <summary>Creates a point.</summary>
        /// <param name="label">Text beside the point (<c>decode B=8</c>).</param>
        /// <param name="hardwareName">The GPU whose roof the point belongs to; it takes that GPU's colour.</param>
        /// <param name="arithmeticIntensityFlopsPerByte">FLOPs per byte moved; positive.</param>
        /// <param name="flopsPerSecond">The rate plotted: the attainable FLOP/s for a pure roofline; positive.</param>
        /// <param name="phase">Prefill (circle) or decode (square); null for a diamond.</param>
        /// <param name="description">A sentence with the exact figures, for the tooltip and the chart's description; null for the label alone.</param>
        /// <exception cref="InvalidInputException">An empty label or GPU name, or a value that is not a positive finite number.</exception>
        public RooflineChartPoint(string label, string hardwareName, double arithmeticIntensityFlopsPerByte, double flopsPerSecond, Phase? phase = null, string? description = null)
        {
            Label = ChartChecks.RequireText(label, "ChartPointLabelMissing", "Label", "A point's label");
            HardwareName = ChartChecks.RequireText(hardwareName, "ChartHardwareNameMissing", "HardwareName", "A point's GPU name");
            ChartChecks.RequirePositive(arithmeticIntensityFlopsPerByte, "ChartIntensityNotPositive", "ArithmeticIntensityFlopsPerByte", "Point '" + Label + "': arithmetic intensity");
            ChartChecks.RequirePositive(flopsPerSecond, "ChartRateNotPositive", "FlopsPerSecond", "Point '" + Label + "': FLOP/s");
            ArithmeticIntensityFlopsPerByte = arithmeticIntensityFlopsPerByte;
            FlopsPerSecond = flopsPerSecond;
            Phase = phase;
            Description = string.IsNullOrWhiteSpace(description) ? Label : description!.Trim();
        }

        /// <summary>Text beside the point.</summary>
        public string Label { get; }

        /// <summary>The GPU.</summary>
        public string HardwareName { get; }

        /// <summary>FLOPs per byte moved (x).</summary>
        public double ArithmeticIntensityFlopsPerByte { get; }

        /// <summary>FLOP/s plotted (y).</summary>
        public double FlopsPerSecond { get; }

        /// <summary>Prefill, decode, or null.</summary>
        public Phase? Phase { get; }

        /// <summary>The point's figures in a sentence.</summary>
        public string Description { get; }

        /// <summary>The label.</summary>
        public override string ToString() => Label;
    }
}
