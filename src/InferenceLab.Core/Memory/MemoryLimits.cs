using System;
using System.Globalization;

namespace InferenceLab.Core.Memory
{
    /// <summary>
    /// The longest context and the largest batch that fit a GPU (DESIGN §5). Memory grows monotonically with the
    /// context and the batch, so each limit is a bisection: O(log n) probes of a closed-form memory model, never a scan.
    /// </summary>
    public static class MemoryLimits
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        /// <summary>
        /// The largest n such that <paramref name="batchSize"/> sequences of n tokens fit (KV of n tokens and the activation
        /// peak of prefilling n tokens) while n + 1 do not; capped by the model's position limit.
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, or a batch out of range.</exception>
        public static MaxContextResult MaxContextLength(Deployment deployment, int batchSize)
        {
            var hardware = deployment.RequireHardware("A maximum context length");
            Scenario.ValidateBatchSize(batchSize);
            var memory = new MemoryModel(deployment);
            double usable = memory.UsableBytes;
            MemoryBreakdown At(int tokens)
            {
                memory.PrefillStep(batchSize, tokens, out double stepTokens, out double logitRows);
                return memory.Breakdown(batchSize, tokens, stepTokens, logitRows);
            }

            bool Fits(int tokens) => At(tokens).TotalBytes <= usable;

            int positions = deployment.Model.MaxPositionEmbeddings;
            if (!Fits(1))
            {
                var one = At(1);
                bool weightsAlone = one.WeightBytes + one.ReserveBytes > usable;
                string message = weightsAlone
                    ? Format("Weights ({0:F2} GiB per GPU) and the runtime reserve ({1:F2} GiB) exceed the usable {2:F2} GiB of {3} at MemoryUtilization {4}; no context fits. Use more GPUs (TensorParallel), a smaller weight type or a larger GPU.", one.WeightBytes / GiB, one.ReserveBytes / GiB, usable / GiB, hardware.Name, deployment.MemoryUtilization)
                    : Format("Weights and reserve fit ({0:F2} GiB of {1:F2} GiB usable), but not even one token per sequence at batch {2} (activations {3:F2} GiB).", (one.WeightBytes + one.ReserveBytes) / GiB, usable / GiB, batchSize, one.ActivationBytes / GiB);
                return new MaxContextResult(deployment, batchSize, 0, weightsAlone ? LimitReason.WeightsDoNotFit : LimitReason.Memory, message, one, usable);
            }

            if (Fits(positions))
            {
                var atCap = At(positions);
                string capped = Format("The model's position limit of {0} tokens binds first; memory would allow more ({1:F2} GiB of {2:F2} GiB used at the limit).", positions, atCap.TotalBytes / GiB, usable / GiB);
                return new MaxContextResult(deployment, batchSize, positions, LimitReason.ModelMaxPositions, capped, atCap, usable);
            }

            int best = LargestFitting(1, positions, Fits);
            var atLimit = At(best);
            string limited = Format("{0} tokens per sequence at batch {1} fill {2:F2} of {3:F2} usable GiB on {4}; one more token does not fit.", best, batchSize, atLimit.TotalBytes / GiB, usable / GiB, hardware.Name);
            return new MaxContextResult(deployment, batchSize, best, LimitReason.Memory, limited, atLimit, usable);
        }

        /// <summary>
        /// The largest batch of sequences holding <paramref name="contextLength"/> tokens each that fits, with the KV-cache
        /// capacity in tokens the memory left after weights, activations (a prefill of <paramref name="inputLength"/> tokens,
        /// the whole context when null) and reserve holds.
        /// </summary>
        /// <exception cref="InvalidInputException">No GPU, a context out of range, or an input longer than the context.</exception>
        public static MaxBatchResult MaxBatchSize(Deployment deployment, int contextLength, int? inputLength = null)
        {
            var hardware = deployment.RequireHardware("A maximum batch size");
            MemoryEstimator.ValidateContext(deployment, contextLength);
            int prompt = inputLength ?? contextLength;
            Deployment.Require(prompt >= 1 && prompt <= contextLength, "InputLengthOutOfRange", "InputLength", "InputLength must be between 1 and ContextLength {1}; got {0}.", prompt, contextLength);

            var memory = new MemoryModel(deployment);
            double usable = memory.UsableBytes;
            MemoryBreakdown At(int batch)
            {
                memory.PrefillStep(batch, prompt, out double stepTokens, out double logitRows);
                return memory.Breakdown(batch, contextLength, stepTokens, logitRows);
            }

            bool Fits(int batch) => At(batch).TotalBytes <= usable;

            int best;
            LimitReason reason;
            string message;
            if (!Fits(1))
            {
                var one = At(1);
                bool weightsAlone = one.WeightBytes + one.ReserveBytes > usable;
                best = 0;
                reason = weightsAlone ? LimitReason.WeightsDoNotFit : LimitReason.Memory;
                message = weightsAlone
                    ? Format("Weights ({0:F2} GiB per GPU) and the runtime reserve ({1:F2} GiB) exceed the usable {2:F2} GiB of {3}; no sequence fits.", one.WeightBytes / GiB, one.ReserveBytes / GiB, usable / GiB, hardware.Name)
                    : Format("Not even one sequence of {0} tokens fits: it needs {1:F2} GiB of {2:F2} GiB usable.", contextLength, one.TotalBytes / GiB, usable / GiB);
            }
            else if (Fits(Scenario.MaxBatchSize))
            {
                best = Scenario.MaxBatchSize;
                reason = LimitReason.BatchSizeCap;
                message = Format("{0} sequences fit, the largest batch InferenceLab accepts.", best);
            }
            else
            {
                best = LargestFitting(1, Scenario.MaxBatchSize, Fits);
                reason = LimitReason.Memory;
                message = Format("{0} sequences of {1} tokens fit on {2}; one more does not.", best, contextLength, hardware.Name);
            }

            var atLimit = At(Math.Max(1, best));
            long capacity = CapacityTokens(memory, Math.Max(1, best), prompt, usable);
            double perSequence = atLimit.KvCacheBytes / Math.Max(1, best);
            return new MaxBatchResult(deployment, contextLength, prompt, best, capacity, reason, message, best == 0 ? At(1) : atLimit, usable, perSequence);
        }

        /// <summary>KV tokens the tightest stage's leftover memory holds at a batch: ⌊(usable − weights − reserve − activations) ÷ KV bytes per token⌋.</summary>
        private static long CapacityTokens(MemoryModel memory, int batch, int prompt, double usable)
        {
            memory.PrefillStep(batch, prompt, out double stepTokens, out double logitRows);
            long capacity = long.MaxValue;
            for (int stage = 0; stage < memory.StageCount; stage++)
            {
                double budget = usable - memory.WeightBytes(stage) - memory.ReserveBytes - memory.ActivationBytes(stage, stepTokens, logitRows);
                capacity = Math.Min(capacity, KvCache.CapacityTokens(budget, memory.KvCacheBytesPerToken(stage)));
            }

            return capacity;
        }

        /// <summary>The largest value in [low, high] satisfying a monotone predicate that holds at low and fails at high.</summary>
        internal static int LargestFitting(int low, int high, Func<int, bool> fits)
        {
            while (high - low > 1)
            {
                int middle = low + ((high - low) / 2);
                if (fits(middle))
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
