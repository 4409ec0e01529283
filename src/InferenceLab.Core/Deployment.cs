using System.Globalization;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core
{
    /// <summary>
    /// What runs where (DESIGN §3): a model, optionally a GPU, data types, parallelism, memory settings and
    /// efficiency. A <see cref="Scenario"/> adds the batch and lengths. Validated on construction; errors name the
    /// parameter as the cmdlets name it.
    /// </summary>
    public sealed class Deployment
    {
        /// <summary>Default fraction of GPU memory the engine may use (vLLM's gpu_memory_utilization).</summary>
        public const double DefaultMemoryUtilization = 0.90;

        /// <summary>
        /// Default runtime reserve per GPU: 1 GiB. vLLM 0.19 on an H100 prints 0.51 GiB of CUDA context at start-up and
        /// sizes its CUDA-graph pool at 0.8–0.9 GiB (tests/data/kv-capacity-calibration.csv, rows R01–R22); cuBLAS and
        /// attention workspaces add tens of MiB. 1 GiB is the round middle of that range.
        /// </summary>
        public const double DefaultRuntimeReserveBytes = 1024.0 * 1024 * 1024;

        /// <summary>
        /// The weight format a model is served in when none is given: its checkpoint's, except that a float32 checkpoint
        /// (Gemma 2's base models) serves in bf16, as engines load one by default (vLLM's dtype "auto" downcasts float32).
        /// </summary>
        public static WeightFormat ServingWeightFormat(ModelSpec model) =>
            model.WeightFormat.Type == DataType.Fp32 && model.WeightFormat.GroupSize == 0 ? WeightFormat.Plain(DataType.Bf16) : model.WeightFormat;

        /// <summary>
        /// The activation and compute type when none is given: the model's native type, or bf16 for a quantized or a
        /// float32 checkpoint (engines compute a quantized model in 16 bits and downcast float32 by default).
        /// </summary>
        public static DataType ServingActivationType(ModelSpec model) =>
            model.NativeType.IsQuantized() || model.NativeType == DataType.Fp32 ? DataType.Bf16 : model.NativeType;

        /// <summary>Creates a deployment.</summary>
        /// <param name="model">The model.</param>
        /// <param name="hardware">The GPU; null when only memory and FLOPs are wanted.</param>
        /// <param name="weightFormat">Weight storage; null means <see cref="ServingWeightFormat"/> (the checkpoint's, float32 served as bf16).</param>
        /// <param name="kvCacheType">KV-cache type; null means the activation type.</param>
        /// <param name="activationType">Activation and compute type; null means <see cref="ServingActivationType"/>.</param>
        /// <param name="embeddingType">Type of the embedding, LM head, norms and routers; null means the weight type, or the activation type when weights are quantized (as vLLM and TensorRT-LLM keep them).</param>
        /// <param name="tensorParallel">Tensor-parallel degree.</param>
        /// <param name="pipelineParallel">Pipeline-parallel degree.</param>
        /// <param name="memoryUtilization">Fraction of GPU memory usable, (0, 1].</param>
        /// <param name="runtimeReserveBytes">Memory per GPU outside weights, KV and activations (CUDA context, workspaces), bytes.</param>
        /// <param name="maxBatchedTokens">Most tokens one step processes (chunked prefill); 0 for no limit.</param>
        /// <param name="efficiency">Efficiency factors; null means the generic profile.</param>
        /// <exception cref="InvalidInputException">A value out of range or inconsistent with the model or GPU.</exception>
        public Deployment(
            ModelSpec model,
            HardwareSpec? hardware = null,
            WeightFormat? weightFormat = null,
            DataType? kvCacheType = null,
            DataType? activationType = null,
            DataType? embeddingType = null,
            int tensorParallel = 1,
            int pipelineParallel = 1,
            double memoryUtilization = DefaultMemoryUtilization,
            double runtimeReserveBytes = DefaultRuntimeReserveBytes,
            int maxBatchedTokens = 0,
            EfficiencyProfile? efficiency = null)
        {
            Model = model ?? throw new InvalidInputException("ModelMissing", "Model", "A deployment needs a model.");
            Hardware = hardware;
            ValidateParallelism(model, tensorParallel, pipelineParallel);
            Require(memoryUtilization > 0 && memoryUtilization <= 1, "MemoryUtilizationOutOfRange", "MemoryUtilization", "MemoryUtilization must be greater than 0 and at most 1; got {0}.", memoryUtilization);
            Require(runtimeReserveBytes >= 0 && runtimeReserveBytes < 1e15, "RuntimeReserveBytesOutOfRange", "RuntimeReserveBytes", "RuntimeReserveBytes must be zero or a positive number of bytes below 1e15; got {0}.", runtimeReserveBytes);
            Require(maxBatchedTokens >= 0, "MaxBatchedTokensNegative", "MaxBatchedTokens", "MaxBatchedTokens must be 0 (no limit) or positive; got {0}.", maxBatchedTokens);

            WeightFormat = weightFormat ?? ServingWeightFormat(model);
            ActivationType = activationType ?? ServingActivationType(model);
            KvCacheType = kvCacheType ?? ActivationType;
            EmbeddingType = embeddingType ?? (WeightFormat.Type.IsQuantized() || WeightFormat.GroupSize > 0 || WeightFormat.RoutedExpertsOnly ? ActivationType : WeightFormat.Type);
            TensorParallel = tensorParallel;
            PipelineParallel = pipelineParallel;
            MemoryUtilization = memoryUtilization;
            RuntimeReserveBytes = runtimeReserveBytes;
            MaxBatchedTokens = maxBatchedTokens;
            Efficiency = efficiency ?? EngineProfiles.Generic.Efficiency;

            if (hardware != null)
            {
                // DataTypeNotSupported for a compute or KV type the GPU cannot run at all (bf16 on a V100).
                hardware.ResolvePeak(ActivationType, "ActivationType");
                if (!KvCacheType.IsQuantized())
                {
                    hardware.ResolvePeak(KvCacheType, "KvCacheType");
                }
            }
        }

        /// <summary>The model.</summary>
        public ModelSpec Model { get; }

        /// <summary>The GPU, or null.</summary>
        public HardwareSpec? Hardware { get; }

        /// <summary>Weight storage format.</summary>
        public WeightFormat WeightFormat { get; }

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType { get; }

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType { get; }

        /// <summary>Type of the embedding, LM head, norms and routers.</summary>
        public DataType EmbeddingType { get; }

        /// <summary>Bytes per weight of the linear layers outside the routed experts: the weight format, or the unquantized type when it covers the experts only.</summary>
        public double LinearBytesPerWeight => WeightFormat.RoutedExpertsOnly ? EmbeddingType.BytesPerElement() : WeightFormat.BytesPerWeight;

        /// <summary>Bytes per weight of the routed experts.</summary>
        public double ExpertBytesPerWeight => WeightFormat.BytesPerWeight;

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel { get; }

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel { get; }

        /// <summary>GPUs the deployment uses: TP × PP.</summary>
        public int GpuCount => TensorParallel * PipelineParallel;

        /// <summary>Fraction of GPU memory usable.</summary>
        public double MemoryUtilization { get; }

        /// <summary>Runtime reserve per GPU, bytes.</summary>
        public double RuntimeReserveBytes { get; }

        /// <summary>Most tokens one step processes; 0 for no limit.</summary>
        public int MaxBatchedTokens { get; }

        /// <summary>Efficiency factors for time estimates.</summary>
        public EfficiencyProfile Efficiency { get; }

        /// <summary>The GPU, or an InvalidArgument error naming what needs it.</summary>
        /// <exception cref="InvalidInputException">No GPU was given.</exception>
        public HardwareSpec RequireHardware(string purpose) =>
            Hardware ?? throw new InvalidInputException("HardwareMissing", "Hardware", purpose + " needs a GPU: give -Hardware (--hardware).");

        /// <summary>A copy with other efficiency factors; everything else unchanged.</summary>
        public Deployment WithEfficiency(EfficiencyProfile efficiency) =>
            new Deployment(Model, Hardware, WeightFormat, KvCacheType, ActivationType, EmbeddingType, TensorParallel, PipelineParallel,
                MemoryUtilization, RuntimeReserveBytes, MaxBatchedTokens, efficiency);

        /// <summary>A copy with another MaxBatchedTokens (a simulation's token budget); everything else unchanged.</summary>
        public Deployment WithMaxBatchedTokens(int maxBatchedTokens) =>
            new Deployment(Model, Hardware, WeightFormat, KvCacheType, ActivationType, EmbeddingType, TensorParallel, PipelineParallel,
                MemoryUtilization, RuntimeReserveBytes, maxBatchedTokens, Efficiency);

        /// <summary>A copy with other parallel degrees; everything else unchanged.</summary>
        public Deployment WithParallelism(int tensorParallel, int pipelineParallel) =>
            new Deployment(Model, Hardware, WeightFormat, KvCacheType, ActivationType, EmbeddingType, tensorParallel, pipelineParallel,
                MemoryUtilization, RuntimeReserveBytes, MaxBatchedTokens, Efficiency);

        /// <summary>Checks a TP and PP degree against a model (DESIGN §9).</summary>
        /// <exception cref="InvalidInputException">A degree below 1, TP not dividing the heads, or PP above the layers.</exception>
        public static void ValidateParallelism(ModelSpec model, int tensorParallel, int pipelineParallel)
        {
            Require(tensorParallel >= 1, "TensorParallelNotPositive", "TensorParallel", "TensorParallel must be at least 1; got {0}.", tensorParallel);
            Require(pipelineParallel >= 1, "PipelineParallelNotPositive", "PipelineParallel", "PipelineParallel must be at least 1; got {0}.", pipelineParallel);
            Require(model.AttentionHeadCount % tensorParallel == 0, "TensorParallelDoesNotDivideHeads", "TensorParallel", "TensorParallel {0} does not divide {1}'s {2} attention heads; use a divisor of {2}.", tensorParallel, model.Name, model.AttentionHeadCount);
            if (!model.UsesLatentAttention)
            {
                int kv = model.KeyValueHeadCount;
                Require(kv % tensorParallel == 0 || tensorParallel % kv == 0, "TensorParallelDoesNotDivideKeyValueHeads", "TensorParallel", "TensorParallel {0} and {1}'s {2} KV heads must divide one another (heads split, or each replicated on whole groups of GPUs).", tensorParallel, model.Name, kv);
            }

            Require(pipelineParallel <= model.LayerCount, "PipelineParallelAboveLayers", "PipelineParallel", "PipelineParallel {0} exceeds {1}'s {2} layers.", pipelineParallel, model.Name, model.LayerCount);
        }

        internal static void Require(bool condition, string id, string field, string format, params object[] args)
        {
            if (!condition)
            {
                throw new InvalidInputException(id, field, string.Format(CultureInfo.InvariantCulture, format, args));
            }
        }
    }
}
