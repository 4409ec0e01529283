using System;
using InferenceLab.Core.Hardware;

namespace InferenceLab.Core.Cost
{
    /// <summary>
    /// Where a step, or one of its operators, sits on a GPU's roofline (DESIGN §4): arithmetic intensity against the
    /// machine balance, the bound, the attainable rate and the pure-roofline time, on one GPU.
    /// </summary>
    public sealed class RooflinePoint
    {
        /// <summary>The <see cref="Operator"/> value of a whole-step point.</summary>
        public const string WholeStep = "Step";

        internal RooflinePoint(StepCost step, string operatorName, double flops, double bytes, HardwareSpec hardware, PeakRate peak)
        {
            ModelName = step.ModelName;
            HardwareName = hardware.Name;
            Phase = step.Phase;
            Operator = operatorName;
            BatchSize = step.BatchSize;
            InputLength = step.InputLength;
            NewTokens = step.NewTokens;
            ContextLength = step.ContextLength;
            WeightType = step.WeightType;
            WeightGroupSize = step.WeightGroupSize;
            KvCacheType = step.KvCacheType;
            ActivationType = step.ActivationType;
            TensorParallel = step.TensorParallel;
            PipelineParallel = step.PipelineParallel;
            Flops = flops;
            Bytes = bytes;
            PeakFlopsPerSecond = peak.FlopsPerSecond;
            PeakRateType = peak.Used;
            PeakRateNote = peak.Note;
            MemoryBandwidthBytesPerSecond = hardware.MemoryBandwidthBytesPerSecond;
            MachineBalanceFlopsPerByte = peak.FlopsPerSecond / hardware.MemoryBandwidthBytesPerSecond;
            ArithmeticIntensityFlopsPerByte = bytes > 0 ? flops / bytes : 0;
            Bound = bytes > 0 && ArithmeticIntensityFlopsPerByte < MachineBalanceFlopsPerByte ? RooflineBound.Memory : RooflineBound.Compute;
            AttainableFlopsPerSecond = Math.Min(PeakFlopsPerSecond, ArithmeticIntensityFlopsPerByte * MemoryBandwidthBytesPerSecond);
            Seconds = Math.Max(flops / PeakFlopsPerSecond, bytes / MemoryBandwidthBytesPerSecond);
        }

        /// <summary>Model name.</summary>
        public string ModelName { get; }

        /// <summary>GPU name.</summary>
        public string HardwareName { get; }

        /// <summary>Prefill or decode.</summary>
        public Phase Phase { get; }

        /// <summary><c>Step</c> for the whole step, else the operator's name.</summary>
        public string Operator { get; }

        /// <summary>Sequences in the step.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence.</summary>
        public int InputLength { get; }

        /// <summary>Tokens each sequence processes in the step.</summary>
        public int NewTokens { get; }

        /// <summary>Tokens cached per sequence before the step.</summary>
        public int ContextLength { get; }

        /// <summary>Weight element type.</summary>
        public DataType WeightType { get; }

        /// <summary>Weights per scale group; 0 without group scales.</summary>
        public int WeightGroupSize { get; }

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType { get; }

        /// <summary>Compute type asked for.</summary>
        public DataType ActivationType { get; }

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel { get; }

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel { get; }

        /// <summary>FLOPs on one GPU.</summary>
        public double Flops { get; }

        /// <summary>Bytes moved (read + written) on one GPU.</summary>
        public double Bytes { get; }

        /// <summary>FLOPs per byte moved.</summary>
        public double ArithmeticIntensityFlopsPerByte { get; }

        /// <summary>Peak FLOP/s ÷ bandwidth of the GPU for the compute type, FLOP/B.</summary>
        public double MachineBalanceFlopsPerByte { get; }

        /// <summary>Memory when the intensity is below the machine balance, else Compute.</summary>
        public RooflineBound Bound { get; }

        /// <summary>Dense peak that applies, FLOP/s.</summary>
        public double PeakFlopsPerSecond { get; }

        /// <summary>The type whose peak applies (differs from the activation type on a fallback).</summary>
        public DataType PeakRateType { get; }

        /// <summary>Explains a fallback peak; empty otherwise.</summary>
        public string PeakRateNote { get; }

        /// <summary>Peak memory bandwidth, B/s.</summary>
        public double MemoryBandwidthBytesPerSecond { get; }

        /// <summary>min(peak, intensity × bandwidth), FLOP/s.</summary>
        public double AttainableFlopsPerSecond { get; }

        /// <summary>Pure-roofline time: max(FLOPs ÷ peak, bytes ÷ bandwidth), s.</summary>
        public double Seconds { get; }
    }
}
