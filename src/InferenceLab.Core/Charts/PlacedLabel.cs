namespace InferenceLab.Core.Charts
{
    /// <summary>A label whose spot the layout has fixed: its text, box, optional rotation and leader line.</summary>
    internal sealed class PlacedLabel
    {
        public PlacedLabel(string text, double fontSize, LabelCandidate spot, double rotationDegrees = 0, double centerX = 0, double centerY = 0, double? towardsX = null)
        {
            TowardsX = towardsX;
            Text = text;
            FontSize = fontSize;
            Spot = spot;
            RotationDegrees = rotationDegrees;
            CenterX = centerX;
            CenterY = centerY;
        }

        public string Text { get; }

        public double FontSize { get; }

        public LabelCandidate Spot { get; }

        /// <summary>Rotation about (CenterX, CenterY), degrees; 0 for an upright label whose box is Spot's bounds.</summary>
        public double RotationDegrees { get; }

        public double CenterX { get; }

        public double CenterY { get; }

        /// <summary>The x of the point an upright label belongs to: the text hugs the box's side nearest to it. Null for left-aligned text.</summary>
        public double? TowardsX { get; }

        /// <summary>Padding between the box edge and the text, px.</summary>
        public const double Padding = 3;

        /// <summary>The box of an upright label of <paramref name="text"/>.</summary>
        public static (double Width, double Height) Size(string text, double fontSize) =>
            (TextMetrics.Width(text, fontSize) + (2 * Padding), TextMetrics.Height(fontSize) + 2);

        /// <summary>Writes the leader line, the white box and the text.</summary>
        public void Draw(SvgWriter svg, string textColour, params string?[] groupAttributes)
        {
            svg.StartGroup(groupAttributes);
            if (Spot.HasLeader)
            {
                var (toX, toY) = Spot.LeaderTo;
                svg.Line(Spot.LeaderFromX!.Value, Spot.LeaderFromY!.Value, toX, toY, "class", "leader", "stroke", Palette.Leader, "stroke-width", "1");
            }

            if (RotationDegrees != 0)
            {
                var (width, height) = Size(Text, FontSize);
                svg.StartGroup("transform", "rotate(" + NumberText.Coordinate(RotationDegrees) + " " + NumberText.Coordinate(CenterX) + " " + NumberText.Coordinate(CenterY) + ")");
                svg.Rect(new Box(CenterX - (width / 2), CenterY - (height / 2), width, height), "fill", "#ffffff", "fill-opacity", "0.85", "rx", "2");
                svg.Text(CenterX, CenterY + (0.35 * FontSize), Text, FontSize, "middle", "fill", textColour);
                svg.EndGroup();
            }
            else
            {
                var box = Spot.Shape.Bounds;
                svg.Rect(box, "fill", "#ffffff", "fill-opacity", "0.85", "rx", "2");
                double baseline = box.CenterY + (0.35 * FontSize);
                if (TowardsX.HasValue && box.Right <= TowardsX.Value + 0.01)
                {
                    svg.Text(box.Right - Padding, baseline, Text, FontSize, "end", "fill", textColour);
                }
                else if (TowardsX.HasValue && box.X < TowardsX.Value - 0.01)
                {
                    svg.Text(box.CenterX, baseline, Text, FontSize, "middle", "fill", textColour);
                }
                else
                {
                    svg.Text(box.X + Padding, baseline, Text, FontSize, "start", "fill", textColour);
                }
            }

            svg.EndGroup();
        }
    }
}
