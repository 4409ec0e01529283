using System;
using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;
using InferenceLab.PowerShell.Catalog;

namespace InferenceLab.PowerShell
{
    /// <summary>
    /// The parameters that describe what runs where (DESIGN §3) — model, GPU, data types, parallelism and memory settings
    /// — shared by every cmdlet that computes something, and the expansion of their array parameters into one Core
    /// request per combination (<see cref="Sweep"/>).
    /// </summary>
    public abstract class DeploymentCommand : InferenceCommand
    {
        /// <summary>
        /// The model: a catalog name or alias (<c>llama-2-7b</c>), or an object from Get-InferenceModel or New-InferenceModel,
        /// from the pipeline by value or, as a result's ModelName, by property name.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelName")]
        [ValidateNotNull]
        [ModelTransformation]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public ModelSpec Model { get; set; } = null!;

        /// <summary>
        /// The GPU: a catalog name or alias (<c>h100-sxm</c>), or an object from Get-InferenceHardware or
        /// New-InferenceHardware, from the pipeline by value or, as a result's HardwareName, by property name.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("HardwareName", "Gpu")]
        [HardwareTransformation]
        [ArgumentCompleter(typeof(HardwareNameCompleter))]
        public HardwareSpec? Hardware { get; set; }

        /// <summary>Weight element type; by default the model's own format (its checkpoint's quantization, or its native type; a float32 checkpoint serves in bf16).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DataType? WeightType { get; set; }

        /// <summary>Weights sharing one quantization scale; 0 for none. By default the model's own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int? WeightGroupSize { get; set; }

        /// <summary>Bytes of each group's scale (and zero point); 2 (an fp16 scale) when only a group size is given.</summary>
        [Parameter]
        [ValidateRange(0.0, 64.0)]
        public double? WeightScaleBytes { get; set; }

        /// <summary>KV-cache type; by default the activation type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DataType? KvCacheType { get; set; }

        /// <summary>Activation and compute type; by default the model's native type (bf16 for a quantized or a float32 checkpoint, as engines serve them).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DataType? ActivationType { get; set; }

        /// <summary>Tensor-parallel degrees; each one is a point of the sweep.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TP")]
        [ValidateNotNullOrEmpty]
        public int[] TensorParallel { get; set; } = { 1 };

        /// <summary>Pipeline-parallel degree.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PP")]
        [ValidateRange(1, int.MaxValue)]
        public int PipelineParallel { get; set; } = 1;

        /// <summary>
        /// Fraction of GPU memory usable (vLLM's gpu_memory_utilization), (0, 1]; default 0.90, or the engine's own with -Engine.
        /// Core judges the range (MemoryUtilizationOutOfRange), so 0 fails as 1.5 does, per point and not at binding.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? MemoryUtilization { get; set; }

        /// <summary>Memory per GPU outside weights, KV cache and activations (CUDA context, workspaces), bytes; default 1 GiB.</summary>
        [Parameter]
        [ValidateRange(0.0, 1e15)]
        public double RuntimeReserveBytes { get; set; } = Deployment.DefaultRuntimeReserveBytes;

        /// <summary>Most tokens one step processes (chunked prefill); 0 for no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaxBatchedTokens { get; set; }

        /// <summary>What needs the GPU, for Core's HardwareMissing error; null when the cmdlet works without one.</summary>
        internal virtual string? HardwarePurpose => null;

        /// <summary>The efficiency factors; null means Core's generic default.</summary>
        internal virtual EfficiencyProfile? Efficiency => null;

        /// <summary>The Core deployment at one tensor-parallel degree; Core validates it.</summary>
        /// <exception cref="InferenceLabException">A value out of range or inconsistent with the model or GPU.</exception>
        internal Deployment BuildDeployment(int tensorParallel) =>
            new Deployment(
                Model,
                Hardware,
                WeightFormatFor(Model),
                KvCacheType,
                ActivationType,
                embeddingType: null,
                tensorParallel,
                PipelineParallel,
                MemoryUtilization ?? Deployment.DefaultMemoryUtilization,
                RuntimeReserveBytes,
                MaxBatchedTokens,
                Efficiency);

        /// <summary>The weight format the parameters ask for, by Core's rule (<see cref="WeightFormat.ForParameters"/>).</summary>
        internal WeightFormat? WeightFormatFor(ModelSpec model) => WeightFormat.ForParameters(Deployment.ServingWeightFormat(model), WeightType, WeightGroupSize, WeightScaleBytes);

        /// <summary>
        /// One request per combination of <paramref name="axes"/>, the first axis (the tensor-parallel degrees) varying
        /// slowest. A deployment that cannot be built fails once per tensor-parallel degree, not once per point; a model or
        /// GPU name that did not resolve, or a missing GPU that the cmdlet needs, fails once for the whole item. <paramref name="build"/> returns null to leave a combination out.
        /// </summary>
        internal IEnumerable<Planned<TRequest>> PlanSweep<TRequest>(IReadOnlyList<int>[] axes, Func<Deployment, int[], TRequest?> build, Func<int[], string> describe)
            where TRequest : class
        {
            // A name the transformation could not resolve: Core's not-found error, once for the item.
            var unresolvedModel = UnresolvedSpecs.Of(Model);
            var unresolved = unresolvedModel ?? UnresolvedSpecs.Of(Hardware);
            if (unresolved != null)
            {
                yield return Planned<TRequest>.Failed(unresolved.Error, Describe(unresolvedModel != null ? "Model" : "Hardware", unresolved.Name));
                yield break;
            }

            var missing = MissingHardware();
            if (missing != null)
            {
                yield return Planned<TRequest>.Failed(missing, DescribePoint());
                yield break;
            }

            var deployments = new Dictionary<int, Planned<Deployment>>();
            foreach (var combination in Sweep.Combinations(axes))
            {
                int tensorParallel = combination[0];
                if (!deployments.TryGetValue(tensorParallel, out var deployment))
                {
                    deployment = Attempt(() => BuildDeployment(tensorParallel), DescribePoint("TensorParallel", tensorParallel))!;
                    deployments.Add(tensorParallel, deployment);
                    if (deployment.Error != null)
                    {
                        yield return Planned<TRequest>.Failed(deployment.Error, deployment.Target);
                    }
                }

                if (deployment.Request == null)
                {
                    continue;
                }

                var point = Attempt(() => build(deployment.Request, combination), describe(combination));
                if (point != null)
                {
                    yield return point;
                }
            }
        }

        /// <summary>The model and GPU names followed by <paramref name="namesAndValues"/>, as the target of a point's errors.</summary>
        internal string DescribePoint(params object?[] namesAndValues)
        {
            var all = new object?[namesAndValues.Length + 4];
            all[0] = "Model";
            all[1] = Model?.Name;
            all[2] = "Hardware";
            all[3] = Hardware?.Name;
            Array.Copy(namesAndValues, 0, all, 4, namesAndValues.Length);
            return Describe(all);
        }

        /// <summary>Runs <paramref name="build"/>, turning Core's error into a failed point; null when it returns null.</summary>
        internal static Planned<T>? Attempt<T>(Func<T?> build, string target)
            where T : class
        {
            try
            {
                var request = build();
                return request == null ? null : Planned<T>.Of(request, target);
            }
            catch (InferenceLabException error)
            {
                return Planned<T>.Failed(error, target);
            }
        }

        private InvalidInputException? MissingHardware()
        {
            if (HardwarePurpose == null || Hardware != null)
            {
                return null;
            }

            try
            {
                // Core words the error; a deployment of the model alone is always valid.
                new Deployment(Model).RequireHardware(HardwarePurpose);
                return null;
            }
            catch (InvalidInputException error)
            {
                return error;
            }
        }
    }
}
