using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Everything a roofline chart shows: its title, the ceilings of each GPU, the points and any notes. Build one from
    /// <see cref="Cost.RooflinePoint"/> results with <see cref="RooflineChartBuilder"/>, or directly; render it with
    /// <see cref="SvgChart"/>.
    /// </summary>
    public sealed class RooflineChartRequest
    {
        /// <summary>Creates a request.</summary>
        /// <param name="title">The chart's title (name the model and GPU).</param>
        /// <param name="points">The points; at least one.</param>
        /// <param name="ceilings">The ceilings; at least one for every GPU a point names.</param>
        /// <param name="subtitle">A line under the title; null for none.</param>
        /// <param name="notes">Footnotes (points left out, assumptions); null for none.</param>
        /// <param name="width">Width in pixels.</param>
        /// <param name="height">Height in pixels; a long legend makes the chart taller.</param>
        /// <exception cref="InvalidInputException">No points, a point without a ceiling for its GPU, or a size out of range.</exception>
        public RooflineChartRequest(
            string title,
            IReadOnlyList<RooflineChartPoint> points,
            IReadOnlyList<RooflineCeiling> ceilings,
            string? subtitle = null,
            IReadOnlyList<string>? notes = null,
            int width = SvgChart.DefaultWidth,
            int height = SvgChart.DefaultHeight)
        {
            Title = ChartChecks.RequireText(title, "ChartTitleMissing", "Title", "The chart's title");
            ChartChecks.Require(points != null && points.Count > 0, "ChartHasNoPoints", "InputObject", "A roofline chart needs at least one point; got none.");
            ChartChecks.Require(ceilings != null && ceilings.Count > 0, "ChartHasNoCeilings", "Ceilings", "A roofline chart needs at least one ceiling.");
            ChartChecks.Require(points!.All(p => p != null) && ceilings!.All(c => c != null), "ChartItemNull", "InputObject", "A roofline chart's points and ceilings must not be null.");
            foreach (var point in points!)
            {
                ChartChecks.Require(
                    ceilings!.Any(c => string.Equals(c.HardwareName, point.HardwareName, StringComparison.OrdinalIgnoreCase)),
                    "ChartPointWithoutCeiling",
                    "Ceilings",
                    "Point '{0}' is on GPU '{1}', which has no ceiling in the chart.",
                    point.Label,
                    point.HardwareName);
            }

            ChartChecks.RequireSize(width, height);
            Points = points.ToArray();
            Ceilings = ceilings!.ToArray();
            Subtitle = string.IsNullOrWhiteSpace(subtitle) ? string.Empty : subtitle!.Trim();
            Notes = notes?.Where(n => !string.IsNullOrWhiteSpace(n)).ToArray() ?? Array.Empty<string>();
            Width = width;
            Height = height;
        }

        /// <summary>The title.</summary>
        public string Title { get; }

        /// <summary>The line under the title; empty for none.</summary>
        public string Subtitle { get; }

        /// <summary>The points.</summary>
        public IReadOnlyList<RooflineChartPoint> Points { get; }

        /// <summary>The ceilings.</summary>
        public IReadOnlyList<RooflineCeiling> Ceilings { get; }

        /// <summary>Footnotes.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Width, px.</summary>
        public int Width { get; }

        /// <summary>Height, px (at least; a long legend adds to it).</summary>
        public int Height { get; }
    }
}
