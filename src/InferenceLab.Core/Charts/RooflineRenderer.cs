using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Lays out and writes a log-log roofline chart: per GPU a memory ceiling (y = bandwidth × intensity) rising to one
    /// compute ceiling per data type, each ridge point marked; the points on top, each labelled without overlap; a legend
    /// at the right. Everything is placed first, then written, so the SVG's size is known when its root is written.
    /// </summary>
    internal sealed class RooflineRenderer
    {
        private const double LabelFontSize = 11;
        private const double MarkerRadius = 4.5;
        private const double RidgeRadius = 4.5;
        private const string ClipId = "roofline-plot";

        /// <summary>
        /// Most points labelled one by one. Beyond it the labels would bury the roof, so the points go unlabelled and each
        /// one's figures stay in its tooltip and in the chart's description (a line chart suits such sweeps better).
        /// </summary>
        internal const int MaxLabelledPoints = 30;

        private readonly RooflineChartRequest request;
        private readonly List<string> gpus;
        private readonly bool multiGpu;

        private RooflineRenderer(RooflineChartRequest request)
        {
            this.request = request;
            gpus = request.Ceilings.Select(c => c.HardwareName).Concat(request.Points.Select(p => p.HardwareName))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            multiGpu = gpus.Count > 1;
        }

        public static void Render(RooflineChartRequest request, Stream stream) => new RooflineRenderer(request).Write(stream);

        private string Colour(string gpu) => Palette.Colour(gpus.FindIndex(g => string.Equals(g, gpu, StringComparison.OrdinalIgnoreCase)));

        private static MarkerShape ShapeOf(Phase? phase) =>
            phase == Phase.Prefill ? MarkerShape.Circle : phase == Phase.Decode ? MarkerShape.Square : MarkerShape.Diamond;

        private void Write(Stream stream)
        {
            double width = request.Width;

            // Vertical layout: title, subtitle, plot, x axis, notes.
            var subtitle = request.Subtitle.Length > 0 ? TextMetrics.Wrap(request.Subtitle, ChartFrame.SubtitleFontSize, width - 40) : Array.Empty<string>();
            double plotTop = ChartFrame.PlotTop(subtitle.Count);

            bool labelPoints = request.Points.Count <= MaxLabelledPoints;

            // The legend's width is fixed before the labels are placed, wide enough for any label to move into its key.
            var baseItems = LegendItems();
            double keyWidth = labelPoints ? request.Points.Select(p => 22 + TextMetrics.Width(p.Label, LabelFontSize)).DefaultIfEmpty(0).Max() + 24 : 0;
            double legendWidth = Math.Min(width * 0.36, Math.Max(Legend.NaturalWidth(baseItems), keyWidth));
            double legendX = width - ChartFrame.Margin - legendWidth;
            double plotRight = legendX - 20;

            var notes = labelPoints
                ? request.Notes
                : request.Notes.Concat(new[] { string.Format(CultureInfo.InvariantCulture, "{0} points are too many to label; each point's figures are in its tooltip and in the chart's description.", request.Points.Count) }).ToList();
            var noteLines = ChartFrame.WrapAll(notes, ChartFrame.NoteFontSize, width - (2 * ChartFrame.Margin));
            double plotBottom = request.Height - ChartFrame.BelowPlot - (noteLines.Count * ChartFrame.NoteLineHeight) - 4;

            // Domains: every point and ridge inside, the memory slope visible left of the lowest ridge and each compute
            // ceiling long enough right of its ridge to carry its label.
            double xLo = request.Points.Min(p => p.ArithmeticIntensityFlopsPerByte) / 2.2;
            double xHi = request.Points.Max(p => p.ArithmeticIntensityFlopsPerByte) * 2.2;
            xLo = Math.Min(xLo, request.Ceilings.Min(c => c.RidgeFlopsPerByte) / 8);
            xHi = Math.Max(xHi, request.Ceilings.Max(c => c.RidgeFlopsPerByte) * 12);
            var xDomain = Axis.Log(xLo, xHi, 0, 1, true, DisplayUnit.For("FLOP/B", xHi), string.Empty, decades: false);
            // Room above the highest ceiling for the labels of the points on it.
            double yHi = Math.Max(request.Ceilings.Max(c => c.PeakFlopsPerSecond), request.Points.Max(p => p.FlopsPerSecond)) * 1.6;
            double yLo = Math.Min(request.Points.Min(p => p.FlopsPerSecond) / 2.2, request.Ceilings.Min(c => c.MemoryBandwidthBytesPerSecond) * xDomain.Min);
            // The unit follows the slowest rate the points run at (TFLOP/s for 312e12 beside 1.3e15), not the highest ceiling
            // drawn (int4's POP/s), so the ceilings that matter read as whole numbers.
            var yUnit = DisplayUnit.For("FLOP/s", request.Ceilings.Where(c => c.IsPrimary).Select(c => c.PeakFlopsPerSecond).DefaultIfEmpty(yHi).Min());
            var y = Axis.Log(yLo, yHi, plotBottom, plotTop, false, yUnit, "Attainable performance (" + yUnit.Name + ")", decades: false);
            double plotLeft = ChartFrame.PlotLeft(y.WidestLabel);
            var x = Axis.Log(xLo, xHi, plotLeft, plotRight, true, DisplayUnit.For("FLOP/B", xHi), "Arithmetic intensity (FLOP/B)", decades: false);
            var plot = new Box(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);

            // Geometry of the roofs and the points.
            var memoryLines = MemoryLines(x, y);
            var markers = request.Points.Select(p => (X: x.Map(p.ArithmeticIntensityFlopsPerByte), Y: y.Map(p.FlopsPerSecond))).ToList();

            // Greedy placement depends on the order the labels go in, so try a few orders and keep the best: fewest labels
            // moved into the legend, then the least total distance from the ideal spots.
            // Each order is tried with labels as near their points as they fit and with crowds fanned out (callout columns,
            // leader lines from the third ring), and with the ceilings' labels placed before or after the points'.
            var placement = (labelPoints ? Orders(markers) : new[] { (IReadOnlyList<int>)Array.Empty<int>() })
                .SelectMany(order => new[] { false, true }.SelectMany(fan => new[] { true, false }.Select(ceilingsFirst => (order, fan, ceilingsFirst))))
                .Select(trial => Place(trial.order, trial.fan, trial.ceilingsFirst, memoryLines, markers, x, y, plot))
                .OrderBy(p => p.Score)
                .First();
            var pointLabels = placement.PointLabels;
            var numbers = placement.Numbers;
            var ceilingLabels = placement.CeilingLabels;
            var ridgeLabels = placement.RidgeLabels;
            var memoryLabels = placement.MemoryLabels;
            var fallbacks = placement.Fallbacks;

            // The legend, with its key; the chart grows taller when the legend needs it.
            var items = new List<LegendItem>(baseItems);
            if (fallbacks.Count > 0)
            {
                items.Add(LegendItem.Heading("Ceilings"));
                items.AddRange(fallbacks);
            }

            var keyed = Enumerable.Range(0, numbers.Length).Where(i => numbers[i] != null).OrderBy(i => int.Parse(numbers[i]!, CultureInfo.InvariantCulture)).ToList();
            if (keyed.Count > 0)
            {
                items.Add(LegendItem.Heading("Labels"));
                items.AddRange(keyed.Select(i => LegendItem.Key(numbers[i]!, request.Points[i].Label)));
            }

            var legend = new Legend(items, legendWidth);
            double notesTop = plotBottom + ChartFrame.BelowPlot + 6;
            double height = Math.Max(request.Height, Math.Max(plotTop + legend.Height + ChartFrame.Margin, notesTop + (noteLines.Count * ChartFrame.NoteLineHeight)));

            using (var svg = new SvgWriter(stream))
            {
                svg.StartDocument(width, height, request.Title, Description(x, y, numbers));
                ChartFrame.Background(svg, width, height);
                ChartFrame.ClipPath(svg, ClipId, plot);
                ChartFrame.Grid(svg, plot, x, y);
                ChartFrame.Axes(svg, plot, x, y);
                DrawRoofs(svg, memoryLines, x, y, plot);
                DrawPoints(svg, markers);
                svg.StartGroup("class", "labels");
                for (int i = 0; i < request.Ceilings.Count; i++)
                {
                    var c = request.Ceilings[i];
                    ceilingLabels[i]?.Draw(svg, Colour(c.HardwareName), "class", "ceiling-label", "data-hardware", c.HardwareName, "data-types", c.DataTypeLabel);
                    ridgeLabels[i]?.Draw(svg, Colour(c.HardwareName), "class", "ridge-label", "data-hardware", c.HardwareName, "data-types", c.DataTypeLabel);
                }

                for (int i = 0; i < memoryLines.Count; i++)
                {
                    memoryLabels[i]?.Draw(svg, Colour(memoryLines[i].Gpu), "class", "memory-label", "data-hardware", memoryLines[i].Gpu);
                }

                for (int i = 0; i < pointLabels.Length; i++)
                {
                    pointLabels[i]?.Draw(svg, multiGpu ? Colour(request.Points[i].HardwareName) : Palette.Text, "class", numbers[i] != null ? "point-label numbered" : "point-label", "data-point", "point-" + i.ToString(CultureInfo.InvariantCulture));
                }

                svg.EndGroup();
                legend.Draw(svg, legendX, plotTop);
                ChartFrame.Notes(svg, ChartFrame.Margin, notesTop, noteLines);
                ChartFrame.Titles(svg, width, request.Title, subtitle);
                svg.EndDocument();
            }
        }

        private static double Distance((double X, double Y) a, (double X, double Y) b) =>
            Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

        /// <summary>
        /// Orders to try the point labels in: most crowded first, input order, left to right, right to left, top to bottom,
        /// and for up to 20 points a few fixed shuffles (seeded, so a chart renders the same every time); each order costs a
        /// full placement.
        /// </summary>
        private static IEnumerable<IReadOnlyList<int>> Orders(List<(double X, double Y)> markers)
        {
            var indexes = Enumerable.Range(0, markers.Count).ToList();
            yield return indexes.OrderByDescending(i => markers.Count(m => Distance(m, markers[i]) < 60)).ThenBy(i => i).ToList();
            yield return indexes;
            yield return indexes.OrderBy(i => markers[i].X).ThenBy(i => i).ToList();
            yield return indexes.OrderByDescending(i => markers[i].X).ThenBy(i => i).ToList();
            yield return indexes.OrderBy(i => markers[i].Y).ThenBy(i => i).ToList();
            var random = new Random(9);
            for (int k = 0; k < (markers.Count > 20 ? 0 : 8); k++)
            {
                yield return indexes.OrderBy(_ => random.Next()).ToList();
            }
        }

        /// <summary>
        /// Places every label on a fresh placer: the ceilings the points run at (first, or after the points when
        /// <paramref name="ceilingsFirst"/> is false), the points' labels in <paramref name="order"/> (crowds as callout
        /// columns when <paramref name="fanCrowds"/>), numbers for those that found no spot, then the ridges, the memory
        /// ceilings and the other data types. A roof label that finds no free spot moves into the legend rather
        /// than overlap anything.
        /// </summary>
        private Placement Place(IReadOnlyList<int> order, bool fanCrowds, bool ceilingsFirst, List<(string Gpu, double Bandwidth, double X1, double Y1, double X2, double Y2)> memoryLines, List<(double X, double Y)> markers, Axis x, Axis y, Box plot)
        {
            var placer = new LabelPlacer(plot.Inflate(-2));
            foreach (var line in memoryLines)
            {
                placer.AddLine(line.X1, line.Y1, line.X2, line.Y2);
            }

            foreach (var c in request.Ceilings)
            {
                double ry = y.Map(c.PeakFlopsPerSecond), rx = x.Map(c.RidgeFlopsPerByte);
                placer.AddLine(rx, ry, plot.Right, ry);
                placer.AddObstacle(Quad.FromBox(Box.Around(rx, ry, RidgeRadius + 1)));
                if (c.IsPrimary)
                {
                    placer.AddLine(rx, ry, rx, plot.Bottom);
                }
            }

            foreach (var (mx, my) in markers)
            {
                placer.AddObstacle(Quad.FromBox(Box.Around(mx, my, MarkerRadius + 1.5)));
                placer.AddPoint(mx, my);
            }

            var result = new Placement(request.Points.Count, request.Ceilings.Count, memoryLines.Count);
            var primary = Enumerable.Range(0, request.Ceilings.Count).Where(i => request.Ceilings[i].IsPrimary).ToList();
            foreach (var i in primary.Where(_ => ceilingsFirst))
            {
                result.CeilingLabels[i] = PlaceCeilingLabel(placer, request.Ceilings[i], x, y, plot, result.Fallbacks);
            }

            var unplaced = new List<int>();
            var inColumns = new HashSet<int>();
            if (fanCrowds && order.Count > 0)
            {
                foreach (var cluster in Clusters(markers).Where(c => c.Count >= 3))
                {
                    if (PlaceColumn(placer, cluster, markers, plot, result))
                    {
                        inColumns.UnionWith(cluster);
                    }
                }
            }

            foreach (int i in order.Where(i => !inColumns.Contains(i)))
            {
                var (w, h) = PlacedLabel.Size(request.Points[i].Label, LabelFontSize);
                bool crowded = fanCrowds && markers.Where((m, j) => j != i && Distance(m, markers[i]) < (2 * MarkerRadius) + 2).Any();
                var spot = placer.TryPlace(LabelPlacer.Around(markers[i].X, markers[i].Y, MarkerRadius, w, h, LabelPlacer.Rings.Count, crowded ? 2 : 0));
                if (spot != null)
                {
                    result.PointLabels[i] = new PlacedLabel(request.Points[i].Label, LabelFontSize, spot, towardsX: markers[i].X);
                }
                else
                {
                    unplaced.Add(i);
                }
            }

            // Crowded points: a number beside the point and the label in the legend's key.
            int next = 1;
            foreach (int i in unplaced.OrderBy(i => i))
            {
                string number = (next++).ToString(CultureInfo.InvariantCulture);
                var (w, h) = PlacedLabel.Size(number, LabelFontSize);
                var candidates = LabelPlacer.Around(markers[i].X, markers[i].Y, MarkerRadius, w, h, LabelPlacer.Rings.Count).ToList();
                var spot = placer.TryPlace(candidates);
                result.Score += spot == null ? 1e6 : 1000;
                spot = spot ?? placer.PlaceLeastBad(candidates);
                result.PointLabels[i] = new PlacedLabel(number, LabelFontSize, spot, towardsX: markers[i].X);
                result.Numbers[i] = number;
            }

            foreach (var i in primary.Where(_ => !ceilingsFirst))
            {
                result.CeilingLabels[i] = PlaceCeilingLabel(placer, request.Ceilings[i], x, y, plot, result.Fallbacks);
            }

            for (int i = 0; i < request.Ceilings.Count; i++)
            {
                result.RidgeLabels[i] = request.Ceilings[i].IsPrimary ? PlaceRidgeLabel(placer, request.Ceilings[i], x, y, plot, result.Fallbacks) : null;
            }

            for (int i = 0; i < memoryLines.Count; i++)
            {
                result.MemoryLabels[i] = PlaceMemoryLabel(placer, memoryLines[i], result.Fallbacks);
            }

            foreach (var i in Enumerable.Range(0, request.Ceilings.Count).Where(i => !request.Ceilings[i].IsPrimary))
            {
                result.CeilingLabels[i] = PlaceCeilingLabel(placer, request.Ceilings[i], x, y, plot, result.Fallbacks);
            }

            result.Score += (100 * result.Fallbacks.Count) + placer.TotalCost;
            return result;
        }

        /// <summary>Groups of points whose markers lie within 36 px of another of the group (single-linkage), each sorted.</summary>
        private static List<List<int>> Clusters(List<(double X, double Y)> markers)
        {
            var group = Enumerable.Range(0, markers.Count).ToArray();
            int Find(int i) => group[i] == i ? i : group[i] = Find(group[i]);
            for (int i = 0; i < markers.Count; i++)
            {
                for (int j = i + 1; j < markers.Count; j++)
                {
                    if (Distance(markers[i], markers[j]) < 36)
                    {
                        group[Find(i)] = Find(j);
                    }
                }
            }

            return Enumerable.Range(0, markers.Count).GroupBy(Find).Select(g => g.OrderBy(i => i).ToList()).ToList();
        }

        /// <summary>
        /// A crowd's labels as a callout column beside it: stacked top to bottom in the order of their points' heights, each
        /// on a leader from its point, so the leaders fan out without crossing. Tries the right side, then the left, at
        /// growing distances; places all of the crowd's labels or none.
        /// </summary>
        private bool PlaceColumn(LabelPlacer placer, List<int> cluster, List<(double X, double Y)> markers, Box plot, Placement result)
        {
            var ordered = cluster.OrderBy(i => markers[i].Y).ThenBy(i => markers[i].X).ToList();
            var sizes = ordered.Select(i => PlacedLabel.Size(request.Points[i].Label, LabelFontSize)).ToList();
            double rowHeight = sizes.Max(s => s.Height) + 1;
            double columnHeight = (rowHeight * ordered.Count) - 1;
            double left = cluster.Min(i => markers[i].X) - MarkerRadius, right = cluster.Max(i => markers[i].X) + MarkerRadius;
            double middle = cluster.Average(i => markers[i].Y);
            // Centred on the crowd first, then shifted down (into the empty space under the roof) or up.
            var tops = new[] { 0, 1, 2, 3, 4, 5, 6, -1, -2, -3 }
                .Select(k => Math.Max(plot.Y + 3, Math.Min(plot.Bottom - 3 - columnHeight, middle - (columnHeight / 2) + (k * 2 * rowHeight))))
                .Distinct()
                .ToList();
            foreach (var (gap, rightSide, top) in
                from g in new[] { 18.0, 36, 64, 100 }
                from t in tops
                from r in new[] { true, false }
                select (g, r, t))
            {
                var mark = placer.Checkpoint();
                var spots = new List<LabelCandidate>();
                for (int k = 0; k < ordered.Count; k++)
                {
                    var (w, h) = sizes[k];
                    var (px, py) = markers[ordered[k]];
                    double boxX = rightSide ? right + gap : left - gap - w;
                    double boxY = top + (k * rowHeight);
                    double toX = rightSide ? boxX : boxX + w, toY = boxY + (h / 2);
                    double length = Distance((px, py), (toX, toY));
                    var spot = placer.TryPlace(new[]
                    {
                        new LabelCandidate(Quad.FromBox(new Box(boxX, boxY, w, h)), (gap / 10) + k, px + (MarkerRadius * (toX - px) / length), py + (MarkerRadius * (toY - py) / length)),
                    });
                    if (spot == null)
                    {
                        break;
                    }

                    spots.Add(spot);
                }

                if (spots.Count == ordered.Count)
                {
                    for (int k = 0; k < ordered.Count; k++)
                    {
                        int i = ordered[k];
                        result.PointLabels[i] = new PlacedLabel(request.Points[i].Label, LabelFontSize, spots[k], towardsX: markers[i].X);
                    }

                    return true;
                }

                placer.Rollback(mark);
            }

            return false;
        }

        /// <summary>
        /// One memory ceiling per GPU and bandwidth: from where y = bandwidth × intensity enters the plot to the ridge of
        /// that GPU's highest compute ceiling.
        /// </summary>
        private List<(string Gpu, double Bandwidth, double X1, double Y1, double X2, double Y2)> MemoryLines(Axis x, Axis y)
        {
            var lines = new List<(string, double, double, double, double, double)>();
            foreach (var group in request.Ceilings.GroupBy(c => (Gpu: c.HardwareName.ToLowerInvariant(), c.MemoryBandwidthBytesPerSecond)))
            {
                double bandwidth = group.Key.MemoryBandwidthBytesPerSecond;
                double top = group.Max(c => c.PeakFlopsPerSecond);
                double startIntensity = Math.Max(x.Min, y.Min / bandwidth);
                double endIntensity = Math.Min(x.Max, top / bandwidth);
                lines.Add((group.First().HardwareName, bandwidth, x.Map(startIntensity), y.Map(bandwidth * startIntensity), x.Map(endIntensity), y.Map(bandwidth * endIntensity)));
            }

            return lines;
        }

        private PlacedLabel? PlaceCeilingLabel(LabelPlacer placer, RooflineCeiling c, Axis x, Axis y, Box plot, List<LegendItem> fallbacks)
        {
            string text = CeilingText(c);
            var (w, h) = PlacedLabel.Size(text, LabelFontSize);
            double lineY = y.Map(c.PeakFlopsPerSecond), ridgeX = x.Map(c.RidgeFlopsPerByte);
            var candidates = new List<LabelCandidate>();
            // Right-aligned at the plot's edge, else further left; just above the line, else clear of the markers on it, else below.
            foreach (var gap in new[] { 2, MarkerRadius + 3 })
            {
                for (double shift = 0; plot.Right - 4 - shift - w >= ridgeX + RidgeRadius + 2; shift += 12)
                {
                    double left = plot.Right - 4 - shift - w;
                    double cost = (shift / 12) + (gap > 2 ? 2 : 0);
                    candidates.Add(new LabelCandidate(Quad.FromBox(new Box(left, lineY - gap - h, w, h)), cost));
                    candidates.Add(new LabelCandidate(Quad.FromBox(new Box(left, lineY + gap, w, h)), cost + 3));
                }
            }

            // Else above the roof left of the ridge, ending at the ridge point: nothing is attainable there, so it is empty
            // but for the memory ceilings of faster GPUs.
            foreach (var gap in new[] { 2, MarkerRadius + 3 })
            {
                for (double shift = 0; ridgeX - RidgeRadius - 2 - shift - w >= plot.X + 2; shift += 12)
                {
                    double left = ridgeX - RidgeRadius - 2 - shift - w;
                    candidates.Add(new LabelCandidate(Quad.FromBox(new Box(left, lineY - gap - h, w, h)), 8 + (shift / 12) + (gap > 2 ? 2 : 0)));
                }
            }

            var spot = placer.TryPlace(candidates);
            if (spot == null)
            {
                fallbacks.Add(LegendItem.Line(text, Colour(c.HardwareName), c.IsPrimary ? 2.5 : 1.5, c.IsPrimary ? null : "6 4"));
                return null;
            }

            return new PlacedLabel(text, LabelFontSize, spot);
        }

        /// <summary>The ridge's intensity beside its dotted guide, near the x axis where a reader looks for it; else up the guide.</summary>
        private PlacedLabel? PlaceRidgeLabel(LabelPlacer placer, RooflineCeiling c, Axis x, Axis y, Box plot, List<LegendItem> fallbacks)
        {
            string text = (multiGpu ? c.HardwareName + " " : string.Empty) + "ridge " + NumberText.Significant(c.RidgeFlopsPerByte, 3) + " FLOP/B";
            var (w, h) = PlacedLabel.Size(text, LabelFontSize);
            double rx = x.Map(c.RidgeFlopsPerByte), ry = y.Map(c.PeakFlopsPerSecond);
            var candidates = new List<LabelCandidate>();
            for (double top = plot.Bottom - 4 - h; top >= ry + RidgeRadius + 4; top -= 8)
            {
                double cost = (plot.Bottom - 4 - h - top) / 8;
                candidates.Add(new LabelCandidate(Quad.FromBox(new Box(rx + 3, top, w, h)), cost));
                candidates.Add(new LabelCandidate(Quad.FromBox(new Box(rx - 3 - w, top, w, h)), cost + 1));
            }

            var spot = placer.TryPlace(candidates);
            if (spot == null)
            {
                fallbacks.Add(LegendItem.Marker(text, Colour(c.HardwareName), MarkerShape.Circle, open: true));
                return null;
            }

            return new PlacedLabel(text, LabelFontSize, spot, towardsX: rx);
        }

        private PlacedLabel? PlaceMemoryLabel(LabelPlacer placer, (string Gpu, double Bandwidth, double X1, double Y1, double X2, double Y2) line, List<LegendItem> fallbacks)
        {
            string text = (multiGpu ? line.Gpu + " " : string.Empty) + Rate(line.Bandwidth, "B/s") + " memory";
            var (w, h) = PlacedLabel.Size(text, LabelFontSize);
            double dx = line.X2 - line.X1, dy = line.Y2 - line.Y1, length = Math.Sqrt((dx * dx) + (dy * dy));
            double angle = Math.Atan2(dy, dx) * 180 / Math.PI;
            double nx = dy / length, ny = -dx / length; // unit normal towards the upper left of a rising line
            var candidates = new List<(LabelCandidate Candidate, double Cx, double Cy)>();
            for (double f = 0.04; f <= 0.96; f += 0.02)
            {
                double px = line.X1 + (f * dx), py = line.Y1 + (f * dy);
                foreach (var side in new[] { 1.0, -1.0 })
                {
                    double cx = px + (side * nx * ((h / 2) + 2)), cy = py + (side * ny * ((h / 2) + 2));
                    double cost = (Math.Abs(f - 0.3) * 10) + (side < 0 ? 4 : 0);
                    candidates.Add((new LabelCandidate(Quad.Rotated(cx, cy, w, h, angle), cost), cx, cy));
                }
            }

            var spot = placer.TryPlace(candidates.Select(c => c.Candidate));
            if (spot == null)
            {
                fallbacks.Add(LegendItem.Line(text, Colour(line.Gpu), 2.5, rising: true));
                return null;
            }

            var chosen = candidates.First(c => ReferenceEquals(c.Candidate, spot));
            return new PlacedLabel(text, LabelFontSize, spot, angle, chosen.Cx, chosen.Cy);
        }

        private string CeilingText(RooflineCeiling c) =>
            (multiGpu ? c.HardwareName + " " : string.Empty) + c.DataTypeLabel + " " + Rate(c.PeakFlopsPerSecond, c.IsIntegerRate ? "OP/s" : "FLOP/s");

        private static string Rate(double value, string unit)
        {
            var display = DisplayUnit.For(unit == "OP/s" ? "FLOP/s" : unit, value);
            string name = unit == "OP/s" ? display.Name.Replace("FLOP", "OP") : display.Name;
            return NumberText.Significant(value / display.Factor, 3) + " " + name;
        }

        private void DrawRoofs(SvgWriter svg, List<(string Gpu, double Bandwidth, double X1, double Y1, double X2, double Y2)> memoryLines, Axis x, Axis y, Box plot)
        {
            svg.StartGroup("class", "ceilings", "clip-path", "url(#" + ClipId + ")", "fill", "none");
            foreach (var c in request.Ceilings.Where(c => c.IsPrimary))
            {
                double rx = x.Map(c.RidgeFlopsPerByte), ry = y.Map(c.PeakFlopsPerSecond);
                svg.Line(rx, ry, rx, plot.Bottom, "class", "ridge-guide", "stroke", Colour(c.HardwareName), "stroke-width", "1", "stroke-dasharray", "2 3", "stroke-opacity", "0.7");
            }

            foreach (var line in memoryLines)
            {
                svg.Line(line.X1, line.Y1, line.X2, line.Y2, "class", "memory-ceiling", "data-hardware", line.Gpu, "data-bandwidth", ChartFrame.Value(line.Bandwidth), "stroke", Colour(line.Gpu), "stroke-width", "2.5", "stroke-linecap", "round");
            }

            foreach (var c in request.Ceilings)
            {
                double rx = x.Map(c.RidgeFlopsPerByte), ry = y.Map(c.PeakFlopsPerSecond);
                svg.Line(rx, ry, plot.Right, ry, "class", c.IsPrimary ? "compute-ceiling primary" : "compute-ceiling", "data-hardware", c.HardwareName, "data-types", c.DataTypeLabel, "data-peak", ChartFrame.Value(c.PeakFlopsPerSecond),
                    "stroke", Colour(c.HardwareName), "stroke-width", c.IsPrimary ? "2.5" : "1.5", "stroke-dasharray", c.IsPrimary ? null : "6 4", "stroke-opacity", c.IsPrimary ? null : "0.8");
            }

            svg.EndGroup();

            svg.StartGroup("class", "ridges");
            foreach (var c in request.Ceilings)
            {
                double rx = x.Map(c.RidgeFlopsPerByte), ry = y.Map(c.PeakFlopsPerSecond);
                svg.StartGroup("class", "ridge-point", "data-hardware", c.HardwareName, "data-types", c.DataTypeLabel);
                svg.Tooltip(c.HardwareName + " " + c.DataTypeLabel + " ridge point: machine balance " + NumberText.Significant(c.RidgeFlopsPerByte, 4) + " FLOP/B = "
                    + NumberText.Significant(c.PeakFlopsPerSecond, 4) + " FLOP/s ÷ " + NumberText.Significant(c.MemoryBandwidthBytesPerSecond, 4) + " B/s");
                svg.Circle(rx, ry, RidgeRadius, "class", "ridge", "fill", "#ffffff", "stroke", Colour(c.HardwareName), "stroke-width", "1.8");
                svg.EndGroup();
            }

            svg.EndGroup();
        }

        private void DrawPoints(SvgWriter svg, List<(double X, double Y)> markers)
        {
            svg.StartGroup("class", "points");
            for (int i = 0; i < request.Points.Count; i++)
            {
                var p = request.Points[i];
                svg.StartGroup("class", "point", "id", "point-" + i.ToString(CultureInfo.InvariantCulture), "data-label", p.Label, "data-hardware", p.HardwareName);
                svg.Tooltip(p.Description);
                svg.Marker(ShapeOf(p.Phase), markers[i].X, markers[i].Y, MarkerRadius, "class", "marker", "fill", Colour(p.HardwareName), "stroke", "#ffffff", "stroke-width", "1");
                svg.EndGroup();
            }

            svg.EndGroup();
        }

        private List<LegendItem> LegendItems()
        {
            var items = new List<LegendItem>();
            items.Add(LegendItem.Heading(multiGpu ? "GPUs" : "GPU"));
            foreach (var gpu in gpus)
            {
                items.Add(LegendItem.Line(gpu, Colour(gpu), 2.5));
            }

            items.Add(LegendItem.Heading("Roof"));
            items.Add(LegendItem.Line("memory ceiling", Palette.Axis, 2.5, rising: true));
            bool others = request.Ceilings.Any(c => !c.IsPrimary);
            items.Add(LegendItem.Line(others ? "compute ceiling, points' type" : "compute ceiling", Palette.Axis, 2.5));
            if (others)
            {
                items.Add(LegendItem.Line("other data types", Palette.Axis, 1.5, "6 4"));
            }

            items.Add(LegendItem.Marker("ridge point", Palette.Axis, MarkerShape.Circle, open: true));
            var phases = request.Points.Select(p => p.Phase).Distinct().ToList();
            items.Add(LegendItem.Heading("Points"));
            if (phases.Contains(Phase.Prefill))
            {
                items.Add(LegendItem.Marker("prefill", Palette.Axis, MarkerShape.Circle));
            }

            if (phases.Contains(Phase.Decode))
            {
                items.Add(LegendItem.Marker("decode", Palette.Axis, MarkerShape.Square));
            }

            if (phases.Contains(null))
            {
                items.Add(LegendItem.Marker("other", Palette.Axis, MarkerShape.Diamond));
            }

            return items;
        }

        private string Description(Axis x, Axis y, string?[] numbers)
        {
            var text = new List<string>
            {
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Log-log roofline chart. X axis: arithmetic intensity from {0} to {1} FLOP/B. Y axis: attainable performance from {2} to {3} FLOP/s.",
                    NumberText.Significant(x.Min), NumberText.Significant(x.Max), NumberText.Significant(y.Min), NumberText.Significant(y.Max)),
            };
            foreach (var gpu in gpus)
            {
                var own = request.Ceilings.Where(c => string.Equals(c.HardwareName, gpu, StringComparison.OrdinalIgnoreCase)).ToList();
                if (own.Count == 0)
                {
                    continue;
                }

                text.Add(gpu + ": memory ceiling " + Rate(own[0].MemoryBandwidthBytesPerSecond, "B/s") + "; compute ceilings "
                    + string.Join(", ", own.Select(c => c.DataTypeLabel + " " + Rate(c.PeakFlopsPerSecond, c.IsIntegerRate ? "OP/s" : "FLOP/s") + " (ridge at " + NumberText.Significant(c.RidgeFlopsPerByte, 4) + " FLOP/B)")) + ".");
            }

            for (int i = 0; i < request.Points.Count; i++)
            {
                text.Add((numbers[i] != null ? "Point " + numbers[i] + ", " : string.Empty) + request.Points[i].Description);
            }

            text.AddRange(request.Notes);
            return string.Join(" ", text);
        }

        /// <summary>Where one trial put every label, and how good that is (lower is better).</summary>
        private sealed class Placement
        {
            public Placement(int points, int ceilings, int memoryLines)
            {
                PointLabels = new PlacedLabel?[points];
                Numbers = new string?[points];
                CeilingLabels = new PlacedLabel?[ceilings];
                RidgeLabels = new PlacedLabel?[ceilings];
                MemoryLabels = new PlacedLabel?[memoryLines];
            }

            public PlacedLabel?[] PointLabels { get; }

            public string?[] Numbers { get; }

            public PlacedLabel?[] CeilingLabels { get; }

            public PlacedLabel?[] RidgeLabels { get; }

            public PlacedLabel?[] MemoryLabels { get; }

            public List<LegendItem> Fallbacks { get; } = new List<LegendItem>();

            public double Score { get; set; }
        }
    }
}
