namespace InferenceLab.Core.Charts
{
    /// <summary>One tick of an axis: its value in base units, its pixel position and its label (empty for a minor tick).</summary>
    internal struct Tick
    {
        public Tick(double value, double position, string label)
        {
            Value = value;
            Position = position;
            Label = label;
        }

        public double Value { get; }

        public double Position { get; }

        public string Label { get; }

        public bool IsLabelled => Label.Length > 0;
    }
}
