using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>One line of a line chart: a name for the legend and its points, drawn in order of x.</summary>
    public sealed class LineChartSeries
    {
        /// <summary>Creates a series.</summary>
        /// <exception cref="InvalidInputException">An empty name or no points.</exception>
        public LineChartSeries(string name, IReadOnlyList<LineChartPoint> points)
        {
            Name = ChartChecks.RequireText(name, "ChartSeriesNameMissing", "Series", "A series name");
            ChartChecks.Require(points != null && points.Count > 0 && points.All(p => p != null), "ChartSeriesEmpty", "InputObject", "Series '{0}' needs at least one point.", Name);
            Points = points!.OrderBy(p => p.X).ToArray();
        }

        /// <summary>The name in the legend.</summary>
        public string Name { get; }

        /// <summary>The points, sorted by x (stable: equal x keep their order).</summary>
        public IReadOnlyList<LineChartPoint> Points { get; }
    }
}
