using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InferenceLab.Core.Catalog;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Charts
{
    /// <summary>
    /// Collects <see cref="RooflinePoint"/> results (Measure-RooflinePoint's output, the CLI's roofline rows) and GPUs, and
    /// builds the <see cref="RooflineChartRequest"/>: a label per point that names what differs between the points, the
    /// ceilings of every GPU, a title naming model and GPU, and a note for points a log axis cannot show.
    /// </summary>
    public sealed class RooflineChartBuilder
    {
        private readonly List<RooflinePoint> points = new List<RooflinePoint>();
        private readonly List<HardwareSpec> hardware = new List<HardwareSpec>();

        /// <summary>The title; null for "Roofline: model on GPU".</summary>
        public string? Title { get; set; }

        /// <summary>The line under the title; null for the scenario the points share (compute type, prompt length).</summary>
        public string? Subtitle { get; set; }

        /// <summary>
        /// The data types whose compute ceilings to draw for GPUs added with <see cref="AddHardware"/>; null for every type
        /// the GPU has a native rate for on a chart of one GPU, and for none beyond the points' own on a chart of several
        /// (five ceilings per GPU would bury the points). The ceiling the points run at is always drawn.
        /// </summary>
        public IReadOnlyList<DataType>? CeilingTypes { get; set; }

        /// <summary>Width, px.</summary>
        public int Width { get; set; } = SvgChart.DefaultWidth;

        /// <summary>Height, px.</summary>
        public int Height { get; set; } = SvgChart.DefaultHeight;

        /// <summary>Points added so far.</summary>
        public int Count => points.Count;

        /// <summary>Adds a point.</summary>
        /// <exception cref="InvalidInputException">The point is null.</exception>
        public void Add(RooflinePoint point)
        {
            ChartChecks.Require(point != null, "ChartPointNull", "InputObject", "A roofline point must not be null.");
            points.Add(point!);
        }

        /// <summary>
        /// Adds a GPU's datasheet, so its chart shows a compute ceiling for every data type (or for <see cref="CeilingTypes"/>)
        /// rather than only the rate the points use. A GPU no point runs on adds its roof for comparison, at the rate the
        /// points' compute type would run at on it.
        /// </summary>
        /// <exception cref="InvalidInputException">The GPU is null.</exception>
        public void AddHardware(HardwareSpec spec)
        {
            ChartChecks.Require(spec != null, "ChartHardwareNull", "Hardware", "A GPU must not be null.");
            hardware.RemoveAll(h => string.Equals(h.Name, spec!.Name, StringComparison.OrdinalIgnoreCase));
            hardware.Add(spec!);
        }

        /// <summary>
        /// Adds, from <paramref name="catalog"/>, the datasheet of every GPU the points run on that was not added yet — when the
        /// catalog's figures are the points' figures (a user GPU that shares a catalog name but not its figures keeps the
        /// points' own ceiling).
        /// </summary>
        public void AddCatalogHardware(CatalogSet catalog)
        {
            if (catalog != null)
            {
                AddHardwareFrom(catalog.TryGetHardware);
            }
        }

        /// <summary>
        /// As <see cref="AddCatalogHardware"/>, looking GPUs up by name through <paramref name="lookup"/> (null when it knows
        /// none of that name): the cmdlets look in the session's GPUs before the catalogs.
        /// </summary>
        public void AddHardwareFrom(Func<string, HardwareSpec?> lookup)
        {
            if (lookup == null)
            {
                return;
            }

            foreach (var name in points.Select(p => p.HardwareName).Distinct(StringComparer.OrdinalIgnoreCase).ToArray())
            {
                if (hardware.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var spec = lookup(name);
                if (spec != null && points.Where(p => string.Equals(p.HardwareName, name, StringComparison.OrdinalIgnoreCase)).All(p => Matches(spec, p)))
                {
                    hardware.Add(spec);
                }
            }
        }

        /// <summary>The request for the points and GPUs added.</summary>
        /// <exception cref="InvalidInputException">No point, or none with both FLOPs and bytes; or a size out of range.</exception>
        public RooflineChartRequest Build()
        {
            ChartChecks.Require(points.Count > 0, "ChartHasNoPoints", "InputObject", "A roofline chart needs at least one roofline point; got none.");
            var charted = points.Where(IsChartable).ToList();
            var omitted = points.Where(p => !IsChartable(p)).ToList();
            var labels = Labels(points);
            ChartChecks.Require(
                charted.Count > 0,
                "ChartHasNoPoints",
                "InputObject",
                "None of the {0} roofline points can be charted: {1} {2} no FLOPs or no bytes, and log axes cannot show an intensity or rate of 0.",
                points.Count,
                string.Join(", ", omitted.Select(p => labels[p])),
                omitted.Count == 1 ? "has" : "have");

            var chartPoints = charted.Select(p => new RooflineChartPoint(labels[p], p.HardwareName, p.ArithmeticIntensityFlopsPerByte, p.AttainableFlopsPerSecond, p.Phase, Describe(p, labels[p]))).ToList();
            var notes = new List<string>();
            if (omitted.Count > 0)
            {
                notes.Add("Not shown (no FLOPs or no bytes, so no place on log axes): " + string.Join(", ", omitted.Select(p => labels[p])) + ".");
            }

            var fallbacks = charted.Where(p => p.PeakRateType != p.ActivationType).Select(p => p.PeakRateNote).Where(n => n.Length > 0).Distinct().ToList();
            notes.AddRange(fallbacks);

            return new RooflineChartRequest(Title ?? DefaultTitle(), chartPoints, Ceilings(charted), Subtitle ?? DefaultSubtitle(), notes, Width, Height);
        }

        private static bool IsChartable(RooflinePoint p) =>
            p.Flops > 0 && p.Bytes > 0 && p.ArithmeticIntensityFlopsPerByte > 0 && p.AttainableFlopsPerSecond > 0
            && ChartChecks.IsFinite(p.ArithmeticIntensityFlopsPerByte) && ChartChecks.IsFinite(p.AttainableFlopsPerSecond);

        private static bool Matches(HardwareSpec spec, RooflinePoint p) =>
            Near(spec.MemoryBandwidthBytesPerSecond, p.MemoryBandwidthBytesPerSecond) && spec.Peak(p.PeakRateType) is double peak && Near(peak, p.PeakFlopsPerSecond);

        private static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

        private static string Describe(RooflinePoint p, string label) =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1} on {2}; intensity {3} FLOP/B, attainable {4} FLOP/s, {5}-bound ({6} peak {7} FLOP/s, ridge {8} FLOP/B); {9} FLOP and {10} B moved per step on one GPU.",
                label,
                p.ModelName,
                p.HardwareName,
                NumberText.Significant(p.ArithmeticIntensityFlopsPerByte, 4),
                NumberText.Significant(p.AttainableFlopsPerSecond, 4),
                p.Bound == RooflineBound.Memory ? "memory" : "compute",
                p.PeakRateType.ToName(),
                NumberText.Significant(p.PeakFlopsPerSecond, 4),
                NumberText.Significant(p.MachineBalanceFlopsPerByte, 4),
                NumberText.Significant(p.Flops, 4),
                NumberText.Significant(p.Bytes, 4));

        /// <summary>A label per point naming what tells it apart: operator, phase and batch always; model, lengths, compute type, TP and GPU when they vary.</summary>
        private static Dictionary<RooflinePoint, string> Labels(IReadOnlyList<RooflinePoint> all)
        {
            bool models = all.Select(p => p.ModelName).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
            bool gpus = all.Select(p => p.HardwareName).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
            bool prompts = all.Where(p => p.Phase == Phase.Prefill).Select(p => p.NewTokens).Distinct().Count() > 1;
            bool contexts = all.Where(p => p.Phase == Phase.Decode).Select(p => p.ContextLength).Distinct().Count() > 1;
            bool types = all.Select(p => p.ActivationType).Distinct().Count() > 1;
            bool degrees = all.Select(p => p.TensorParallel).Distinct().Count() > 1;
            var labels = new Dictionary<RooflinePoint, string>();
            foreach (var p in all)
            {
                var parts = new List<string>();
                if (models)
                {
                    parts.Add(p.ModelName);
                }

                if (p.Operator != RooflinePoint.WholeStep)
                {
                    parts.Add(p.Operator);
                }

                parts.Add(p.Phase == Phase.Prefill ? "prefill" : "decode");
                parts.Add("B=" + p.BatchSize.ToString(CultureInfo.InvariantCulture));
                if (p.Phase == Phase.Prefill && prompts)
                {
                    parts.Add("S=" + p.NewTokens.ToString(CultureInfo.InvariantCulture));
                }

                if (p.Phase == Phase.Decode && contexts)
                {
                    parts.Add("C=" + p.ContextLength.ToString(CultureInfo.InvariantCulture));
                }

                if (types)
                {
                    parts.Add(p.ActivationType.ToName());
                }

                if (degrees)
                {
                    parts.Add("TP" + p.TensorParallel.ToString(CultureInfo.InvariantCulture));
                }

                string label = string.Join(" ", parts);
                labels[p] = gpus ? label + " (" + p.HardwareName + ")" : label;
            }

            return labels;
        }

        private IReadOnlyList<RooflineCeiling> Ceilings(IReadOnlyList<RooflinePoint> charted)
        {
            var ceilings = new List<RooflineCeiling>();
            var names = charted.Select(p => p.HardwareName).Concat(hardware.Select(h => h.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var types = CeilingTypes ?? (names.Count > 1 ? Array.Empty<DataType>() : null);
            foreach (var name in names)
            {
                var used = charted.Where(p => string.Equals(p.HardwareName, name, StringComparison.OrdinalIgnoreCase))
                    .Select(p => (Type: p.PeakRateType, Peak: p.PeakFlopsPerSecond, Bandwidth: p.MemoryBandwidthBytesPerSecond))
                    .Distinct()
                    .ToList();
                var spec = hardware.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
                if (used.Count == 0 && spec != null)
                {
                    // A GPU added for comparison: the rates the points' compute types would run at on it.
                    foreach (var type in charted.Select(p => p.ActivationType).Distinct())
                    {
                        var peak = spec.NativeTypes.Contains(type) || type.WideningOrder().Any(t => spec.NativeTypes.Contains(t)) ? spec.ResolvePeak(type) : null;
                        if (peak != null)
                        {
                            used.Add((peak.Used, peak.FlopsPerSecond, spec.MemoryBandwidthBytesPerSecond));
                        }
                    }
                }

                var own = new List<RooflineCeiling>();
                if (spec != null)
                {
                    foreach (var group in spec.NativeTypes.GroupBy(t => spec.Peak(t)!.Value))
                    {
                        bool primary = used.Any(u => group.Contains(u.Type) && Near(u.Peak, group.Key) && Near(u.Bandwidth, spec.MemoryBandwidthBytesPerSecond));
                        bool wanted = types == null || group.Any(t => types.Contains(t));
                        if (primary || wanted)
                        {
                            own.Add(new RooflineCeiling(spec.Name, group.ToArray(), group.Key, spec.MemoryBandwidthBytesPerSecond, primary));
                        }
                    }
                }

                // Rates the points use that the datasheet added does not hold (or no datasheet was added): the points' own figures.
                foreach (var rate in used.GroupBy(u => (u.Peak, u.Bandwidth)))
                {
                    if (!own.Any(c => c.IsPrimary && Near(c.PeakFlopsPerSecond, rate.Key.Peak) && Near(c.MemoryBandwidthBytesPerSecond, rate.Key.Bandwidth)))
                    {
                        own.Add(new RooflineCeiling(name, rate.Select(r => r.Type).ToArray(), rate.Key.Peak, rate.Key.Bandwidth, true));
                    }
                }

                ceilings.AddRange(own.OrderBy(c => c.PeakFlopsPerSecond));
            }

            return ceilings;
        }

        private string DefaultTitle()
        {
            var models = points.Select(p => p.ModelName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var gpus = points.Select(p => p.HardwareName).Concat(hardware.Select(h => h.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return "Roofline: " + JoinNames(models) + " on " + JoinNames(gpus);
        }

        private string DefaultSubtitle()
        {
            var parts = new List<string>();
            var types = points.Select(p => p.ActivationType).Distinct().ToList();
            if (types.Count == 1)
            {
                parts.Add(types[0].ToName() + " compute");
            }

            var prompts = points.Select(p => p.InputLength).Distinct().ToList();
            if (prompts.Count == 1)
            {
                parts.Add("prompt " + prompts[0].ToString("#,0", CultureInfo.InvariantCulture) + " tokens");
            }

            var contexts = points.Where(p => p.Phase == Phase.Decode).Select(p => p.ContextLength).Distinct().ToList();
            if (contexts.Count == 1 && (prompts.Count != 1 || contexts[0] != prompts[0]))
            {
                parts.Add("decode after " + contexts[0].ToString("#,0", CultureInfo.InvariantCulture) + " cached tokens");
            }

            var degrees = points.Select(p => p.TensorParallel).Distinct().ToList();
            if (degrees.Count == 1 && degrees[0] > 1)
            {
                parts.Add("TP " + degrees[0].ToString(CultureInfo.InvariantCulture) + ", one GPU's share");
            }

            parts.Add("pure roofline: each point at the FLOP/s its intensity allows");
            return string.Join(" · ", parts);
        }

        private static string JoinNames(IReadOnlyList<string> names) =>
            names.Count <= 1 ? string.Join(string.Empty, names)
            : names.Count <= 3 ? string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1]
            : string.Join(", ", names.Take(2)) + " and " + (names.Count - 2).ToString(CultureInfo.InvariantCulture) + " more";
    }
}
