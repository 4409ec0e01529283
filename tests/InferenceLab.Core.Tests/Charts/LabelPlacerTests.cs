using System.Linq;
using InferenceLab.Core.Charts;

namespace InferenceLab.Core.Tests.Charts
{
    /// <summary>The collision tests behind label placement.</summary>
    public sealed class LabelPlacerTests
    {
        [Fact]
        public void A_rotated_label_does_not_collide_with_a_box_only_its_bounding_box_touches()
        {
            // A 100 × 10 label rotated −45° about (0, 0) lies along y = −x; its corners reach ±38.9 in x and y. A 10 px box at
            // (25, 25) lies inside that bounding box, yet its nearest corner is 50/√2 = 35 px from the label's axis, not 5.
            var label = Quad.Rotated(0, 0, 100, 10, -45);
            var box = Quad.FromBox(new Box(25, 25, 10, 10));
            Assert.True(label.Bounds.Intersects(box.Bounds));
            Assert.False(label.Intersects(box));

            // A box on the label's axis collides.
            Assert.True(label.Intersects(Quad.FromBox(new Box(27, -33, 6, 6))));
        }

        [Fact]
        public void Segments_crossing_a_box_are_detected_and_touching_ones_are_not()
        {
            var box = Quad.FromBox(new Box(0, 0, 10, 10));
            Assert.True(box.IntersectsSegment(-5, 5, 15, 5));
            Assert.True(box.IntersectsSegment(-5, -5, 15, 15));
            Assert.False(box.IntersectsSegment(-5, 12, 15, 12));
            Assert.False(box.IntersectsSegment(10, -5, 10, 15));
        }

        [Fact]
        public void The_placer_takes_the_cheapest_free_spot_and_refuses_when_none_is_free()
        {
            var placer = new LabelPlacer(new Box(0, 0, 200, 200));
            placer.AddObstacle(Quad.FromBox(Box.Around(100, 100, 5)));

            // Right of the point first.
            var first = placer.TryPlace(LabelPlacer.Around(100, 100, 4.5, 40, 12, 1))!;
            Assert.True(first.Shape.Bounds.X > 100);

            // The same label again cannot take the same spot: the next cheapest is left of the point.
            var second = placer.TryPlace(LabelPlacer.Around(100, 100, 4.5, 40, 12, 1))!;
            Assert.True(second.Shape.Bounds.Right < 100);
            Assert.False(first.Shape.Intersects(second.Shape));

            // A label wider than the plot has no free spot.
            Assert.Null(placer.TryPlace(LabelPlacer.Around(100, 100, 4.5, 400, 12, LabelPlacer.Rings.Count)));
        }

        [Fact]
        public void Far_spots_come_with_a_leader_line_that_crosses_no_other_label()
        {
            // Twelve labels for one spot: from the third ring out they fan out on leader lines.
            var placer = new LabelPlacer(new Box(0, 0, 300, 300));
            var spots = Enumerable.Range(0, 12).Select(_ => placer.TryPlace(LabelPlacer.Around(150, 150, 4.5, 60, 14, LabelPlacer.Rings.Count, firstRing: 2))).ToList();
            Assert.All(spots, s => Assert.NotNull(s));
            Assert.Contains(spots, s => s!.HasLeader);
            for (int i = 0; i < spots.Count; i++)
            {
                for (int j = 0; j < spots.Count; j++)
                {
                    if (i != j && spots[i]!.HasLeader)
                    {
                        var (toX, toY) = spots[i]!.LeaderTo;
                        Assert.False(spots[j]!.Shape.IntersectsSegment(spots[i]!.LeaderFromX!.Value, spots[i]!.LeaderFromY!.Value, toX, toY));
                    }
                }
            }
        }
    }
}
