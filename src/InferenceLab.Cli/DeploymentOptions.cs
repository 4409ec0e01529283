using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using InferenceLab.Cli.Catalog;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Cli
{
    /// <summary>
    /// The options that describe what runs where (a Core <see cref="Deployment"/>), shared by every computing command,
    /// and their expansion into one deployment per combination of models, GPUs, data types and parallel degrees.
    /// </summary>
    internal sealed class DeploymentOptions
    {
        private readonly Option<IReadOnlyList<string>> model;
        private readonly Option<IReadOnlyList<string>> hardware;
        private readonly Option<IReadOnlyList<string>> weightType;
        private readonly Option<int?> weightGroupSize;
        private readonly Option<double?> weightScaleBytes;
        private readonly Option<IReadOnlyList<string>> kvCacheType;
        private readonly Option<IReadOnlyList<string>> activationType;
        private readonly Option<IReadOnlyList<int>> tensorParallel;
        private readonly Option<IReadOnlyList<int>> pipelineParallel;
        private readonly Option<double>? memoryUtilization;
        private readonly Option<double>? runtimeReserveBytes;
        private readonly Option<int>? maxBatchedTokens;
        private readonly Option<IReadOnlyList<string>> catalog;

        /// <summary>Creates the options.</summary>
        /// <param name="hardwareRequired">True when the command needs a GPU.</param>
        /// <param name="memorySettings">True when the command checks a fit: adds --memory-utilization and --runtime-reserve-bytes.</param>
        /// <param name="chunkedPrefill">True when the command's prefill is chunked by --max-batched-tokens.</param>
        public DeploymentOptions(bool hardwareRequired, bool memorySettings, bool chunkedPrefill)
        {
            model = CliOptions.Names("--model", "NAME|PATH[,...]", "Model(s): a catalog name (llama-3.1-8b), a Hugging Face id, or a config.json or YAML file.", required: true);
            hardware = CliOptions.Names("--hardware", "NAME|PATH[,...]", "GPU(s): a catalog name (h100-sxm), a vendor spelling, or a YAML file." + (hardwareRequired ? string.Empty : " Optional: without it there is no fit or peak rate."), hardwareRequired);
            weightType = CliOptions.Names("--weight-type", "TYPE[,...]", "Weight storage type: fp32, bf16, fp16, fp8, int8, int4, fp4 (also bfloat16, e4m3, nvfp4, ...). Default: the model's own (a float32 checkpoint serves in bf16).");
            weightGroupSize = CliOptions.OptionalInteger("--weight-group-size", "Weights sharing one quantization scale (128 for GPTQ/AWQ int4); 0 for none. Default: the model's own with its own type, else 0.");
            weightScaleBytes = CliOptions.OptionalReal("--weight-scale-bytes", "BYTES", "Bytes of each group's scale and zero point. Default: the model's own with its own type and group, else 2 (one fp16 scale) with a group, 0 without.");
            kvCacheType = CliOptions.Names("--kv-cache-type", "TYPE[,...]", "KV-cache type. Default: the activation type.");
            activationType = CliOptions.Names("--activation-type", "TYPE[,...]", "Activation and compute type. Default: the model's native type (bf16 for a quantized or a float32 checkpoint).");
            tensorParallel = CliOptions.Integers("--tensor-parallel", "Tensor-parallel degree(s); must divide the attention heads.", 1);
            pipelineParallel = CliOptions.Integers("--pipeline-parallel", "Pipeline-parallel degree(s).", 1);
            if (memorySettings)
            {
                memoryUtilization = CliOptions.Real("--memory-utilization", "FRACTION", "Fraction of GPU memory usable, (0, 1] (vLLM's gpu_memory_utilization).", Deployment.DefaultMemoryUtilization);
                runtimeReserveBytes = CliOptions.Real("--runtime-reserve-bytes", "BYTES", "Memory per GPU for the CUDA context and workspaces, bytes. Default: 1 GiB (1073741824).", Deployment.DefaultRuntimeReserveBytes);
            }

            if (chunkedPrefill)
            {
                maxBatchedTokens = CliOptions.Integer("--max-batched-tokens", "Most tokens one step processes (chunked prefill); 0 for no limit.", 0);
            }

            catalog = CliOptions.Catalogs();
        }

        /// <summary>Adds the options to a command, in the order help lists them.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(model);
            command.Options.Add(hardware);
            command.Options.Add(weightType);
            command.Options.Add(weightGroupSize);
            command.Options.Add(weightScaleBytes);
            command.Options.Add(kvCacheType);
            command.Options.Add(activationType);
            command.Options.Add(tensorParallel);
            command.Options.Add(pipelineParallel);
            AddIfPresent(command, memoryUtilization);
            AddIfPresent(command, runtimeReserveBytes);
            AddIfPresent(command, maxBatchedTokens);
            command.Options.Add(catalog);
        }

        /// <summary>
        /// One deployment per combination of model, GPU, weight type, KV type, activation type, TP and PP (the first varying
        /// slowest). A name that resolves to nothing, an unknown data type or an invalid combination is reported on
        /// the run and skipped.
        /// </summary>
        public IEnumerable<Deployment> Deployments(ParseResult parse, CliContext context, CommandRun run, EfficiencyProfile? efficiency)
        {
            if (!run.TryGet(() => context.OpenCatalog(parse.GetValue(catalog)!), out ISpecCatalog specs))
            {
                yield break;
            }

            var models = Resolve(parse.GetValue(model)!, specs.GetModel, run);
            var gpus = parse.GetValue(hardware)!.Count == 0 ? new HardwareSpec?[] { null } : Resolve(parse.GetValue(hardware)!, name => (HardwareSpec?)specs.GetHardware(name), run);
            var weightTypes = Types(parse.GetValue(weightType)!, "WeightType", run);
            var kvTypes = Types(parse.GetValue(kvCacheType)!, "KvCacheType", run);
            var activationTypes = Types(parse.GetValue(activationType)!, "ActivationType", run);
            var tps = parse.GetValue(tensorParallel)!;
            var pps = parse.GetValue(pipelineParallel)!;
            int? groupSize = parse.GetValue(weightGroupSize);
            double? scaleBytes = parse.GetValue(weightScaleBytes);
            double utilization = memoryUtilization == null ? Deployment.DefaultMemoryUtilization : parse.GetValue(memoryUtilization);
            double reserve = runtimeReserveBytes == null ? Deployment.DefaultRuntimeReserveBytes : parse.GetValue(runtimeReserveBytes);
            int batchedTokens = maxBatchedTokens == null ? 0 : parse.GetValue(maxBatchedTokens);

            foreach (var i in Grid.Indexes(models.Count, gpus.Count, weightTypes.Count, kvTypes.Count, activationTypes.Count, tps.Count, pps.Count))
            {
                var spec = models[i[0]];
                DataType? weights = weightTypes[i[2]];
                bool made = run.TryGet(
                    () => new Deployment(
                        spec,
                        gpus[i[1]],
                        WeightFormat.ForParameters(Deployment.ServingWeightFormat(spec), weights, groupSize, scaleBytes),
                        kvTypes[i[3]],
                        activationTypes[i[4]],
                        tensorParallel: tps[i[5]],
                        pipelineParallel: pps[i[6]],
                        memoryUtilization: utilization,
                        runtimeReserveBytes: reserve,
                        maxBatchedTokens: batchedTokens,
                        efficiency: efficiency),
                    out Deployment deployment);
                if (made)
                {
                    yield return deployment;
                }
            }
        }

        /// <summary>--memory-utilization when the command line names it; null when it takes its default.</summary>
        public double? GivenMemoryUtilization(ParseResult parse) =>
            memoryUtilization != null && CliOptions.IsGiven(parse.CommandResult, memoryUtilization) ? parse.GetValue(memoryUtilization) : (double?)null;

        /// <summary>--max-batched-tokens when the command line names it with a positive value; null otherwise.</summary>
        public int? GivenMaxBatchedTokens(ParseResult parse) =>
            maxBatchedTokens != null && CliOptions.IsGiven(parse.CommandResult, maxBatchedTokens) && parse.GetValue(maxBatchedTokens) > 0 ? parse.GetValue(maxBatchedTokens) : (int?)null;

        private static IReadOnlyList<T> Resolve<T>(IReadOnlyList<string> names, System.Func<string, T> find, CommandRun run)
        {
            var found = new List<T>();
            foreach (var name in names)
            {
                if (run.TryGet(() => find(name), out T spec))
                {
                    found.Add(spec);
                }
            }

            return found;
        }

        private static IReadOnlyList<DataType?> Types(IReadOnlyList<string> names, string field, CommandRun run)
        {
            if (names.Count == 0)
            {
                return new DataType?[] { null };
            }

            return Resolve(names, name => (DataType?)DataTypes.Parse(name, field), run);
        }

        private static void AddIfPresent(Command command, Option? option)
        {
            if (option != null)
            {
                command.Options.Add(option);
            }
        }
    }
}
