using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace InferenceLab.Fuzz
{
    /// <summary>Generators of ordinary and extreme values: 0, 1, negatives, the type's limits, NaN and infinities.</summary>
    internal static class Values
    {
        /// <summary>Integers at the edges of every range a field could check.</summary>
        public static readonly int[] EdgeInts =
        {
            0, 1, -1, 2, 3, 5, 7, 12, 64, 127, 4096, 65_536, 1_000_000, 1_000_001, 10_000_000, 10_000_001, 100_000_000, 100_000_001,
            1_000_000_000, 1 << 30, int.MaxValue - 1, int.MaxValue, int.MinValue, -1_000_000,
        };

        /// <summary>Doubles at the edges: zero of both signs, NaN, infinities, the smallest and largest finite values.</summary>
        public static readonly double[] EdgeDoubles =
        {
            0, -0.0, -1, 1, 0.5, 1.0000001, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e-300,
            double.MaxValue, 1e300, 1e15, 1e18, -1e-9,
        };

        /// <summary>Values in [<paramref name="min"/>, <paramref name="max"/>]; with a <paramref name="chaos"/> weight above 0, sometimes an edge integer or any positive one.</summary>
        public static Gen<int> Int(int min, int max, int chaos = 3) => chaos == 0
            ? Gen.Choose(min, max)
            : Gen.Frequency(
                (20, Gen.Choose(min, max)),
                (2 * chaos, Gen.Elements(EdgeInts)),
                (chaos, Gen.Choose(0, int.MaxValue)));

        /// <summary>An edge integer, or a random one of any size and sign.</summary>
        public static Gen<int> AnyInt { get; } = Gen.Frequency(
            (3, Gen.Elements(EdgeInts)),
            (1, Gen.Choose(0, int.MaxValue)),
            (1, Gen.Choose(0, int.MaxValue).Select(i => -i)),
            (2, Gen.Choose(1, 300)));

        /// <summary><paramref name="typical"/>, or it scaled by a random factor in [0.01, 100]; with a <paramref name="chaos"/> weight above 0, sometimes an edge double.</summary>
        public static Gen<double> Double(double typical, int chaos = 3) => Mix(
            (10, Gen.Constant(typical)),
            (6, Gen.Choose(-200, 200).Select(e => typical * Math.Pow(10, e / 100.0))),
            (Math.Max(chaos, 0), Gen.Elements(EdgeDoubles)));

        /// <summary>A fraction in (0, 1]; with a <paramref name="chaos"/> weight above 0, sometimes an edge double.</summary>
        public static Gen<double> Fraction(int chaos = 3) => Mix(
            (10, Gen.Choose(1, 100).Select(p => p / 100.0)),
            (Math.Max(chaos, 0), Gen.Elements(EdgeDoubles)));

        /// <summary>A weighted choice that leaves out the generators of weight 0.</summary>
        public static Gen<T> Mix<T>(params (int Weight, Gen<T> Gen)[] choices) => Gen.Frequency(choices.Where(c => c.Weight > 0).ToArray());

        /// <summary>Either <paramref name="gen"/>'s value or null.</summary>
        public static Gen<T?> OrNull<T>(Gen<T> gen, int nullWeight = 1)
            where T : struct => Gen.Frequency((nullWeight, Gen.Constant((T?)null)), (2, gen.Select(v => (T?)v)));

        /// <summary>Either <paramref name="gen"/>'s object or null.</summary>
        public static Gen<T?> OrNone<T>(Gen<T> gen, int nullWeight = 1)
            where T : class => Gen.Frequency((nullWeight, Gen.Constant((T?)null)), (2, gen.Select(v => (T?)v)));
    }
}
