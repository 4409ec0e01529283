using System;
using System.Collections.Generic;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Simulation;
using InferenceLab.Core.Time;
using static InferenceLab.Cli.Output.HumanUnits;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// The columns table output shows for each Core result type: the few a person reads first, in human units. Every
    /// other property is in <c>--format json</c> and <c>--format csv</c>.
    /// </summary>
    internal static class TableLayouts
    {
        private static readonly Dictionary<Type, IReadOnlyList<TableColumn>> Layouts = new Dictionary<Type, IReadOnlyList<TableColumn>>
        {
            [typeof(ModelSpec)] = new[]
            {
                Left<ModelSpec>("Name", m => m.Name),
                Right<ModelSpec>("Params B", m => Giga(m.TotalParameterCount)),
                Right<ModelSpec>("Active B", m => Giga(m.ActiveParameterCount)),
                Right<ModelSpec>("Layers", m => Whole(m.LayerCount)),
                Right<ModelSpec>("Hidden", m => Whole(m.HiddenSize)),
                Right<ModelSpec>("Heads", m => Whole(m.AttentionHeadCount)),
                Right<ModelSpec>("KV heads", m => Whole(m.KeyValueHeadCount)),
                Right<ModelSpec>("Experts", m => m.IsMixtureOfExperts ? m.ExpertsPerToken + "/" + m.ExpertCount : "-"),
                Right<ModelSpec>("Max positions", m => Whole(m.MaxPositionEmbeddings)),
                Left<ModelSpec>("Weight type", m => m.WeightFormat.ToString()),
            },
            [typeof(HardwareSpec)] = new[]
            {
                Left<HardwareSpec>("Name", h => h.Name),
                Right<HardwareSpec>("Memory GiB", h => Gibibytes(h.MemoryBytes)),
                Right<HardwareSpec>("Bandwidth GB/s", h => Number(h.MemoryBandwidthBytesPerSecond / 1e9, 0)),
                Right<HardwareSpec>("BF16 TFLOP/s", h => OrDash(h.Bf16FlopsPerSecond, Tera)),
                Right<HardwareSpec>("FP16 TFLOP/s", h => OrDash(h.Fp16FlopsPerSecond, Tera)),
                Right<HardwareSpec>("FP8 TFLOP/s", h => OrDash(h.Fp8FlopsPerSecond, Tera)),
                Right<HardwareSpec>("INT8 TOP/s", h => OrDash(h.Int8FlopsPerSecond, Tera)),
                Right<HardwareSpec>("FP4 TFLOP/s", h => OrDash(h.Fp4FlopsPerSecond, Tera)),
                Right<HardwareSpec>("Link GB/s", h => h.InterconnectBandwidthBytesPerSecond > 0 ? Number(h.InterconnectBandwidthBytesPerSecond / 1e9, 0) : "-"),
            },
            [typeof(MemoryEstimate)] = new[]
            {
                Left<MemoryEstimate>("Model", m => m.ModelName),
                Left<MemoryEstimate>("GPU", m => OrDash(m.HardwareName)),
                Right<MemoryEstimate>("Batch", m => Whole(m.BatchSize)),
                Right<MemoryEstimate>("Context", m => Whole(m.ContextLength)),
                Right<MemoryEstimate>("TP", m => Whole(m.TensorParallel)),
                Left<MemoryEstimate>("Weight type", m => WeightName(m.WeightType, m.WeightGroupSize)),
                Left<MemoryEstimate>("KV type", m => m.KvCacheType.ToName()),
                Right<MemoryEstimate>("Weights GiB", m => Gibibytes(m.WeightBytes)),
                Right<MemoryEstimate>("KV cache GiB", m => Gibibytes(m.KvCacheBytes)),
                Right<MemoryEstimate>("Activations GiB", m => Gibibytes(m.ActivationBytes)),
                Right<MemoryEstimate>("Reserve GiB", m => Gibibytes(m.ReserveBytes)),
                Right<MemoryEstimate>("Total GiB", m => Gibibytes(m.TotalBytes)),
                Right<MemoryEstimate>("Usable GiB", m => OrDash(m.UsableBytes, Gibibytes)),
                Left<MemoryEstimate>("Fits", m => m.Fits.HasValue ? (m.Fits.Value ? "yes" : "no") : "-"),
            },
            [typeof(MaxContextResult)] = new[]
            {
                Left<MaxContextResult>("Model", m => m.ModelName),
                Left<MaxContextResult>("GPU", m => m.HardwareName),
                Right<MaxContextResult>("Batch", m => Whole(m.BatchSize)),
                Right<MaxContextResult>("TP", m => Whole(m.TensorParallel)),
                Left<MaxContextResult>("Weight type", m => WeightName(m.WeightType, m.WeightGroupSize)),
                Left<MaxContextResult>("KV type", m => m.KvCacheType.ToName()),
                Right<MaxContextResult>("Max context", m => Whole(m.MaxContextLength)),
                Left<MaxContextResult>("Limited by", m => m.LimitedBy.ToString()),
                Right<MaxContextResult>("Total GiB", m => Gibibytes(m.TotalBytes)),
                Right<MaxContextResult>("Usable GiB", m => Gibibytes(m.UsableBytes)),
            },
            [typeof(EngineMaxContextResult)] = new[]
            {
                Left<EngineMaxContextResult>("Model", m => m.ModelName),
                Left<EngineMaxContextResult>("GPU", m => m.HardwareName),
                Left<EngineMaxContextResult>("Engine", m => m.Engine),
                Right<EngineMaxContextResult>("Batch", m => Whole(m.BatchSize)),
                Right<EngineMaxContextResult>("TP", m => Whole(m.TensorParallel)),
                Left<EngineMaxContextResult>("KV type", m => m.KvCacheType.ToName()),
                Right<EngineMaxContextResult>("Max context", m => Whole(m.MaxContextLength)),
                Left<EngineMaxContextResult>("Limited by", m => m.LimitedBy.ToString()),
                Right<EngineMaxContextResult>("KV cache GiB", m => Gibibytes(m.KvCacheBytes)),
                Right<EngineMaxContextResult>("KV tokens", m => Whole(m.KvCacheTokens)),
                Right<EngineMaxContextResult>("Blocks used", m => Whole(m.KvCacheBlocksNeeded) + "/" + Whole(m.KvCacheBlocks)),
            },
            [typeof(MaxBatchResult)] = new[]
            {
                Left<MaxBatchResult>("Model", m => m.ModelName),
                Left<MaxBatchResult>("GPU", m => m.HardwareName),
                Right<MaxBatchResult>("Context", m => Whole(m.ContextLength)),
                Right<MaxBatchResult>("TP", m => Whole(m.TensorParallel)),
                Left<MaxBatchResult>("Weight type", m => WeightName(m.WeightType, m.WeightGroupSize)),
                Left<MaxBatchResult>("KV type", m => m.KvCacheType.ToName()),
                Right<MaxBatchResult>("Max batch", m => Whole(m.MaxBatchSize)),
                Right<MaxBatchResult>("KV capacity tokens", m => Whole(m.KvCacheCapacityTokens)),
                Right<MaxBatchResult>("KV/sequence MiB", m => Mebibytes(m.KvCacheBytesPerSequence)),
                Left<MaxBatchResult>("Limited by", m => m.LimitedBy.ToString()),
                Right<MaxBatchResult>("Usable GiB", m => Gibibytes(m.UsableBytes)),
            },
            [typeof(EngineMemoryBudget)] = new[]
            {
                Left<EngineMemoryBudget>("Model", m => m.ModelName),
                Left<EngineMemoryBudget>("GPU", m => m.HardwareName),
                Left<EngineMemoryBudget>("Engine", m => m.Engine),
                Right<EngineMemoryBudget>("TP", m => Whole(m.TensorParallel)),
                Right<EngineMemoryBudget>("Weights GiB", m => Gibibytes(m.WeightBytes)),
                Right<EngineMemoryBudget>("Activations GiB", m => Gibibytes(m.ActivationPeakBytes)),
                Right<EngineMemoryBudget>("Other GiB", m => Gibibytes(m.NonTorchBytes)),
                Right<EngineMemoryBudget>("KV cache GiB", m => Gibibytes(m.KvCacheBytes)),
                Right<EngineMemoryBudget>("KV tokens", m => Whole(m.KvCacheTokens)),
                Right<EngineMemoryBudget>("Blocks", m => Whole(m.KvCacheBlocks)),
                Right<EngineMemoryBudget>("Context", m => Whole(m.ContextLength)),
                Right<EngineMemoryBudget>("Concurrency", m => Number(m.MaxConcurrency, 2) + "x"),
            },
            [typeof(StepCost)] = new[]
            {
                Left<StepCost>("Model", s => s.ModelName),
                Left<StepCost>("Phase", s => s.Phase.ToString()),
                Right<StepCost>("Batch", s => Whole(s.BatchSize)),
                Right<StepCost>("New tokens", s => Whole(s.NewTokens)),
                Right<StepCost>("Context", s => Whole(s.ContextLength)),
                Right<StepCost>("TP", s => Whole(s.TensorParallel)),
                Right<StepCost>("GFLOP", s => Giga(s.Flops)),
                Right<StepCost>("Weights read GiB", s => Gibibytes(s.WeightBytesRead)),
                Right<StepCost>("KV read GiB", s => Gibibytes(s.KvCacheBytesRead)),
                Right<StepCost>("Moved GiB", s => Gibibytes(s.BytesRead + s.BytesWritten)),
                Right<StepCost>("FLOP/B", s => Number(s.ArithmeticIntensityFlopsPerByte, 1)),
            },
            [typeof(OperatorCost)] = new[]
            {
                Left<OperatorCost>("Model", o => o.ModelName),
                Left<OperatorCost>("Phase", o => o.Phase.ToString()),
                Right<OperatorCost>("Batch", o => Whole(o.BatchSize)),
                Right<OperatorCost>("Context", o => Whole(o.ContextLength)),
                Left<OperatorCost>("Operator", o => o.Operator.ToString()),
                Right<OperatorCost>("Layers", o => Whole(o.LayerCount)),
                Right<OperatorCost>("GFLOP", o => Giga(o.Flops)),
                Right<OperatorCost>("Read MiB", o => Mebibytes(o.BytesRead)),
                Right<OperatorCost>("Written MiB", o => Mebibytes(o.BytesWritten)),
                Right<OperatorCost>("FLOP/B", o => Number(o.ArithmeticIntensityFlopsPerByte, 1)),
            },
            [typeof(RooflinePoint)] = new[]
            {
                Left<RooflinePoint>("Model", r => r.ModelName),
                Left<RooflinePoint>("GPU", r => r.HardwareName),
                Left<RooflinePoint>("Phase", r => r.Phase.ToString()),
                Left<RooflinePoint>("Operator", r => r.Operator),
                Right<RooflinePoint>("Batch", r => Whole(r.BatchSize)),
                Right<RooflinePoint>("Context", r => Whole(r.ContextLength)),
                Right<RooflinePoint>("FLOP/B", r => Number(r.ArithmeticIntensityFlopsPerByte, 1)),
                Right<RooflinePoint>("Balance FLOP/B", r => Number(r.MachineBalanceFlopsPerByte, 1)),
                Left<RooflinePoint>("Bound", r => r.Bound.ToString()),
                Right<RooflinePoint>("Attainable TFLOP/s", r => Tera(r.AttainableFlopsPerSecond)),
                Right<RooflinePoint>("Time ms", r => Milliseconds(r.Seconds)),
            },
            [typeof(LatencyEstimate)] = new[]
            {
                Left<LatencyEstimate>("Model", l => l.ModelName),
                Left<LatencyEstimate>("GPU", l => l.HardwareName),
                Right<LatencyEstimate>("Batch", l => Whole(l.BatchSize)),
                Right<LatencyEstimate>("Input", l => Whole(l.InputLength)),
                Right<LatencyEstimate>("Output", l => Whole(l.OutputLength)),
                Right<LatencyEstimate>("GPUs", l => Whole(l.GpuCount)),
                Left<LatencyEstimate>("Weight type", l => WeightName(l.WeightType, l.WeightGroupSize)),
                Left<LatencyEstimate>("KV type", l => l.KvCacheType.ToName()),
                Right<LatencyEstimate>("TTFT ms", l => Milliseconds(l.TimeToFirstTokenSeconds)),
                Right<LatencyEstimate>("TPOT ms", l => Milliseconds(l.TimePerOutputTokenSeconds)),
                Right<LatencyEstimate>("End-to-end s", l => Seconds(l.EndToEndSeconds)),
                Right<LatencyEstimate>("Output tok/s", l => Number(l.OutputTokensPerSecond, 1)),
                Left<LatencyEstimate>("Prefill", l => l.PrefillBound.ToString()),
                Left<LatencyEstimate>("Decode", l => l.DecodeBound.ToString()),
            },
            [typeof(EfficiencyReport)] = new[]
            {
                Left<EfficiencyReport>("Model", e => e.ModelName),
                Left<EfficiencyReport>("GPU", e => e.HardwareName),
                Right<EfficiencyReport>("Batch", e => Whole(e.BatchSize)),
                Left<EfficiencyReport>("Metric", e => e.Metric.ToString()),
                Right<EfficiencyReport>("Measured s", e => Seconds(e.MeasuredSeconds)),
                Right<EfficiencyReport>("Predicted s", e => Seconds(e.PredictedSeconds)),
                Right<EfficiencyReport>("Achieved TFLOP/s", e => Tera(e.AchievedFlopsPerSecond)),
                Right<EfficiencyReport>("Achieved GB/s", e => Number(e.AchievedBytesPerSecond / 1e9, 0)),
                Right<EfficiencyReport>("MFU %", e => Percent(e.ModelFlopsUtilization)),
                Right<EfficiencyReport>("MBU %", e => Percent(e.ModelBandwidthUtilization)),
                Right<EfficiencyReport>("Of roofline %", e => Percent(e.RooflineFraction)),
            },
            [typeof(SimulationSummary)] = new[]
            {
                Left<SimulationSummary>("Model", s => s.ModelName),
                Left<SimulationSummary>("GPU", s => s.HardwareName),
                Right<SimulationSummary>("GPUs", s => Whole(s.GpuCount)),
                Left<SimulationSummary>("Load", s => Load(s.Arrival, s.RequestRatePerSecond, s.Clients)),
                Right<SimulationSummary>("Requests", s => Whole(s.RequestCount)),
                Right<SimulationSummary>("TTFT p50 ms", s => Milliseconds(s.TimeToFirstTokenP50Seconds)),
                Right<SimulationSummary>("TTFT p99 ms", s => Milliseconds(s.TimeToFirstTokenP99Seconds)),
                Right<SimulationSummary>("TPOT p50 ms", s => Milliseconds(s.TimePerOutputTokenP50Seconds)),
                Right<SimulationSummary>("TPOT p99 ms", s => Milliseconds(s.TimePerOutputTokenP99Seconds)),
                Right<SimulationSummary>("ITL p99 ms", s => Milliseconds(s.InterTokenLatencyP99Seconds)),
                Right<SimulationSummary>("E2E p99 s", s => Seconds(s.EndToEndP99Seconds)),
                Right<SimulationSummary>("Req/s", s => Number(s.RequestsPerSecond, 2)),
                Right<SimulationSummary>("Output tok/s", s => Number(s.OutputTokensPerSecond, 1)),
                Right<SimulationSummary>("Mean batch", s => Number(s.MeanRunningSequences, 1)),
                Right<SimulationSummary>("KV peak %", s => Percent(s.KvCachePeakBytes / s.KvCacheCapacityBytes)),
                Right<SimulationSummary>("Preemptions", s => Whole(s.PreemptionCount)),
            },
            [typeof(SimulatedRequest)] = new[]
            {
                Left<SimulatedRequest>("Model", r => r.ModelName),
                Left<SimulatedRequest>("Load", r => Load(r.Arrival, r.RequestRatePerSecond, r.Clients)),
                Right<SimulatedRequest>("Index", r => Whole(r.Index)),
                Right<SimulatedRequest>("Arrival s", r => Seconds(r.ArrivalSeconds)),
                Right<SimulatedRequest>("Input", r => Whole(r.InputTokens)),
                Right<SimulatedRequest>("Output", r => Whole(r.OutputTokens)),
                Right<SimulatedRequest>("Queue ms", r => Milliseconds(r.QueueSeconds)),
                Right<SimulatedRequest>("TTFT ms", r => Milliseconds(r.TimeToFirstTokenSeconds)),
                Right<SimulatedRequest>("TPOT ms", r => Milliseconds(r.TimePerOutputTokenSeconds)),
                Right<SimulatedRequest>("E2E s", r => Seconds(r.EndToEndSeconds)),
                Right<SimulatedRequest>("Preemptions", r => Whole(r.PreemptionCount)),
            },
        };

        /// <summary>The table columns of a Core result type.</summary>
        /// <exception cref="ArgumentException">No layout for the type: a command outputs a type this table does not know.</exception>
        public static IReadOnlyList<TableColumn> For(Type type) =>
            Layouts.TryGetValue(type, out var columns) ? columns : throw new ArgumentException("No table layout for " + type.FullName + ".", nameof(type));

        /// <summary>The result types with a table layout.</summary>
        public static IEnumerable<Type> Types => Layouts.Keys;

        /// <summary>A weight format as people write it: <c>bf16</c>, or <c>int4/g128</c> with group scales.</summary>
        private static string WeightName(DataType type, int groupSize) => groupSize > 0 ? type.ToName() + "/g" + groupSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : type.ToName();

        /// <summary>A simulation's offered load in words: <c>18 req/s</c>, <c>16 clients</c> or <c>trace</c>.</summary>
        private static string Load(ArrivalPattern arrival, double rate, int clients) =>
            arrival == ArrivalPattern.Poisson ? rate.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " req/s"
            : arrival == ArrivalPattern.ClosedLoop ? Whole(clients) + " clients"
            : "trace";

        private static TableColumn Left<T>(string header, Func<T, string> cell) => new TableColumn(header, o => cell((T)o), numeric: false);

        private static TableColumn Right<T>(string header, Func<T, string> cell) => new TableColumn(header, o => cell((T)o), numeric: true);
    }
}
