namespace InferenceLab.Core.Simulation
{
    /// <summary>The shape of a <see cref="LengthDistribution"/>.</summary>
    public enum LengthDistributionKind
    {
        /// <summary>Every request has the same length.</summary>
        Fixed,

        /// <summary>Lengths uniform over a closed range of whole tokens.</summary>
        Uniform,

        /// <summary>Lengths log-normal with a given mean, rounded to whole tokens and clamped to [1, maximum].</summary>
        LogNormal,
    }
}
