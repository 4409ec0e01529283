namespace InferenceLab.Core.Efficiency
{
    /// <summary>The built-in efficiency profiles.</summary>
    public static class EfficiencyProfiles
    {
        /// <summary>
        /// The generic default. Provisional values in the range engines report (GEMMs at ~70% of dense peak, weight
        /// streams at ~80% of bandwidth, KV reads lower); calibration replaces them with fitted ones.
        /// </summary>
        public static EfficiencyProfile Generic { get; } = new EfficiencyProfile(
            "generic",
            computeEfficiency: 0.70,
            memoryEfficiency: 0.80,
            attentionMemoryEfficiency: 0.60,
            gemmHalfEfficiencyTokens: 0,
            moeEfficiency: 1,
            stepOverheadSeconds: 100e-6,
            layerOverheadSeconds: 5e-6,
            allReduceLatencySeconds: 10e-6,
            interconnectEfficiency: 0.80,
            causalAttentionSkipsMaskedBlocks: true,
            source: "Provisional defaults; not yet fitted.");
    }
}
