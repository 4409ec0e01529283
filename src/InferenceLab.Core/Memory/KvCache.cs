using System;
using System.Globalization;
using InferenceLab.Core.Models;

namespace InferenceLab.Core.Memory
{
    /// <summary>KV-cache sizes and capacities (DESIGN §5).</summary>
    public static class KvCache
    {
        /// <summary>
        /// KV bytes one token takes on one GPU across all layers: Σ 2·n_kv·d·kv_bytes (MLA: (kv_lora_rank + rope dim)·kv_bytes,
        /// replicated across TP). KV heads split under TP, or stay one per GPU when n_kv &lt; TP.
        /// </summary>
        public static double BytesPerToken(ModelSpec model, DataType kvCacheType, int tensorParallel = 1)
        {
            Deployment.ValidateParallelism(model, tensorParallel, 1);
            return model.LayerCount * Cost.StepCostModel.KvCacheBytesPerTokenPerLayer(model, kvCacheType, tensorParallel);
        }

        /// <summary>Whole tokens of KV cache a budget holds: ⌊budget ÷ bytes per token⌋.</summary>
        /// <exception cref="InvalidInputException">A negative budget or a non-positive size per token.</exception>
        public static long CapacityTokens(double budgetBytes, double bytesPerToken)
        {
            if (!(bytesPerToken > 0) || double.IsInfinity(bytesPerToken))
            {
                throw new InvalidInputException("KvBytesPerTokenNotPositive", "KvCacheBytesPerToken", "KV bytes per token must be a positive finite number; got " + bytesPerToken.ToString(CultureInfo.InvariantCulture) + ".");
            }

            if (!(budgetBytes >= 0) || double.IsInfinity(budgetBytes))
            {
                return 0;
            }

            return (long)Math.Floor(budgetBytes / bytesPerToken);
        }

        /// <summary>Sequences of <paramref name="tokensPerSequence"/> tokens that <paramref name="capacityTokens"/> hold: ⌊capacity ÷ tokens⌋.</summary>
        /// <exception cref="InvalidInputException">A non-positive sequence length.</exception>
        public static long Sequences(long capacityTokens, int tokensPerSequence)
        {
            if (tokensPerSequence < 1)
            {
                throw new InvalidInputException("ContextLengthNotPositive", "ContextLength", "ContextLength must be at least 1 token; got " + tokensPerSequence.ToString(CultureInfo.InvariantCulture) + ".");
            }

            return Math.Max(0, capacityTokens) / tokensPerSequence;
        }
    }
}
