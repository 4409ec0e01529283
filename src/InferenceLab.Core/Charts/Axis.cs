using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// One axis of a chart: a linear or base-10 logarithmic map from values (base units) to pixels, its ticks and its title.
    /// Ticks are chosen in the display unit, so a time axis steps by 10 ms rather than by 0.01 s. Log axes label the
    /// decades and add 2 and 5 where they fit; linear axes step by 1, 2 or 5 × 10^k; the domain always ends on a tick, so
    /// the ticks cover the data.
    /// </summary>
    internal sealed class Axis
    {
        /// <summary>Tick label font size, px.</summary>
        public const double TickFontSize = 11;

        private const double LabelGap = 10;

        private readonly double displayMin;
        private readonly double displayMax;

        private Axis(AxisScale scale, double displayMin, double displayMax, double start, double end, bool horizontal, DisplayUnit unit, string title)
        {
            Scale = scale;
            this.displayMin = displayMin;
            this.displayMax = displayMax;
            Start = start;
            End = end;
            Horizontal = horizontal;
            Unit = unit;
            Title = title;
            Ticks = Array.Empty<Tick>();
        }

        /// <summary>Linear or Log (never Auto).</summary>
        public AxisScale Scale { get; }

        /// <summary>Smallest value shown, base units.</summary>
        public double Min => displayMin * Unit.Factor;

        /// <summary>Largest value shown, base units.</summary>
        public double Max => displayMax * Unit.Factor;

        /// <summary>Pixel of <see cref="Min"/>.</summary>
        public double Start { get; }

        /// <summary>Pixel of <see cref="Max"/>.</summary>
        public double End { get; }

        /// <summary>True for an x axis (labels side by side), false for a y axis (labels stacked).</summary>
        public bool Horizontal { get; }

        /// <summary>The unit the tick labels are in.</summary>
        public DisplayUnit Unit { get; }

        /// <summary>Title with unit.</summary>
        public string Title { get; }

        /// <summary>Every tick from <see cref="Min"/> to <see cref="Max"/>, labelled and minor.</summary>
        public IReadOnlyList<Tick> Ticks { get; private set; }

        /// <summary>Widest tick label, px.</summary>
        public double WidestLabel => Ticks.Where(t => t.IsLabelled).Select(t => TextMetrics.Width(t.Label, TickFontSize)).DefaultIfEmpty(0).Max();

        /// <summary>
        /// A log axis over data from <paramref name="dataMin"/> to <paramref name="dataMax"/> (base units, both positive).
        /// With <paramref name="decades"/> the domain ends on powers of ten; otherwise on the nearest 1, 2 or 5 × 10^k.
        /// </summary>
        public static Axis Log(double dataMin, double dataMax, double start, double end, bool horizontal, DisplayUnit unit, string title, bool decades)
        {
            double lo = dataMin / unit.Factor, hi = dataMax / unit.Factor;
            double min, max;
            if (decades)
            {
                min = Math.Pow(10, Math.Floor(Math.Log10(lo) + 1e-9));
                max = Math.Pow(10, Math.Ceiling(Math.Log10(hi) - 1e-9));
                if (max <= min * 1.000001)
                {
                    min /= 10;
                    max *= 10;
                }
            }
            else
            {
                min = NiceLogBelow(lo);
                max = NiceLogAbove(hi);
                if (max <= min * 1.000001)
                {
                    min = NiceLogBelow(min * 0.999);
                    max = NiceLogAbove(max * 1.001);
                }
            }

            var axis = new Axis(AxisScale.Log, min, max, start, end, horizontal, unit, title);
            axis.Ticks = axis.LogTicks();
            return axis;
        }

        /// <summary>
        /// A linear axis over data from <paramref name="dataMin"/> to <paramref name="dataMax"/> (base units), stepping by
        /// 1, 2 or 5 × 10^k so that labels do not crowd; with <paramref name="includeZero"/> the domain reaches 0.
        /// </summary>
        public static Axis Linear(double dataMin, double dataMax, double start, double end, bool horizontal, DisplayUnit unit, string title, bool includeZero)
        {
            double lo = dataMin / unit.Factor, hi = dataMax / unit.Factor;
            if (includeZero)
            {
                lo = Math.Min(lo, 0);
                hi = Math.Max(hi, 0);
            }

            if (hi - lo <= Math.Abs(hi) * 1e-12)
            {
                // One value: show it in the middle of a range from 0 to twice it (or −1 to 1 around zero).
                if (hi > 0)
                {
                    lo = 0;
                    hi *= 2;
                }
                else if (hi < 0)
                {
                    hi = 0;
                    lo *= 2;
                }
                else
                {
                    lo = -1;
                    hi = 1;
                }
            }

            double length = Math.Abs(end - start);
            double step = 0;
            for (double candidate = Math.Pow(10, Math.Floor(Math.Log10((hi - lo) / 50))); ; candidate = NextNiceStep(candidate))
            {
                double count = Math.Ceiling((hi / candidate) - 1e-9) - Math.Floor((lo / candidate) + 1e-9);
                double spacing = horizontal
                    ? Math.Max(Math.Max(Width(lo, candidate, unit, hi), Width(hi, candidate, unit, hi)) + LabelGap + 14, 56)
                    : TextMetrics.Height(TickFontSize) + 26;
                if (count * spacing <= length || count <= 2)
                {
                    step = candidate;
                    break;
                }
            }

            double min = Math.Floor((lo / step) + 1e-9) * step;
            double max = Math.Ceiling((hi / step) - 1e-9) * step;
            var axis = new Axis(AxisScale.Linear, min, max, start, end, horizontal, unit, title);
            var ticks = new List<Tick>();
            bool suffixes = Math.Max(Math.Abs(min), Math.Abs(max)) >= 1e4;
            int decimals = Decimals(step);
            long first = (long)Math.Round(min / step), last = (long)Math.Round(max / step);
            for (long k = first; k <= last; k++)
            {
                double value = k * step;
                ticks.Add(new Tick(value * unit.Factor, axis.MapDisplay(value), NumberText.Tick(value, suffixes, suffixes ? (int?)null : decimals)));
            }

            axis.Ticks = ticks;
            return axis;
        }

        /// <summary>
        /// An axis of names: one labelled tick per name at 0, 1, 2 …, half a step of room at both ends. Labels that would
        /// touch are drawn slanted (see <see cref="SlantedLabels"/>).
        /// </summary>
        public static Axis Categorical(IReadOnlyList<string> names, double start, double end, string title)
        {
            var axis = new Axis(AxisScale.Linear, -0.5, names.Count - 0.5, start, end, true, DisplayUnit.For(string.Empty, 1), title);
            axis.Ticks = names.Select((n, i) => new Tick(i, axis.MapDisplay(i), n.Length > 0 ? n : "(empty)")).ToArray();
            double spacing = Math.Abs(end - start) / names.Count;
            axis.SlantedLabels = axis.Ticks.Any(t => TextMetrics.Width(t.Label, TickFontSize) + LabelGap > spacing);
            axis.IsCategorical = true;
            return axis;
        }

        /// <summary>Extra height below the plot that slanted labels of <paramref name="names"/> need, px.</summary>
        public static double SlantedHeight(IEnumerable<string> names) =>
            names.Select(n => TextMetrics.Width(n, TickFontSize)).DefaultIfEmpty(0).Max() * Math.Sin(SlantDegrees * Math.PI / 180);

        /// <summary>Angle of slanted tick labels, degrees.</summary>
        public const double SlantDegrees = 35;

        /// <summary>True when the tick labels are names drawn slanted because they would touch upright.</summary>
        public bool SlantedLabels { get; private set; }

        /// <summary>True for an axis of names.</summary>
        public bool IsCategorical { get; private set; }

        /// <summary>Height the slanted labels take beyond an upright row, px (0 when upright).</summary>
        public double ExtraBelow => SlantedLabels ? SlantedHeight(Ticks.Select(t => t.Label)) : 0;

        /// <summary>The pixel of <paramref name="value"/> (base units).</summary>
        public double Map(double value) => MapDisplay(value / Unit.Factor);

        private static double Width(double value, double step, DisplayUnit unit, double hi) =>
            TextMetrics.Width(NumberText.Tick(Math.Round(value / step) * step, Math.Abs(hi) >= 1e4, Decimals(step)), TickFontSize);

        private static int Decimals(double step) => Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));

        private static double NextNiceStep(double step)
        {
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            double mantissa = Math.Round(step / magnitude);
            return mantissa < 2 ? 2 * magnitude : mantissa < 5 ? 5 * magnitude : 10 * magnitude;
        }

        private static double NiceLogBelow(double value)
        {
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value) + 1e-9));
            double mantissa = value / magnitude;
            return (mantissa >= 5 - 1e-9 ? 5 : mantissa >= 2 - 1e-9 ? 2 : 1) * magnitude;
        }

        private static double NiceLogAbove(double value)
        {
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value) + 1e-9));
            double mantissa = value / magnitude;
            return (mantissa <= 1 + 1e-9 ? 1 : mantissa <= 2 + 1e-9 ? 2 : mantissa <= 5 + 1e-9 ? 5 : 10) * magnitude;
        }

        private double MapDisplay(double display)
        {
            double t = Scale == AxisScale.Log
                ? (Math.Log10(display) - Math.Log10(displayMin)) / (Math.Log10(displayMax) - Math.Log10(displayMin))
                : (display - displayMin) / (displayMax - displayMin);
            return Start + (t * (End - Start));
        }

        private IReadOnlyList<Tick> LogTicks()
        {
            int firstDecade = (int)Math.Floor(Math.Log10(displayMin) + 1e-9);
            int lastDecade = (int)Math.Ceiling(Math.Log10(displayMax) - 1e-9);
            bool suffixes = displayMax >= 1e4;
            var values = new List<(double Value, int Mantissa, int Decade)>();
            for (int decade = firstDecade; decade <= lastDecade; decade++)
            {
                for (int mantissa = 1; mantissa <= 9; mantissa++)
                {
                    double value = mantissa * Math.Pow(10, decade);
                    if (value >= displayMin * (1 - 1e-9) && value <= displayMax * (1 + 1e-9))
                    {
                        values.Add((value, mantissa, decade));
                    }
                }
            }

            // Labels by priority: decades (thinned to every 2nd, 3rd... when they would touch), then 2 and 5 together if
            // they all fit, then every mantissa when less than a decade is shown.
            var labelled = new HashSet<int>();
            var decadeIndexes = Enumerable.Range(0, values.Count).Where(i => values[i].Mantissa == 1).ToList();
            foreach (int every in new[] { 1, 2, 3, 5, 10 })
            {
                var chosen = decadeIndexes.Where(i => ((values[i].Decade % every) + every) % every == 0).ToList();
                if (Fits(values, chosen, suffixes) || every == 10)
                {
                    labelled.UnionWith(chosen);
                    break;
                }
            }

            var twosAndFives = Enumerable.Range(0, values.Count).Where(i => values[i].Mantissa == 2 || values[i].Mantissa == 5).ToList();
            if (labelled.Count == decadeIndexes.Count && Fits(values, labelled.Concat(twosAndFives).ToList(), suffixes))
            {
                labelled.UnionWith(twosAndFives);
            }

            if (labelled.Count < 2)
            {
                var all = Enumerable.Range(0, values.Count).ToList();
                if (Fits(values, all, suffixes))
                {
                    labelled.UnionWith(all);
                }
                else
                {
                    labelled.UnionWith(twosAndFives);
                }
            }

            return values.Select((v, i) => new Tick(v.Value * Unit.Factor, MapDisplay(v.Value), labelled.Contains(i) ? NumberText.Tick(v.Value, suffixes) : string.Empty)).ToArray();
        }

        private bool Fits(List<(double Value, int Mantissa, int Decade)> values, List<int> indexes, bool suffixes)
        {
            var extents = indexes.OrderBy(i => values[i].Value).Select(i =>
            {
                double position = MapDisplay(values[i].Value);
                double half = Horizontal
                    ? (TextMetrics.Width(NumberText.Tick(values[i].Value, suffixes), TickFontSize) + LabelGap) / 2
                    : (TextMetrics.Height(TickFontSize) + 4) / 2;
                return (Low: Math.Min(position - half, position + half), High: Math.Max(position - half, position + half), Position: position);
            }).OrderBy(e => e.Position).ToList();
            for (int i = 1; i < extents.Count; i++)
            {
                if (extents[i].Low < extents[i - 1].High)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
