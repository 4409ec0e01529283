namespace InferenceLab.Core.Charts
{
    /// <summary>One (x, y) value of a line chart's series, in base units.</summary>
    public sealed class LineChartPoint
    {
        /// <summary>Creates a point.</summary>
        /// <exception cref="InvalidInputException">A value that is NaN or infinite.</exception>
        public LineChartPoint(double x, double y)
        {
            ChartChecks.Require(ChartChecks.IsFinite(x) && ChartChecks.IsFinite(y), "ChartValueNotFinite", "InputObject", "A chart point needs finite values; got ({0}, {1}).", x, y);
            X = x;
            Y = y;
        }

        /// <summary>The x value.</summary>
        public double X { get; }

        /// <summary>The y value.</summary>
        public double Y { get; }
    }
}
