namespace InferenceLab.Core.Simulation
{
    /// <summary>The inputs every simulation result carries, so that one CSV row of a summary or a request stands alone.</summary>
    internal sealed class SimulationInputs
    {
        public SimulationInputs(SimulationRequest request)
        {
            var deployment = request.Deployment;
            var workload = request.Workload;
            var scheduler = request.Scheduler;
            ModelName = deployment.Model.Name;
            HardwareName = deployment.Hardware!.Name;
            Efficiency = deployment.Efficiency.Name;
            WeightType = deployment.WeightFormat.Type;
            WeightGroupSize = deployment.WeightFormat.GroupSize;
            KvCacheType = deployment.KvCacheType;
            ActivationType = deployment.ActivationType;
            TensorParallel = deployment.TensorParallel;
            PipelineParallel = deployment.PipelineParallel;
            GpuCount = deployment.GpuCount;
            MemoryUtilization = deployment.MemoryUtilization;
            Arrival = workload.Arrival;
            RequestRatePerSecond = workload.RequestRatePerSecond;
            Clients = workload.Clients;
            TracePath = workload.TracePath;
            InputLengths = workload.InputLengths?.ToString() ?? string.Empty;
            OutputLengths = workload.OutputLengths?.ToString() ?? string.Empty;
            Seed = workload.Seed;
            MaxNumSeqs = scheduler.MaxNumSeqs;
            MaxBatchedTokens = scheduler.MaxBatchedTokens;
            BlockSize = scheduler.BlockSize;
            SchedulingPolicy = scheduler.Policy;
        }

        public string ModelName { get; }

        public string HardwareName { get; }

        public string Efficiency { get; }

        public DataType WeightType { get; }

        public int WeightGroupSize { get; }

        public DataType KvCacheType { get; }

        public DataType ActivationType { get; }

        public int TensorParallel { get; }

        public int PipelineParallel { get; }

        public int GpuCount { get; }

        public double MemoryUtilization { get; }

        public ArrivalPattern Arrival { get; }

        public double RequestRatePerSecond { get; }

        public int Clients { get; }

        public string TracePath { get; }

        public string InputLengths { get; }

        public string OutputLengths { get; }

        public int Seed { get; }

        public int MaxNumSeqs { get; }

        public int MaxBatchedTokens { get; }

        public int BlockSize { get; }

        public SchedulingPolicy SchedulingPolicy { get; }
    }
}
