using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Efficiency;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>
    /// The fitting procedure of the engine profiles: the free factors of a profile are chosen to minimise the mean squared
    /// log error of its rows' predictions, by Nelder–Mead on transformed variables (fractions through a logistic, times
    /// through an exponential). Fixed factors keep their physical defaults. Deterministic: the same rows give the same fit.
    /// </summary>
    internal sealed class ProfileFit
    {
        /// <summary>Fractions fitted in (0, 1).</summary>
        public const string Compute = "ComputeEfficiency";

        /// <summary>Fraction of bandwidth weight and KV streams reach.</summary>
        public const string Memory = "MemoryEfficiency";

        /// <summary>Seconds per layer per step.</summary>
        public const string LayerOverhead = "LayerOverheadSeconds";

        private ProfileFit(string name, EfficiencyProfile template, IReadOnlyList<string> free, double[] x, IReadOnlyList<CalibrationRow> rows)
        {
            Name = name;
            Free = free;
            Rows = rows;
            Profile = Build(name, template, free, x);
            Objective = MeanSquaredLogError(Profile, rows);
        }

        public string Name { get; }

        public IReadOnlyList<string> Free { get; }

        public IReadOnlyList<CalibrationRow> Rows { get; }

        public EfficiencyProfile Profile { get; }

        /// <summary>Mean of (ln predicted − ln measured)² over the rows.</summary>
        public double Objective { get; }

        /// <summary>Fits the free factors of <paramref name="template"/> to <paramref name="rows"/>.</summary>
        public static ProfileFit Run(string name, EfficiencyProfile template, IReadOnlyList<string> free, IReadOnlyList<CalibrationRow> rows, double[]? start = null)
        {
            double Objective(double[] x)
            {
                try
                {
                    return MeanSquaredLogError(Build(name, template, free, x), rows);
                }
                catch (InvalidInputException)
                {
                    return 1e9;
                }
            }

            var initial = start ?? free.Select(f => f == LayerOverhead ? Math.Log(2e-5) : Logit(0.6)).ToArray();
            var best = NelderMead.Minimize(Objective, initial, 0.5, 4000, 1e-12);
            best = NelderMead.Minimize(Objective, best, 0.1, 4000, 1e-14);
            return new ProfileFit(name, template, free, best, rows);
        }

        /// <summary>The transformed variables of a profile's free factors, to start another fit from it.</summary>
        public static double[] Variables(EfficiencyProfile profile, IReadOnlyList<string> free) =>
            free.Select(f => f == Compute ? Logit(profile.ComputeEfficiency) : f == Memory ? Logit(profile.MemoryEfficiency) : Math.Log(Math.Max(1e-9, profile.LayerOverheadSeconds))).ToArray();

        public static double MeanSquaredLogError(EfficiencyProfile profile, IReadOnlyList<CalibrationRow> rows) =>
            rows.Sum(r => Math.Pow(Math.Log(RowPredictor.Predict(r, profile) / r.Value), 2)) / rows.Count;

        private static EfficiencyProfile Build(string name, EfficiencyProfile t, IReadOnlyList<string> free, double[] x)
        {
            double compute = t.ComputeEfficiency, memory = t.MemoryEfficiency, layer = t.LayerOverheadSeconds;
            for (int i = 0; i < free.Count; i++)
            {
                switch (free[i])
                {
                    case Compute: compute = Logistic(x[i]); break;
                    case Memory: memory = Logistic(x[i]); break;
                    case LayerOverhead: layer = Math.Exp(x[i]); break;
                    default: throw new ArgumentException(free[i]);
                }
            }

            // Attention's KV reads share the weights' memory efficiency: a separate factor did not improve the fit.
            return new EfficiencyProfile(name, compute, memory, memory, t.GemmHalfEfficiencyTokens, t.MoeEfficiency, t.StepOverheadSeconds, layer,
                t.AllReduceLatencySeconds, t.InterconnectEfficiency, t.FlashAttention, t.SharesKvAcrossQueryGroups, t.Source);
        }

        private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

        private static double Logit(double p) => Math.Log(p / (1 - p));
    }
}
