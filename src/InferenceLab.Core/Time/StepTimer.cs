using System;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Time
{
    /// <summary>
    /// Times forward steps on one GPU of a tensor-parallel group (DESIGN §6): each operator takes the longer of its
    /// FLOPs at the efficient compute rate and its bytes at the efficient bandwidth; a step adds per-step and
    /// per-layer overheads and communication. Sums over many steps are exact closed forms.
    /// </summary>
    internal sealed class StepTimer
    {
        private readonly Deployment scenario;
        private readonly HardwareSpec hardware;
        private readonly EfficiencyProfile efficiency;
        private readonly StepCostModel costModel;
        private readonly double peakFlopsPerSecond;
        private readonly double bandwidth;
        private readonly double fixedSecondsPerStep;
        private readonly OperatorWork[] first = new OperatorWork[StepCostModel.OperatorCount];
        private readonly OperatorWork[] last = new OperatorWork[StepCostModel.OperatorCount];

        public StepTimer(Deployment scenario)
        {
            this.scenario = scenario;
            hardware = scenario.RequireHardware("A time estimate");
            Communication.RequireInterconnect(scenario, hardware);
            efficiency = scenario.Efficiency;
            costModel = new StepCostModel(scenario, scenario.TensorParallel);
            PeakRate = hardware.ResolvePeak(scenario.ActivationType);
            peakFlopsPerSecond = PeakRate.FlopsPerSecond;
            bandwidth = hardware.MemoryBandwidthBytesPerSecond;
            fixedSecondsPerStep = efficiency.StepOverheadSeconds + (scenario.Model.LayerCount * efficiency.LayerOverheadSeconds);
        }

        /// <summary>The peak rate that applies to the scenario's compute type.</summary>
        public PeakRate PeakRate { get; }

        /// <summary>The cost model the timer prices.</summary>
        public StepCostModel CostModel => costModel;

        /// <summary>Time of one step of one group of sequences, s.</summary>
        public double Seconds(in SequenceGroup group)
        {
            var totals = costModel.Evaluate(group, first);
            return OperatorSeconds(first) + fixedSecondsPerStep + Communication.StepSeconds(scenario, hardware, totals.Tokens);
        }

        /// <summary>Time of one step of a mixed batch, s.</summary>
        public double Seconds(SequenceGroup[] groups, int groupCount)
        {
            var totals = costModel.Evaluate(groups, groupCount, first);
            return OperatorSeconds(first) + fixedSecondsPerStep + Communication.StepSeconds(scenario, hardware, totals.Tokens);
        }

        /// <summary>
        /// Where one step sits on the pure roofline: memory-bound when its FLOPs per byte fall below the machine balance of the
        /// compute type (the same test as <see cref="Cost.RooflinePoint.Bound"/>, without building the step's result objects).
        /// </summary>
        public RooflineBound Bound(in SequenceGroup group)
        {
            costModel.Evaluate(group, first);
            double flops = 0;
            double bytes = 0;
            foreach (var op in first)
            {
                flops += op.Flops;
                bytes += op.BytesRead + op.BytesWritten;
            }

            return bytes > 0 && flops / bytes < peakFlopsPerSecond / bandwidth ? RooflineBound.Memory : RooflineBound.Compute;
        }

        /// <summary>Communication time of one step with <paramref name="tokens"/> new tokens, s.</summary>
        public double CommunicationSeconds(double tokens) => Communication.StepSeconds(scenario, hardware, tokens);

        /// <summary>
        /// Σ over k = 0..count−1 of the time of a step in which <paramref name="batchSize"/> sequences each process
        /// <paramref name="newTokens"/> tokens over a cache of firstContext + k·contextStep tokens. Exact: each
        /// operator's two roofline terms are affine in the context between the sliding-window breakpoints, so the
        /// sum of their maximum splits at the crossover into arithmetic series.
        /// </summary>
        public double SumSeconds(int batchSize, int newTokens, long firstContext, long contextStep, long count, bool sampled)
        {
            if (count <= 0)
            {
                return 0;
            }

            double constant = count * (fixedSecondsPerStep + Communication.StepSeconds(scenario, hardware, (double)batchSize * newTokens));
            double total = constant;
            Segments(newTokens, firstContext, contextStep, count, out long affineEnd, out long constantStart);

            total += SumAffineRange(batchSize, newTokens, firstContext, contextStep, 0, affineEnd, sampled);
            for (long k = Math.Max(0, affineEnd + 1); k < Math.Min(count, constantStart); k++)
            {
                costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k * contextStep), sampled), first);
                total += OperatorSeconds(first);
            }

            total += SumAffineRange(batchSize, newTokens, firstContext, contextStep, Math.Max(constantStart, affineEnd + 1), count - 1, sampled);
            return total;
        }

        /// <summary>Σ of the work of the same steps as <see cref="SumSeconds"/>, per GPU.</summary>
        public WorkSum SumWork(int batchSize, int newTokens, long firstContext, long contextStep, long count, bool sampled)
        {
            var sum = default(WorkSum);
            if (count <= 0)
            {
                return sum;
            }

            Segments(newTokens, firstContext, contextStep, count, out long affineEnd, out long constantStart);
            AddAffineWork(ref sum, batchSize, newTokens, firstContext, contextStep, 0, affineEnd, sampled);
            for (long k = Math.Max(0, affineEnd + 1); k < Math.Min(count, constantStart); k++)
            {
                costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k * contextStep), sampled), first);
                sum.Add(first, 1);
            }

            AddAffineWork(ref sum, batchSize, newTokens, firstContext, contextStep, Math.Max(constantStart, affineEnd + 1), count - 1, sampled);
            return sum;
        }

        /// <summary>The compute-bound and memory-bound times of one operator at this scenario's efficiencies, s.</summary>
        public void OperatorTimes(OperatorKind kind, in OperatorWork work, out double computeSeconds, out double memorySeconds)
        {
            double computeEfficiency;
            double memoryEfficiency = efficiency.MemoryEfficiency;
            switch (kind)
            {
                case OperatorKind.Attention:
                case OperatorKind.SlidingWindowAttention:
                    computeSeconds = work.Flops / (peakFlopsPerSecond * efficiency.ComputeEfficiency);
                    memorySeconds = (work.KvCacheBytesRead / (bandwidth * efficiency.AttentionMemoryEfficiency))
                        + ((work.BytesRead + work.BytesWritten - work.KvCacheBytesRead) / (bandwidth * memoryEfficiency));
                    return;
                case OperatorKind.Embedding:
                case OperatorKind.Elementwise:
                    computeEfficiency = efficiency.ComputeEfficiency;
                    break;
                case OperatorKind.RoutedExperts:
                    computeEfficiency = efficiency.GemmEfficiency(work.GemmTokens) * efficiency.MoeEfficiency;
                    memoryEfficiency *= efficiency.MoeEfficiency;
                    break;
                default:
                    computeEfficiency = efficiency.GemmEfficiency(work.GemmTokens);
                    break;
            }

            computeSeconds = work.Flops > 0 ? work.Flops / (peakFlopsPerSecond * computeEfficiency) : 0;
            memorySeconds = (work.BytesRead + work.BytesWritten) / (bandwidth * memoryEfficiency);
        }

        private double OperatorSeconds(OperatorWork[] work)
        {
            double seconds = 0;
            for (int i = 0; i < work.Length; i++)
            {
                OperatorTimes((OperatorKind)i, work[i], out double compute, out double memory);
                seconds += Math.Max(compute, memory);
            }

            return seconds;
        }

        private void Segments(int newTokens, long firstContext, long contextStep, long count, out long affineEnd, out long constantStart)
        {
            costModel.WindowBreakpoints(newTokens, out double affineUpTo, out double constantFrom);
            if (double.IsPositiveInfinity(affineUpTo) || contextStep == 0)
            {
                affineEnd = count - 1;
                constantStart = count;
                return;
            }

            // Last k with C_k ≤ affineUpTo, and first k with C_k ≥ constantFrom; between them at most ⌈S/Δ⌉ steps.
            affineEnd = (long)Math.Floor((affineUpTo - firstContext) / contextStep);
            affineEnd = Math.Max(-1, Math.Min(count - 1, affineEnd));
            constantStart = (long)Math.Ceiling((constantFrom - firstContext) / contextStep);
            constantStart = Math.Max(0, Math.Min(count, constantStart));
        }

        private double SumAffineRange(int batchSize, int newTokens, long firstContext, long contextStep, long k0, long k1, bool sampled)
        {
            if (k1 < k0)
            {
                return 0;
            }

            costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k0 * contextStep), sampled), first);
            double points = k1 - k0 + 1;
            if (k1 == k0)
            {
                return OperatorSeconds(first);
            }

            costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k1 * contextStep), sampled), last);
            double total = 0;
            for (int i = 0; i < first.Length; i++)
            {
                OperatorTimes((OperatorKind)i, first[i], out double compute0, out double memory0);
                OperatorTimes((OperatorKind)i, last[i], out double compute1, out double memory1);
                total += SumOfMaxOfAffine(compute0, compute1, memory0, memory1, points);
            }

            return total;
        }

        private void AddAffineWork(ref WorkSum sum, int batchSize, int newTokens, long firstContext, long contextStep, long k0, long k1, bool sampled)
        {
            if (k1 < k0)
            {
                return;
            }

            double points = k1 - k0 + 1;
            costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k0 * contextStep), sampled), first);
            if (k1 == k0)
            {
                sum.Add(first, 1);
                return;
            }

            // An affine quantity summed over n evenly spaced points is n × the mean of its ends.
            costModel.Evaluate(new SequenceGroup(batchSize, newTokens, firstContext + (k1 * contextStep), sampled), last);
            sum.Add(first, points / 2);
            sum.Add(last, points / 2);
        }

        /// <summary>
        /// Σ_{j=0}^{n−1} max(x(j), y(j)) where x and y are affine in j with x(0)=x0, x(n−1)=x1 and likewise y.
        /// </summary>
        internal static double SumOfMaxOfAffine(double x0, double x1, double y0, double y1, double n)
        {
            if (n <= 1)
            {
                return Math.Max(x0, y0);
            }

            double d0 = x0 - y0;
            double d1 = x1 - y1;
            if (d0 >= 0 && d1 >= 0)
            {
                return n * (x0 + x1) / 2;
            }

            if (d0 <= 0 && d1 <= 0)
            {
                return n * (y0 + y1) / 2;
            }

            // The difference changes sign once, at j* = d0 / (d0 − d1) · (n − 1).
            double last = n - 1;
            double crossing = d0 / (d0 - d1) * last;
            double split = Math.Floor(crossing);
            double head = split + 1;
            double tail = n - head;
            double xAt(double j) => x0 + ((x1 - x0) * j / last);
            double yAt(double j) => y0 + ((y1 - y0) * j / last);
            return d0 > 0
                ? (head * (x0 + xAt(split)) / 2) + (tail * (yAt(split + 1) + y1) / 2)
                : (head * (y0 + yAt(split)) / 2) + (tail * (xAt(split + 1) + x1) / 2);
        }
    }
}
