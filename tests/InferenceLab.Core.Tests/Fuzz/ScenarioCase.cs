using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Fuzz
{
    /// <summary>One Core fuzz case: a mutated model, GPU, deployment and scenario, and the extra arguments of the calls.</summary>
    internal sealed class ScenarioCase
    {
        private static readonly DataType[] Types = (DataType[])Enum.GetValues(typeof(DataType));

        public ModelCase Model { get; private set; } = null!;

        /// <summary>Null: no GPU.</summary>
        public double[]? Gpu { get; private set; }

        /// <summary>Peak FLOP/s per type; a type left out has none.</summary>
        public (DataType Type, double Rate)[] Peaks { get; private set; } = Array.Empty<(DataType, double)>();

        public DataType? WeightType { get; private set; }

        public int? GroupSize { get; private set; }

        public double? ScaleBytes { get; private set; }

        public DataType? KvType { get; private set; }

        public DataType? ActivationType { get; private set; }

        public int TensorParallel { get; private set; }

        public int PipelineParallel { get; private set; }

        public double Utilization { get; private set; }

        public double ReserveBytes { get; private set; }

        public int MaxBatchedTokens { get; private set; }

        /// <summary>Null: the generic profile; else compute, memory, attention, half-tokens, MoE, step, layer, all-reduce, interconnect.</summary>
        public double[]? Efficiency { get; private set; }

        public int Batch { get; private set; }

        public int Input { get; private set; }

        public int Output { get; private set; }

        /// <summary>Cached tokens of a decode step; also the context of max-batch and engine budgets.</summary>
        public int Context { get; private set; }

        public MeasuredMetric Metric { get; private set; }

        public double Measured { get; private set; }

        /// <summary>Cases of three kinds: ordinary values only, a few extremes, many extremes.</summary>
        public static Gen<ScenarioCase> Gen => FsCheck.Fluent.Gen.Frequency((2, GenWith(0)), (2, GenWith(1)), (1, GenWith(4)));

        /// <summary>Cases whose values are extreme with weight <paramref name="chaos"/> (0: ordinary values only).</summary>
        internal static Gen<ScenarioCase> GenWith(int chaos) =>
            from model in ModelCase.Gen(chaos)
            from gpu in Values.OrNone(GpuGen(chaos), 1)
            from peaks in PeaksGen(chaos)
            from weight in Values.OrNull(FsCheck.Fluent.Gen.Elements(Types), 3)
            from groupSize in Values.OrNull(Values.Mix((3, FsCheck.Fluent.Gen.Elements(0, 32, 64, 128)), (chaos, Values.AnyInt)).Select(g => g), 4)
            from scale in chaos == 0 ? FsCheck.Fluent.Gen.Constant((double?)null) : Values.OrNull(Values.Double(2, chaos), 5)
            from kv in Values.OrNull(FsCheck.Fluent.Gen.Elements(Types), 3)
            from activation in Values.OrNull(FsCheck.Fluent.Gen.Elements(Types), 3)
            from tp in Values.Mix((6, FsCheck.Fluent.Gen.Elements(1, 2, 4, 8)), (chaos, Values.AnyInt))
            from pp in Values.Mix((6, FsCheck.Fluent.Gen.Elements(1, 1, 2, 4)), (chaos, Values.AnyInt))
            from utilization in FsCheck.Fluent.Gen.Frequency((4, FsCheck.Fluent.Gen.Constant(Deployment.DefaultMemoryUtilization)), (2, Values.Fraction(chaos)))
            from reserve in Values.Double(Deployment.DefaultRuntimeReserveBytes, chaos)
            from chunk in Values.Mix((4, FsCheck.Fluent.Gen.Constant(0)), (2, FsCheck.Fluent.Gen.Elements(256, 2048, 8192)), (chaos, Values.AnyInt))
            from efficiency in Values.OrNone(EfficiencyGen(chaos), 2)
            from batch in Values.Int(1, 256, chaos)
            from input in Values.Int(1, chaos == 0 ? 3000 : 8192, chaos)
            from output in Values.Int(1, chaos == 0 ? 1000 : 1024, chaos)
            from context in Values.Int(0, 8192, chaos)
            from metric in FsCheck.Fluent.Gen.Elements((MeasuredMetric[])Enum.GetValues(typeof(MeasuredMetric)))
            from measured in Values.Double(0.05, chaos)
            select new ScenarioCase
            {
                Model = model, Gpu = gpu, Peaks = peaks, WeightType = weight, GroupSize = groupSize, ScaleBytes = scale, KvType = kv, ActivationType = activation,
                TensorParallel = tp, PipelineParallel = pp, Utilization = utilization, ReserveBytes = reserve, MaxBatchedTokens = chunk, Efficiency = efficiency,
                Batch = batch, Input = input, Output = output, Context = context, Metric = metric, Measured = measured,
            };

        /// <summary>Memory bytes, bandwidth, interconnect bandwidth, visible memory: an A100 SXM 80GB's, mutated.</summary>
        private static Gen<double[]> GpuGen(int chaos) =>
            from memory in Values.Double(80.0 * 1024 * 1024 * 1024, chaos)
            from bandwidth in Values.Double(2039e9, chaos)
            from link in Values.Double(300e9, chaos)
            from visible in FsCheck.Fluent.Gen.Frequency((4, FsCheck.Fluent.Gen.Constant(0.0)), (1, Values.Double(79.0 * 1024 * 1024 * 1024, chaos)))
            select new[] { memory, bandwidth, link, visible };

        private static Gen<(DataType, double)[]> PeaksGen(int chaos) =>
            from types in chaos == 0 ? FsCheck.Fluent.Gen.Constant(Types.ToList()) : FsCheck.Fluent.Gen.SubListOf(Types)
            from rates in FsCheck.Fluent.Gen.ArrayOf(Values.Double(312e12, chaos), types.Count)
            select types.Select((t, i) => (t, rates[i])).ToArray();

        private static Gen<double[]> EfficiencyGen(int chaos) =>
            from fractions in FsCheck.Fluent.Gen.ArrayOf(Values.Fraction(chaos), 5)
            from half in Values.Double(128, chaos)
            from step in Values.Double(1e-4, chaos)
            from layer in Values.Double(1e-6, chaos)
            from allReduce in Values.Double(8e-6, chaos)
            select new[] { fractions[0], fractions[1], fractions[2], half, fractions[3], step, layer, allReduce, fractions[4] };

        /// <summary>The GPU, or null when the case has none; the constructor validates.</summary>
        public HardwareSpec? BuildGpu() =>
            Gpu == null ? null : new HardwareSpec("fuzz-gpu", Gpu[0], Gpu[1], Peaks.GroupBy(p => p.Type).ToDictionary(g => g.Key, g => g.First().Rate), Gpu[2], visibleMemoryBytes: Gpu[3]);

        /// <summary>The deployment; the constructors validate.</summary>
        public Deployment BuildDeployment(Core.Models.ModelSpec model, HardwareSpec? gpu)
        {
            var format = WeightFormat.ForParameters(model.WeightFormat, WeightType, GroupSize, ScaleBytes);
            var efficiency = Efficiency == null ? null : new EfficiencyProfile(
                "fuzz", Efficiency[0], Efficiency[1], Efficiency[2], Efficiency[3], Efficiency[4], Efficiency[5], Efficiency[6], Efficiency[7], Efficiency[8]);
            return new Deployment(model, gpu, format, KvType, ActivationType, null, TensorParallel, PipelineParallel, Utilization, ReserveBytes, MaxBatchedTokens, efficiency);
        }

        public override string ToString()
        {
            string gpu = Gpu == null
                ? "no GPU"
                : "GPU(" + string.Join(", ", Gpu.Select(R)) + "; peaks " + string.Join(", ", Peaks.Select(p => p.Type + "=" + R(p.Rate))) + ")";
            string efficiency = Efficiency == null ? "generic" : "[" + string.Join(", ", Efficiency.Select(R)) + "]";
            return $"{Model}; {gpu}; weights {WeightType?.ToString() ?? "-"}/g{GroupSize?.ToString(CultureInfo.InvariantCulture) ?? "-"}/s{(ScaleBytes == null ? "-" : R(ScaleBytes.Value))}, " +
                $"kv {KvType?.ToString() ?? "-"}, act {ActivationType?.ToString() ?? "-"}, TP {TensorParallel}, PP {PipelineParallel}, util {R(Utilization)}, reserve {R(ReserveBytes)}, " +
                $"chunk {MaxBatchedTokens}, efficiency {efficiency}; batch {Batch}, input {Input}, output {Output}, context {Context}, {Metric} {R(Measured)}";
        }

        private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
