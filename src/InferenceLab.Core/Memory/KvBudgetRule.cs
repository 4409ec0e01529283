namespace InferenceLab.Core.Memory
{
    /// <summary>How an engine sizes its KV-cache pool at start-up.</summary>
    public enum KvBudgetRule
    {
        /// <summary>
        /// vLLM (V1): gpu_memory_utilization × the memory CUDA reports, minus the weights, the activation peak of a profiling
        /// run and the memory outside PyTorch (CUDA context growth, NCCL buffers).
        /// </summary>
        Vllm,

        /// <summary>
        /// SGLang: mem_fraction_static × total memory holds weights and the KV pool; activations and CUDA graphs live in the
        /// rest. The pool is that fraction minus the weights and the CUDA context.
        /// </summary>
        Sglang,

        /// <summary>
        /// TensorRT-LLM: free_gpu_memory_fraction of the memory still free after the engine (weights and activation buffers)
        /// and the CUDA context are loaded.
        /// </summary>
        TensorRtLlm,
    }
}
