using System;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// xoshiro256** (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c) seeded through SplitMix64, so a
    /// seed gives the same numbers on every framework; System.Random's algorithm is not specified across versions.
    /// Each part of a workload draws from its own stream, so changing the rate does not change the lengths.
    /// </summary>
    internal sealed class RandomStream
    {
        private ulong s0;
        private ulong s1;
        private ulong s2;
        private ulong s3;

        /// <summary>Creates stream number <paramref name="stream"/> of <paramref name="seed"/>.</summary>
        public RandomStream(int seed, int stream)
        {
            // SplitMix64 spreads any seed (0 included) over the 256-bit state, as the xoshiro authors recommend.
            ulong x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL));
            s0 = SplitMix64(ref x);
            s1 = SplitMix64(ref x);
            s2 = SplitMix64(ref x);
            s3 = SplitMix64(ref x);
        }

        /// <summary>Creates a stream from a raw xoshiro256** state (not all zero), for checks against the reference code.</summary>
        public RandomStream(ulong state0, ulong state1, ulong state2, ulong state3)
        {
            s0 = state0;
            s1 = state1;
            s2 = state2;
            s3 = state3;
        }

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong result = unchecked(RotateLeft(s1 * 5, 7) * 9);
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }

        /// <summary>A double uniform on [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

        /// <summary>A whole number uniform on [0, <paramref name="range"/>), unbiased (Lemire's multiply-and-reject).</summary>
        public uint NextBelow(uint range)
        {
            ulong product = (NextUInt64() >> 32) * range;
            uint low = unchecked((uint)product);
            if (low < range)
            {
                uint threshold = unchecked(0u - range) % range;
                while (low < threshold)
                {
                    product = (NextUInt64() >> 32) * range;
                    low = unchecked((uint)product);
                }
            }

            return (uint)(product >> 32);
        }

        /// <summary>An exponential variate of mean 1: −ln(1 − U).</summary>
        public double NextExponential() => -Math.Log(1.0 - NextDouble());

        /// <summary>A standard normal variate (Box–Muller, the cosine branch; two uniforms per draw).</summary>
        public double NextStandardNormal()
        {
            double u1 = 1.0 - NextDouble();
            double u2 = NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>SplitMix64 (Steele, Lea and Flood; https://prng.di.unimi.it/splitmix64.c): advances x and returns the next output.</summary>
        public static ulong SplitMix64(ref ulong x)
        {
            unchecked
            {
                x += 0x9E3779B97F4A7C15UL;
                ulong z = x;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
    }
}
