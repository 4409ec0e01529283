using System;
using System.Linq;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>
    /// Nelder–Mead simplex minimisation (Nelder and Mead, 1965; the standard reflection 1, expansion 2, contraction
    /// ½ and shrink ½ coefficients). Deterministic: the same start gives the same result.
    /// </summary>
    internal static class NelderMead
    {
        public static double[] Minimize(Func<double[], double> objective, double[] start, double step, int maxIterations, double tolerance)
        {
            int n = start.Length;
            var points = new double[n + 1][];
            var values = new double[n + 1];
            for (int i = 0; i <= n; i++)
            {
                points[i] = (double[])start.Clone();
                if (i > 0)
                {
                    points[i][i - 1] += step;
                }

                values[i] = objective(points[i]);
            }

            for (int iteration = 0; iteration < maxIterations; iteration++)
            {
                var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ToArray();
                points = order.Select(i => points[i]).ToArray();
                values = order.Select(i => values[i]).ToArray();
                if (Math.Abs(values[n] - values[0]) < tolerance)
                {
                    break;
                }

                var centroid = new double[n];
                for (int i = 0; i < n; i++)
                {
                    for (int d = 0; d < n; d++)
                    {
                        centroid[d] += points[i][d] / n;
                    }
                }

                double[] Along(double coefficient) => centroid.Select((c, d) => c + (coefficient * (c - points[n][d]))).ToArray();
                var reflected = Along(1);
                double reflectedValue = objective(reflected);
                if (reflectedValue < values[0])
                {
                    var expanded = Along(2);
                    double expandedValue = objective(expanded);
                    (points[n], values[n]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
                }
                else if (reflectedValue < values[n - 1])
                {
                    (points[n], values[n]) = (reflected, reflectedValue);
                }
                else
                {
                    var contracted = Along(reflectedValue < values[n] ? 0.5 : -0.5);
                    double contractedValue = objective(contracted);
                    if (contractedValue < Math.Min(reflectedValue, values[n]))
                    {
                        (points[n], values[n]) = (contracted, contractedValue);
                    }
                    else
                    {
                        for (int i = 1; i <= n; i++)
                        {
                            points[i] = points[i].Select((x, d) => points[0][d] + (0.5 * (x - points[0][d]))).ToArray();
                            values[i] = objective(points[i]);
                        }
                    }
                }
            }

            int best = Array.IndexOf(values, values.Min());
            return points[best];
        }
    }
}
