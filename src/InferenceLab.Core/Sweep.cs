using System;
using System.Collections.Generic;

namespace InferenceLab.Core
{
    /// <summary>
    /// Expands lists of parameter values into every combination, as the cmdlets and the command-line tool do for
    /// <c>-BatchSize 1,8,64 -InputLength 512,2048</c>. Lazy, so a sweep of millions of points streams.
    /// </summary>
    public static class Sweep
    {
        /// <summary>Every combination of one value per axis, the first axis varying slowest.</summary>
        /// <exception cref="ArgumentException">An axis is empty.</exception>
        public static IEnumerable<int[]> Combinations(params IReadOnlyList<int>[] axes)
        {
            foreach (var axis in axes)
            {
                if (axis == null || axis.Count == 0)
                {
                    throw new ArgumentException("Every axis of a sweep needs at least one value.", nameof(axes));
                }
            }

            return Enumerate(axes);
        }

        /// <summary>The number of combinations: the product of the axis lengths.</summary>
        public static long Count(params IReadOnlyList<int>[] axes)
        {
            long count = 1;
            foreach (var axis in axes)
            {
                count *= axis?.Count ?? 0;
            }

            return count;
        }

        private static IEnumerable<int[]> Enumerate(IReadOnlyList<int>[] axes)
        {
            var index = new int[axes.Length];
            while (true)
            {
                var values = new int[axes.Length];
                for (int i = 0; i < axes.Length; i++)
                {
                    values[i] = axes[i][index[i]];
                }

                yield return values;

                int axis = axes.Length - 1;
                while (axis >= 0 && ++index[axis] == axes[axis].Count)
                {
                    index[axis] = 0;
                    axis--;
                }

                if (axis < 0)
                {
                    yield break;
                }
            }
        }
    }
}
