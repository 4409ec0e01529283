using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.Core
{
    /// <summary>
    /// A deployment serving a batch: <see cref="BatchSize"/> sequences, each with a prompt of
    /// <see cref="InputLength"/> tokens generating <see cref="OutputLength"/> tokens. Validated on construction.
    /// </summary>
    public sealed class Scenario
    {
        /// <summary>Largest accepted batch size.</summary>
        public const int MaxBatchSize = 100_000_000;

        /// <summary>Creates a scenario.</summary>
        /// <param name="deployment">What runs where.</param>
        /// <param name="batchSize">Concurrent sequences (B).</param>
        /// <param name="inputLength">Prompt tokens per sequence.</param>
        /// <param name="outputLength">Generated tokens per sequence (the first comes from the prefill step).</param>
        /// <exception cref="InvalidInputException">A batch or length out of range, or a sequence past the position limit.</exception>
        public Scenario(Deployment deployment, int batchSize, int inputLength, int outputLength)
        {
            Deployment = deployment ?? throw new InvalidInputException("DeploymentMissing", "Model", "A scenario needs a model.");
            ValidateBatchSize(batchSize);
            Deployment.Require(inputLength >= 1, "InputLengthNotPositive", "InputLength", "InputLength must be at least 1 token; got {0}.", inputLength);
            Deployment.Require(outputLength >= 1, "OutputLengthNotPositive", "OutputLength", "OutputLength must be at least 1 token (the first comes from the prefill); got {0}.", outputLength);
            long context = (long)inputLength + outputLength;
            Deployment.Require(context <= deployment.Model.MaxPositionEmbeddings, "ContextBeyondPositionLimit", "InputLength", "InputLength + OutputLength = {0} tokens exceeds {1}'s position limit of {2} tokens.", context, deployment.Model.Name, deployment.Model.MaxPositionEmbeddings);
            BatchSize = batchSize;
            InputLength = inputLength;
            OutputLength = outputLength;
        }

        /// <summary>What runs where.</summary>
        public Deployment Deployment { get; }

        /// <summary>Concurrent sequences.</summary>
        public int BatchSize { get; }

        /// <summary>Prompt tokens per sequence.</summary>
        public int InputLength { get; }

        /// <summary>Generated tokens per sequence.</summary>
        public int OutputLength { get; }

        /// <summary>Tokens per sequence at the end of generation: input + output.</summary>
        public int ContextLength => InputLength + OutputLength;

        /// <summary>The model.</summary>
        public ModelSpec Model => Deployment.Model;

        /// <summary>The GPU, or null.</summary>
        public HardwareSpec? Hardware => Deployment.Hardware;

        /// <summary>Weight storage format.</summary>
        public WeightFormat WeightFormat => Deployment.WeightFormat;

        /// <summary>KV-cache type.</summary>
        public DataType KvCacheType => Deployment.KvCacheType;

        /// <summary>Activation and compute type.</summary>
        public DataType ActivationType => Deployment.ActivationType;

        /// <summary>Type of the embedding, LM head, norms and routers.</summary>
        public DataType EmbeddingType => Deployment.EmbeddingType;

        /// <summary>Tensor-parallel degree.</summary>
        public int TensorParallel => Deployment.TensorParallel;

        /// <summary>Pipeline-parallel degree.</summary>
        public int PipelineParallel => Deployment.PipelineParallel;

        /// <summary>GPUs: TP × PP.</summary>
        public int GpuCount => Deployment.GpuCount;

        /// <summary>Most tokens one step processes; 0 for no limit.</summary>
        public int MaxBatchedTokens => Deployment.MaxBatchedTokens;

        /// <summary>Efficiency factors.</summary>
        public EfficiencyProfile Efficiency => Deployment.Efficiency;

        /// <summary>The GPU, or an InvalidArgument error naming what needs it.</summary>
        /// <exception cref="InvalidInputException">No GPU was given.</exception>
        public HardwareSpec RequireHardware(string purpose) => Deployment.RequireHardware(purpose);

        /// <summary>A copy with another batch and lengths.</summary>
        public Scenario WithShape(int batchSize, int inputLength, int outputLength) => new Scenario(Deployment, batchSize, inputLength, outputLength);

        /// <summary>A copy with other efficiency factors.</summary>
        public Scenario WithEfficiency(EfficiencyProfile efficiency) => new Scenario(Deployment.WithEfficiency(efficiency), BatchSize, InputLength, OutputLength);

        /// <summary>Checks a batch size: 1 to <see cref="MaxBatchSize"/>.</summary>
        /// <exception cref="InvalidInputException">Out of range.</exception>
        public static void ValidateBatchSize(int batchSize) =>
            Deployment.Require(batchSize >= 1 && batchSize <= MaxBatchSize, "BatchSizeOutOfRange", "BatchSize", "BatchSize must be between 1 and {1}; got {0}.", batchSize, MaxBatchSize);
    }
}
