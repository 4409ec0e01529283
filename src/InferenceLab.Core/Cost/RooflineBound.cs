namespace InferenceLab.Core.Cost
{
    /// <summary>Which ceiling of the roofline limits a step or operator.</summary>
    public enum RooflineBound
    {
        /// <summary>Intensity below the machine balance: bandwidth limits.</summary>
        Memory,

        /// <summary>Intensity at or above the machine balance: peak compute limits.</summary>
        Compute,
    }
}
