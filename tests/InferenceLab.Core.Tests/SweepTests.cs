using System.Linq;

namespace InferenceLab.Core.Tests
{
    public sealed class SweepTests
    {
        [Fact]
        public void Combinations_vary_the_last_axis_fastest_and_count_the_product()
        {
            var combos = Sweep.Combinations(new[] { 1, 8 }, new[] { 512, 2048, 4096 }).Select(c => $"{c[0]}x{c[1]}").ToArray();
            Assert.Equal(new[] { "1x512", "1x2048", "1x4096", "8x512", "8x2048", "8x4096" }, combos);
            Assert.Equal(6, Sweep.Count(new[] { 1, 8 }, new[] { 512, 2048, 4096 }));
            Assert.Single(Sweep.Combinations(new[] { 3 }));
        }

        [Fact]
        public void An_empty_axis_is_an_error()
        {
            Assert.Throws<System.ArgumentException>(() => Sweep.Combinations(new[] { 1 }, new int[0]));
        }
    }
}
