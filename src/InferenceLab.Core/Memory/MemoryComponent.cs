namespace InferenceLab.Core.Memory
{
    /// <summary>The parts of a GPU's memory use (DESIGN §5).</summary>
    public enum MemoryComponent
    {
        /// <summary>Model weights.</summary>
        Weights,

        /// <summary>KV cache of every sequence.</summary>
        KvCache,

        /// <summary>The largest transient working set of a step.</summary>
        Activations,

        /// <summary>CUDA context, workspaces and other runtime memory.</summary>
        Reserve,
    }
}
