using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// Runs fuzz cases against an invariant: each case either passes its check or is recorded with its description and
    /// what broke. A case that does not return within the time limit fails the run as a hang. Shared by the Core and CLI
    /// test projects.
    /// </summary>
    internal static class FuzzRunner
    {
        private const int MaxFailuresShown = 12;

        /// <summary>Runs every case; fails the test with the first failures (each with its case) or on a hang.</summary>
        /// <param name="output">Where the case count and time are reported.</param>
        /// <param name="surface">The input surface, for messages.</param>
        /// <param name="cases">The cases; each one's ToString describes it well enough to reproduce it.</param>
        /// <param name="check">Throws when the invariant does not hold.</param>
        /// <param name="perCaseLimit">How long one case may take before the run counts as hung.</param>
        /// <returns>The cases run.</returns>
        public static int Run<T>(ITestOutputHelper output, string surface, IReadOnlyList<T> cases, Action<T> check, TimeSpan? perCaseLimit = null)
        {
            var limit = perCaseLimit ?? TimeSpan.FromSeconds(10);
            var failures = new List<string>();
            int failed = 0;
            int done = 0;
            var caseClock = new Stopwatch();
            object? current = null;
            var total = Stopwatch.StartNew();
            var run = Task.Run(() =>
            {
                foreach (var c in cases)
                {
                    current = c;
                    caseClock.Restart();
                    try
                    {
                        check(c);
                    }
                    catch (Exception e)
                    {
                        failed++;
                        if (failures.Count < MaxFailuresShown)
                        {
                            failures.Add(Describe(c) + Environment.NewLine + "    -> " + e.GetType().Name + ": " + e.Message + Environment.NewLine + "    " + FirstFrames(e));
                        }
                    }

                    done++;
                }
            });

            while (!run.Wait(TimeSpan.FromMilliseconds(200)))
            {
                if (caseClock.Elapsed > limit)
                {
                    Assert.Fail($"{surface}: a case ran longer than {limit.TotalSeconds} s (a hang) after {done} cases: {Describe(current)}");
                }
            }

            run.GetAwaiter().GetResult();
            output.WriteLine($"{surface}: {done} cases in {total.Elapsed.TotalSeconds:F1} s, seed {FuzzSettings.Seed}; {failed} violated the invariant.");
            Assert.Equal(cases.Count, done);
            Assert.True(failed == 0, $"{surface}: {failed} of {done} cases violated the invariant (seed {FuzzSettings.Seed}):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
            return done;
        }

        private static string Describe(object? c) => c?.ToString() ?? "(none)";

        private static string FirstFrames(Exception e) =>
            string.Join(" | ", (e.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(4));
    }
}
