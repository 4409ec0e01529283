using System.CommandLine;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;

namespace InferenceLab.Cli
{
    /// <summary>
    /// --engine and its companions. For time estimates (<c>latency</c>, <c>efficiency</c>): the engine's calibrated efficiency
    /// factors, which --compute-efficiency and --memory-efficiency replace. For memory (<c>memory</c>, <c>max-context</c>, <c>max-batch</c>): the
    /// KV pool the engine gives itself at start-up, with its settings (-Engine and its parameters on the cmdlets). For
    /// <c>simulate</c>: both, the factors timing the iterations and the start-up pool sizing the KV cache.
    /// </summary>
    internal sealed class EngineOptions
    {
        private readonly Option<string?> engine;
        private readonly Option<double?>? computeEfficiency;
        private readonly Option<double?>? memoryEfficiency;
        private readonly Option<int?>? maxSequences;
        private readonly Option<int?>? maxModelLength;
        private readonly Option<int?>? blockSize;
        private readonly Option<bool>? enforceEager;

        private EngineOptions(bool forMemory, string? description = null)
        {
            engine = new Option<string?>("--engine")
            {
                HelpName = "NAME",
                Description = description ?? (forMemory
                    ? "Report the KV-cache pool this engine gives itself at start-up: vllm, sglang or tensorrt-llm. Without it, the generic estimate."
                    : "Serving engine whose calibrated efficiency factors the times use: generic (default), tensorrt-llm, vllm, sglang, llama.cpp."),
            };
            if (forMemory)
            {
                maxSequences = CliOptions.OptionalInteger("--max-sequences", "With --engine: concurrent sequences the engine admits (vLLM's max_num_seqs). Default: the engine's.");
                maxModelLength = CliOptions.OptionalInteger("--max-model-length", "With --engine: the longest sequence served (vLLM's max_model_len). Default: the model's position limit.");
                blockSize = CliOptions.OptionalInteger("--block-size", "With --engine: tokens per KV-cache block. Default: the engine's (16 for vLLM).");
                enforceEager = CliOptions.Flag("--enforce-eager", "With --engine: no CUDA graphs (vLLM's enforce_eager).");
            }
            else
            {
                computeEfficiency = CliOptions.OptionalReal("--compute-efficiency", "FRACTION", "Fraction of the dense peak large GEMMs reach, [1e-6, 1]; replaces the engine's (your own calibration).");
                memoryEfficiency = CliOptions.OptionalReal("--memory-efficiency", "FRACTION", "Fraction of peak bandwidth weight and KV streams reach, [1e-6, 1]; replaces the engine's.");
            }
        }

        /// <summary>The options of the time commands.</summary>
        public static EngineOptions ForTime() => new EngineOptions(forMemory: false);

        /// <summary>The options of <c>simulate</c>: the time commands' options, with --engine also sizing the KV cache.</summary>
        public static EngineOptions ForSimulation() => new EngineOptions(
            forMemory: false,
            "Serving engine whose calibrated efficiency factors time the iterations: generic (default), tensorrt-llm, vllm, sglang, llama.cpp. vllm, sglang and tensorrt-llm also size the KV cache as their start-up pool, with the scheduler options and --memory-utilization.");

        /// <summary>The options of the memory commands.</summary>
        public static EngineOptions ForMemory() => new EngineOptions(forMemory: true);

        /// <summary>Adds the options to a command.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(engine);
            foreach (var option in new Option?[] { computeEfficiency, memoryEfficiency, maxSequences, maxModelLength, blockSize, enforceEager })
            {
                if (option != null)
                {
                    command.Options.Add(option);
                }
            }
        }

        /// <summary>True when --engine was given.</summary>
        public bool HasEngine(ParseResult parse) => parse.GetValue(engine) != null;

        /// <summary>The efficiency factors of a time command, or the pure roofline with --roofline (Core's rule).</summary>
        /// <exception cref="Core.NotFoundException">No engine profile has that name.</exception>
        /// <exception cref="Core.InvalidInputException">An efficiency outside [1e-6, 1].</exception>
        public EfficiencyProfile Efficiency(ParseResult parse, bool roofline) =>
            EngineProfiles.EfficiencyFor(parse.GetValue(engine), roofline, computeEfficiency == null ? null : parse.GetValue(computeEfficiency), memoryEfficiency == null ? null : parse.GetValue(memoryEfficiency));

        /// <summary>
        /// The engine and its start-up settings of a memory command: true with both null without --engine, true with both set
        /// when they resolve, false (the error reported on the run) when they do not.
        /// </summary>
        public bool TryMemoryBudget(ParseResult parse, DeploymentOptions deployment, CommandRun run, out EngineProfile? profile, out EngineMemorySettings? settings)
        {
            profile = null;
            settings = null;
            if (!HasEngine(parse))
            {
                return true;
            }

            bool resolved = run.TryGet(() => Profile(parse), out EngineProfile found) & run.TryGet(() => Settings(parse, deployment), out EngineMemorySettings given);
            profile = resolved ? found : null;
            settings = resolved ? given : null;
            return resolved;
        }

        /// <summary>The engine profile of a memory command.</summary>
        /// <exception cref="Core.NotFoundException">No engine profile has that name.</exception>
        public EngineProfile Profile(ParseResult parse) => EngineProfiles.Get(parse.GetValue(engine)!);

        /// <summary>The engine's start-up settings, with the deployment options' --memory-utilization and --max-batched-tokens when given.</summary>
        /// <exception cref="Core.InvalidInputException">A setting out of range.</exception>
        public EngineMemorySettings Settings(ParseResult parse, DeploymentOptions deployment) =>
            new EngineMemorySettings(
                deployment.GivenMemoryUtilization(parse),
                deployment.GivenMaxBatchedTokens(parse),
                maxSequences == null ? null : parse.GetValue(maxSequences),
                maxModelLength == null ? null : parse.GetValue(maxModelLength),
                blockSize == null ? null : parse.GetValue(blockSize),
                enforceEager != null && parse.GetValue(enforceEager));
    }
}
