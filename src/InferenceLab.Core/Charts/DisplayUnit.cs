using System;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// A human unit for an axis (DESIGN §2: objects keep base units; views show GiB, ms, TFLOP/s): the base unit scaled so
    /// that the axis's largest value reads at least 1 in it. Bytes scale in binary steps (a GPU's "80 GB" is 80 GiB), rates
    /// and FLOPs in decimal steps, as datasheets print them.
    /// </summary>
    internal sealed class DisplayUnit
    {
        private DisplayUnit(string name, double factor)
        {
            Name = name;
            Factor = factor;
        }

        /// <summary>The unit as printed in the axis title; empty for a count without unit.</summary>
        public string Name { get; }

        /// <summary>Base units per display unit: displayed = value ÷ factor.</summary>
        public double Factor { get; }

        /// <summary>The display unit of <paramref name="baseUnit"/> for values up to <paramref name="largest"/> in magnitude.</summary>
        public static DisplayUnit For(string baseUnit, double largest)
        {
            double magnitude = Math.Abs(largest);
            switch (baseUnit)
            {
                case "s":
                    return Pick(magnitude, ("µs", 1e-6), ("ms", 1e-3), ("s", 1));
                case "B":
                    return Pick(magnitude, ("B", 1), ("KiB", 1024), ("MiB", 1024.0 * 1024), ("GiB", 1024.0 * 1024 * 1024), ("TiB", 1024.0 * 1024 * 1024 * 1024));
                case "B/s":
                    return Pick(magnitude, ("B/s", 1), ("kB/s", 1e3), ("MB/s", 1e6), ("GB/s", 1e9), ("TB/s", 1e12));
                case "FLOP/s":
                    return Pick(magnitude, ("FLOP/s", 1), ("kFLOP/s", 1e3), ("MFLOP/s", 1e6), ("GFLOP/s", 1e9), ("TFLOP/s", 1e12), ("PFLOP/s", 1e15), ("EFLOP/s", 1e18));
                case "FLOP":
                    return Pick(magnitude, ("FLOP", 1), ("kFLOP", 1e3), ("MFLOP", 1e6), ("GFLOP", 1e9), ("TFLOP", 1e12), ("PFLOP", 1e15), ("EFLOP", 1e18));
                default:
                    return new DisplayUnit(baseUnit, 1);
            }
        }

        /// <summary><paramref name="head"/> with a qualifier appended (" per token"), same factor.</summary>
        public static DisplayUnit Qualified(DisplayUnit head, string qualifier) => new DisplayUnit(head.Name + qualifier, head.Factor);

        private static DisplayUnit Pick(double magnitude, params (string Name, double Factor)[] units)
        {
            var chosen = units[0];
            foreach (var unit in units)
            {
                if (magnitude >= unit.Factor)
                {
                    chosen = unit;
                }
            }

            return new DisplayUnit(chosen.Name, chosen.Factor);
        }
    }
}
