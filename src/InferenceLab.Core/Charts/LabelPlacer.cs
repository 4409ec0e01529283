using System;
using System.Collections.Generic;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Greedy label placement with collision avoidance. Each label offers candidate spots (around its point, in rings of
    /// growing distance); the placer takes the cheapest spot that stays inside the plot, overlaps no marker, no label
    /// already placed and no leader line, and whose own leader line crosses nothing. Lines of the chart (ceilings, series)
    /// are soft obstacles: crossing one costs a little, so a label prefers a clear spot but may sit on a line (its white
    /// background keeps it readable). A caller whose label finds no free spot falls back to a short numbered label and a key.
    /// </summary>
    internal sealed class LabelPlacer
    {
        /// <summary>Cost of a chart line running across a label's whole width; a line clipping a corner costs its share.</summary>
        public const double LineCrossingCost = 16;

        private readonly Box bounds;
        private readonly List<Quad> obstacles = new List<Quad>();
        private readonly List<(double X1, double Y1, double X2, double Y2)> lines = new List<(double, double, double, double)>();
        private readonly List<(double X1, double Y1, double X2, double Y2)> leaders = new List<(double, double, double, double)>();
        private readonly List<(double X, double Y)> points = new List<(double, double)>();

        public LabelPlacer(Box bounds)
        {
            this.bounds = bounds;
        }

        /// <summary>Distances (px from the marker's edge) of the rings of candidate spots; from the second ring on a leader line links label and point.</summary>
        public static IReadOnlyList<double> Rings { get; } = new double[] { 3, 10, 22, 38, 58, 82, 110, 145 };

        /// <summary>Something no label may overlap (a marker, a placed label, the legend).</summary>
        public void AddObstacle(Quad shape) => obstacles.Add(shape);

        /// <summary>Cost of a label that sits nearer to another point than to its own: a reader would pair it wrongly.</summary>
        public const double MisleadingCost = 12;

        /// <summary>The sum of the costs of the labels placed (their spots' costs, the lines under them, misleading spots).</summary>
        public double TotalCost { get; private set; }

        /// <summary>A point whose label must not look like another point's.</summary>
        public void AddPoint(double x, double y) => points.Add((x, y));

        /// <summary>A chart line labels should rather not cross.</summary>
        public void AddLine(double x1, double y1, double x2, double y2) => lines.Add((x1, y1, x2, y2));

        /// <summary>
        /// Candidate spots for a <paramref name="width"/> × <paramref name="height"/> label around a marker of half-size
        /// <paramref name="radius"/> at (x, y): right, left, above, below and the diagonals first, then more angles further out.
        /// </summary>
        /// <param name="x">The point's x.</param>
        /// <param name="y">The point's y.</param>
        /// <param name="radius">Half-size of its marker.</param>
        /// <param name="width">Label width.</param>
        /// <param name="height">Label height.</param>
        /// <param name="ringCount">Rings to offer, from <paramref name="firstRing"/>.</param>
        /// <param name="firstRing">
        /// The nearest ring to offer: 0 normally; further out for a point in a crowd, whose labels then fan out on leader lines
        /// instead of hemming each other in beside the point.
        /// </param>
        public static IEnumerable<LabelCandidate> Around(double x, double y, double radius, double width, double height, int ringCount, int firstRing = 0)
        {
            // Preference order at the nearest rings: right, left, above, below, then the diagonals.
            double[] preferred = { 0, 180, 90, 270, 45, 135, 315, 225 };
            for (int ring = firstRing; ring < Math.Min(ringCount, Rings.Count); ring++)
            {
                double distance = radius + Rings[ring];
                bool leader = ring >= 1;
                var angles = new List<double>(preferred);
                if (ring >= 3)
                {
                    for (double a = 22.5; a < 360; a += 45)
                    {
                        angles.Add(a);
                    }
                }

                for (int i = 0; i < angles.Count; i++)
                {
                    double radians = angles[i] * Math.PI / 180;
                    double c = Math.Cos(radians), s = Math.Sin(radians);
                    double ax = x + (distance * c), ay = y - (distance * s);
                    double left = c > 0.38 ? ax : c < -0.38 ? ax - width : ax - (width / 2);
                    double top = s > 0.38 ? ay - height : s < -0.38 ? ay : ay - (height / 2);
                    var box = new Box(left, top, width, height);
                    double cost = (ring * 10) + i;
                    yield return leader
                        ? new LabelCandidate(Quad.FromBox(box), cost, x + (radius * c), y - (radius * s), (x, y))
                        : new LabelCandidate(Quad.FromBox(box), cost, owner: (x, y));
                }

                // Callout columns right and left of the point: labels stacked one above another, each on a leader from the
                // point. Leaders fanning from one point into a column cross neither each other nor the column's boxes, so a
                // crowd of labels at one spot still finds room.
                if (ring >= 2 && ring <= 4)
                {
                    for (int k = 1; k <= 7; k++)
                    {
                        foreach (int sign in new[] { -1, 1 })
                        {
                            double top = y - (height / 2) + (sign * k * (height + 1));
                            double cost = (ring * 10) + 8 + k;
                            double middle = top + (height / 2);
                            double toRight = Math.Atan2(y - middle, distance);
                            yield return new LabelCandidate(Quad.FromBox(new Box(x + distance, top, width, height)), cost, x + (radius * Math.Cos(toRight)), y - (radius * Math.Sin(toRight)), (x, y));
                            yield return new LabelCandidate(Quad.FromBox(new Box(x - distance - width, top, width, height)), cost + 0.5, x - (radius * Math.Cos(toRight)), y - (radius * Math.Sin(toRight)), (x, y));
                        }
                    }
                }
            }
        }

        /// <summary>A mark to return to with <see cref="Rollback"/>: how many labels and leaders are placed, at what cost.</summary>
        public (int Obstacles, int Leaders, double Cost) Checkpoint() => (obstacles.Count, leaders.Count, TotalCost);

        /// <summary>Removes everything placed since <paramref name="mark"/>, and its cost.</summary>
        public void Rollback((int Obstacles, int Leaders, double Cost) mark)
        {
            obstacles.RemoveRange(mark.Obstacles, obstacles.Count - mark.Obstacles);
            leaders.RemoveRange(mark.Leaders, leaders.Count - mark.Leaders);
            TotalCost = mark.Cost;
        }

        /// <summary>The cheapest free candidate, now placed (an obstacle for later labels); null when none is free.</summary>
        public LabelCandidate? TryPlace(IEnumerable<LabelCandidate> candidates)
        {
            LabelCandidate? best = null;
            double bestCost = double.MaxValue;
            foreach (var candidate in candidates)
            {
                if (candidate.Cost >= bestCost || !IsFree(candidate))
                {
                    continue;
                }

                double cost = candidate.Cost + LineCost(candidate.Shape) + Misleading(candidate);
                if (cost < bestCost)
                {
                    best = candidate;
                    bestCost = cost;
                }
            }

            if (best != null)
            {
                Commit(best);
                TotalCost += bestCost;
            }

            return best;
        }

        /// <summary>The candidate that overlaps least (inside the plot when any is), placed even though it is not free.</summary>
        public LabelCandidate PlaceLeastBad(IEnumerable<LabelCandidate> candidates)
        {
            LabelCandidate? best = null;
            double bestScore = double.MaxValue;
            foreach (var candidate in candidates)
            {
                double overlap = 0;
                foreach (var obstacle in obstacles)
                {
                    overlap += candidate.Shape.OverlapArea(obstacle);
                }

                double score = (candidate.Shape.IsInside(bounds) ? 0 : 1e9) + (overlap * 100) + candidate.Cost;
                if (score < bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            if (best == null)
            {
                throw new InvalidOperationException("A label needs at least one candidate spot.");
            }

            Commit(best);
            TotalCost += bestScore;
            return best;
        }

        private bool IsFree(LabelCandidate candidate)
        {
            var shape = candidate.Shape;
            if (!shape.IsInside(bounds))
            {
                return false;
            }

            foreach (var obstacle in obstacles)
            {
                if (shape.Intersects(obstacle))
                {
                    return false;
                }
            }

            foreach (var (x1, y1, x2, y2) in leaders)
            {
                if (shape.IntersectsSegment(x1, y1, x2, y2))
                {
                    return false;
                }
            }

            if (candidate.HasLeader)
            {
                double fromX = candidate.LeaderFromX!.Value, fromY = candidate.LeaderFromY!.Value;
                var (toX, toY) = candidate.LeaderTo;
                foreach (var obstacle in obstacles)
                {
                    // The leader starts on its own point's marker (and on any marker drawn at the same spot): those do not block it.
                    if (obstacle.Bounds.Inflate(0.5).Contains(new Box(fromX, fromY, 0, 0)))
                    {
                        continue;
                    }

                    if (obstacle.IntersectsSegment(fromX, fromY, toX, toY))
                    {
                        return false;
                    }
                }

                foreach (var leader in leaders)
                {
                    if (SegmentsCross(fromX, fromY, toX, toY, leader))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary><see cref="MisleadingCost"/> when another point (not one drawn on top of the owner) is nearer the label than its owner.</summary>
        private double Misleading(LabelCandidate candidate)
        {
            if (!candidate.Owner.HasValue)
            {
                return 0;
            }

            var (ox, oy) = candidate.Owner.Value;
            var box = candidate.Shape.Bounds;
            double own = DistanceTo(box, ox, oy);
            foreach (var (px, py) in points)
            {
                bool sameSpot = Math.Abs(px - ox) < 1 && Math.Abs(py - oy) < 1;
                if (!sameSpot && DistanceTo(box, px, py) < own - 1)
                {
                    return MisleadingCost;
                }
            }

            return 0;
        }

        private static double DistanceTo(Box box, double x, double y)
        {
            var (nx, ny) = box.NearestPoint(x, y);
            return Math.Sqrt(((nx - x) * (nx - x)) + ((ny - y) * (ny - y)));
        }

        /// <summary>The soft cost of the chart lines under a label: each line's length inside it, as a share of the label's width.</summary>
        private double LineCost(Quad shape)
        {
            double cost = 0;
            var box = shape.Bounds;
            foreach (var (x1, y1, x2, y2) in lines)
            {
                if (shape.IntersectsSegment(x1, y1, x2, y2))
                {
                    cost += LineCrossingCost * Math.Min(1, box.SegmentLengthInside(x1, y1, x2, y2) / Math.Max(1, box.Width));
                }
            }

            return cost;
        }

        private void Commit(LabelCandidate candidate)
        {
            obstacles.Add(candidate.Shape);
            if (candidate.HasLeader)
            {
                var (toX, toY) = candidate.LeaderTo;
                leaders.Add((candidate.LeaderFromX!.Value, candidate.LeaderFromY!.Value, toX, toY));
            }
        }

        private static bool SegmentsCross(double ax, double ay, double bx, double by, (double X1, double Y1, double X2, double Y2) other)
        {
            double d1 = Cross(other.X1, other.Y1, other.X2, other.Y2, ax, ay);
            double d2 = Cross(other.X1, other.Y1, other.X2, other.Y2, bx, by);
            double d3 = Cross(ax, ay, bx, by, other.X1, other.Y1);
            double d4 = Cross(ax, ay, bx, by, other.X2, other.Y2);

            // Proper crossings only: leaders that share an end point (two labels of one spot) may touch.
            return ((d1 > 1e-9 && d2 < -1e-9) || (d1 < -1e-9 && d2 > 1e-9)) && ((d3 > 1e-9 && d4 < -1e-9) || (d3 < -1e-9 && d4 > 1e-9));
        }

        private static double Cross(double x1, double y1, double x2, double y2, double px, double py) =>
            ((x2 - x1) * (py - y1)) - ((y2 - y1) * (px - x1));
    }
}
