using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core;

namespace InferenceLab.Cli
{
    /// <summary>Every combination of list options, expanded by Core's <see cref="Sweep"/> (the first axis varies slowest).</summary>
    internal static class Grid
    {
        /// <summary>Index tuples over axes of the given lengths; nothing when any axis is empty.</summary>
        public static IEnumerable<int[]> Indexes(params int[] lengths) =>
            lengths.Any(n => n == 0)
                ? Enumerable.Empty<int[]>()
                : Sweep.Combinations(lengths.Select(n => (IReadOnlyList<int>)Enumerable.Range(0, n).ToArray()).ToArray());

        /// <summary>Every combination of the values of optional number lists; an option not given is one null value.</summary>
        public static IEnumerable<int?[]> Combinations(params IReadOnlyList<int>[] axes)
        {
            var values = axes.Select(a => a.Count == 0 ? new int?[] { null } : a.Select(v => (int?)v).ToArray()).ToArray();
            return Indexes(values.Select(a => a.Length).ToArray()).Select(index => index.Select((i, axis) => values[axis][i]).ToArray());
        }
    }
}
