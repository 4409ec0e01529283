namespace InferenceLab.Core.Charts
{
    /// <summary>The shapes of point markers.</summary>
    internal enum MarkerShape
    {
        Circle,
        Square,
        Triangle,
        Diamond,
        InvertedTriangle,
    }
}
