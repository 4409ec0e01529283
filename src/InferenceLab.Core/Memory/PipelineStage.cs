namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The layers one pipeline stage holds. Layers split as evenly as possible, the first stages taking the remainder;
    /// dense layers come first (DeepSeek's first_k_dense_replace); sliding-window layers are spread evenly.
    /// </summary>
    internal readonly struct PipelineStage
    {
        private PipelineStage(int index, int layers, int denseLayers, int slidingLayers, bool first, bool last)
        {
            Index = index;
            Layers = layers;
            DenseLayers = denseLayers;
            SlidingLayers = slidingLayers;
            IsFirst = first;
            IsLast = last;
        }

        public int Index { get; }

        public int Layers { get; }

        /// <summary>Layers with a dense MLP (all of them for a dense model).</summary>
        public int DenseLayers { get; }

        public int MoeLayers => Layers - DenseLayers;

        public int SlidingLayers { get; }

        public int FullLayers => Layers - SlidingLayers;

        /// <summary>True for the stage that holds the embedding.</summary>
        public bool IsFirst { get; }

        /// <summary>True for the stage that holds the LM head and final norm.</summary>
        public bool IsLast { get; }

        public static PipelineStage[] Split(Models.ModelSpec model, int pipelineParallel)
        {
            var stages = new PipelineStage[pipelineParallel];
            int total = model.LayerCount;
            int denseTotal = total - model.MoeLayerCount;
            long slidingTotal = model.SlidingWindowLayerCount;
            int start = 0;
            for (int p = 0; p < pipelineParallel; p++)
            {
                int size = (total / pipelineParallel) + (p < total % pipelineParallel ? 1 : 0);
                int end = start + size;
                int dense = System.Math.Max(0, System.Math.Min(end, denseTotal) - start);
                int sliding = (int)((end * slidingTotal / total) - (start * slidingTotal / total));
                stages[p] = new PipelineStage(p, size, dense, sliding, p == 0, p == pipelineParallel - 1);
                start = end;
            }

            return stages;
        }
    }
}
