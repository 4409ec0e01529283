namespace InferenceLab.Core.Charts
{
    /// <summary>One place a label could go: its footprint, how much worse than the ideal spot it is, and the leader line it needs.</summary>
    internal sealed class LabelCandidate
    {
        public LabelCandidate(Quad shape, double cost, double? leaderFromX = null, double? leaderFromY = null, (double X, double Y)? owner = null)
        {
            Owner = owner;
            Shape = shape;
            Cost = cost;
            LeaderFromX = leaderFromX;
            LeaderFromY = leaderFromY;
        }

        /// <summary>The label's footprint.</summary>
        public Quad Shape { get; }

        /// <summary>Preference: 0 for the ideal spot, growing with distance and awkwardness.</summary>
        public double Cost { get; }

        /// <summary>Where a leader line to the label starts (the point's marker edge); null when the label sits close enough to need none.</summary>
        public double? LeaderFromX { get; }

        /// <inheritdoc cref="LeaderFromX"/>
        public double? LeaderFromY { get; }

        /// <summary>The point the label belongs to; null for a label of a line.</summary>
        public (double X, double Y)? Owner { get; }

        public bool HasLeader => LeaderFromX.HasValue && LeaderFromY.HasValue;

        /// <summary>The end of the leader line: the label's nearest point to its start.</summary>
        public (double X, double Y) LeaderTo => Shape.Bounds.NearestPoint(LeaderFromX ?? 0, LeaderFromY ?? 0);
    }
}
