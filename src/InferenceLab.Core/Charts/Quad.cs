using System;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// A convex quadrilateral in SVG pixels: an axis-aligned box, or the footprint of text rotated along a sloped line.
    /// Overlap tests use the separating-axis theorem, so a label rotated along a memory ceiling is not mistaken for its
    /// far larger axis-aligned bounding box.
    /// </summary>
    internal sealed class Quad
    {
        private readonly double[] xs;
        private readonly double[] ys;

        private Quad(double[] xs, double[] ys)
        {
            this.xs = xs;
            this.ys = ys;
            double minX = Math.Min(Math.Min(xs[0], xs[1]), Math.Min(xs[2], xs[3]));
            double maxX = Math.Max(Math.Max(xs[0], xs[1]), Math.Max(xs[2], xs[3]));
            double minY = Math.Min(Math.Min(ys[0], ys[1]), Math.Min(ys[2], ys[3]));
            double maxY = Math.Max(Math.Max(ys[0], ys[1]), Math.Max(ys[2], ys[3]));
            Bounds = new Box(minX, minY, maxX - minX, maxY - minY);
        }

        /// <summary>The axis-aligned box around the corners.</summary>
        public Box Bounds { get; }

        public static Quad FromBox(Box box) =>
            new Quad(new[] { box.X, box.Right, box.Right, box.X }, new[] { box.Y, box.Y, box.Bottom, box.Bottom });

        /// <summary>A <paramref name="width"/> × <paramref name="height"/> rectangle centred on (cx, cy), rotated by <paramref name="degrees"/> (SVG's sense: clockwise on screen).</summary>
        public static Quad Rotated(double cx, double cy, double width, double height, double degrees)
        {
            double a = degrees * Math.PI / 180, c = Math.Cos(a), s = Math.Sin(a);
            double[] dx = { -width / 2, width / 2, width / 2, -width / 2 };
            double[] dy = { -height / 2, -height / 2, height / 2, height / 2 };
            var xs = new double[4];
            var ys = new double[4];
            for (int i = 0; i < 4; i++)
            {
                xs[i] = cx + (dx[i] * c) - (dy[i] * s);
                ys[i] = cy + (dx[i] * s) + (dy[i] * c);
            }

            return new Quad(xs, ys);
        }

        /// <summary>True when every corner lies inside <paramref name="box"/>.</summary>
        public bool IsInside(Box box)
        {
            for (int i = 0; i < 4; i++)
            {
                if (xs[i] < box.X - 1e-6 || xs[i] > box.Right + 1e-6 || ys[i] < box.Y - 1e-6 || ys[i] > box.Bottom + 1e-6)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the interiors overlap (touching edges do not count).</summary>
        public bool Intersects(Quad other)
        {
            if (!Bounds.Inflate(0.01).Intersects(other.Bounds))
            {
                return false;
            }

            return !HasSeparatingAxis(this, other) && !HasSeparatingAxis(other, this);
        }

        /// <summary>True when the segment passes through the interior.</summary>
        public bool IntersectsSegment(double x1, double y1, double x2, double y2)
        {
            var segment = new Quad(new[] { x1, x2, x2, x1 }, new[] { y1, y2, y2, y1 });
            if (!Bounds.Inflate(0.01).Intersects(segment.Bounds.Inflate(0.01)))
            {
                return false;
            }

            // Axes: the quad's edge normals and the segment's normal.
            if (HasSeparatingAxis(this, segment))
            {
                return false;
            }

            double nx = -(y2 - y1), ny = x2 - x1;
            return !Separates(nx, ny, this, segment);
        }

        /// <summary>Area shared with <paramref name="other"/>, approximated by the bounding boxes; 0 when they do not intersect.</summary>
        public double OverlapArea(Quad other) => Intersects(other) ? Bounds.OverlapArea(other.Bounds) : 0;

        private static bool HasSeparatingAxis(Quad a, Quad b)
        {
            for (int i = 0; i < 4; i++)
            {
                int j = (i + 1) % 4;
                double nx = -(a.ys[j] - a.ys[i]), ny = a.xs[j] - a.xs[i];
                if (nx == 0 && ny == 0)
                {
                    continue;
                }

                if (Separates(nx, ny, a, b))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Separates(double nx, double ny, Quad a, Quad b)
        {
            double length = Math.Sqrt((nx * nx) + (ny * ny));
            if (length == 0)
            {
                return false;
            }

            nx /= length;
            ny /= length;
            Project(a, nx, ny, out double aMin, out double aMax);
            Project(b, nx, ny, out double bMin, out double bMax);
            return aMax <= bMin + 1e-6 || bMax <= aMin + 1e-6;
        }

        private static void Project(Quad q, double nx, double ny, out double min, out double max)
        {
            min = double.MaxValue;
            max = double.MinValue;
            for (int i = 0; i < 4; i++)
            {
                double p = (q.xs[i] * nx) + (q.ys[i] * ny);
                min = Math.Min(min, p);
                max = Math.Max(max, p);
            }
        }
    }
}
