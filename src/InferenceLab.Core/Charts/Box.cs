using System;

namespace InferenceLab.Core.Charts
{
    /// <summary>An axis-aligned rectangle in SVG pixels (y grows downwards): the footprint of a label, marker or panel.</summary>
    internal struct Box
    {
        public Box(double x, double y, double width, double height)
        {
            X = x;
            Y = y;
            Width = width;
            Height = height;
        }

        public double X { get; }

        public double Y { get; }

        public double Width { get; }

        public double Height { get; }

        public double Right => X + Width;

        public double Bottom => Y + Height;

        public double CenterX => X + (Width / 2);

        public double CenterY => Y + (Height / 2);

        public static Box Around(double x, double y, double halfSize) => new Box(x - halfSize, y - halfSize, 2 * halfSize, 2 * halfSize);

        public Box Inflate(double margin) => new Box(X - margin, Y - margin, Width + (2 * margin), Height + (2 * margin));

        /// <summary>True when the interiors overlap; boxes that only touch do not.</summary>
        public bool Intersects(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public double OverlapArea(Box other)
        {
            double w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
            double h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
            return w > 0 && h > 0 ? w * h : 0;
        }

        public bool Contains(Box other) => other.X >= X && other.Right <= Right && other.Y >= Y && other.Bottom <= Bottom;

        /// <summary>The point of the box nearest to (<paramref name="x"/>, <paramref name="y"/>): where a leader line ends.</summary>
        public (double X, double Y) NearestPoint(double x, double y) =>
            (Math.Max(X, Math.Min(Right, x)), Math.Max(Y, Math.Min(Bottom, y)));

        /// <summary>Length of the part of the segment inside the box, px (Liang–Barsky clipping); 0 when it misses.</summary>
        public double SegmentLengthInside(double x1, double y1, double x2, double y2)
        {
            double t0 = 0, t1 = 1;
            double dx = x2 - x1, dy = y2 - y1;
            bool inside = Clip(-dx, x1 - X, ref t0, ref t1)
                && Clip(dx, Right - x1, ref t0, ref t1)
                && Clip(-dy, y1 - Y, ref t0, ref t1)
                && Clip(dy, Bottom - y1, ref t0, ref t1)
                && t1 - t0 > 1e-9;
            return inside ? (t1 - t0) * Math.Sqrt((dx * dx) + (dy * dy)) : 0;
        }

        private static bool Clip(double p, double q, ref double t0, ref double t1)
        {
            if (p == 0)
            {
                return q > 0;
            }

            double r = q / p;
            if (p < 0)
            {
                if (r > t1)
                {
                    return false;
                }

                if (r > t0)
                {
                    t0 = r;
                }
            }
            else
            {
                if (r < t0)
                {
                    return false;
                }

                if (r < t1)
                {
                    t1 = r;
                }
            }

            return true;
        }
    }
}
