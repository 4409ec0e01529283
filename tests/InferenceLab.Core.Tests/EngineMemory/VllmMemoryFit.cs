using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Tests.Calibration;

namespace InferenceLab.Core.Tests.EngineMemory
{
    /// <summary>
    /// The fitting procedure behind vLLM's memory constants, on the 22 start-up logs of tests/data/kv-capacity-calibration.csv.
    /// Each constant is fitted to the deduction the logs print for it, not to the final token count:
    /// the non-torch memory at TP 1 is the mean of the TP-1 logs, the extra with TP above 1 the mean excess of the others;
    /// the sampler's buffers and the forward scale minimise the squared error of the printed activation peaks (Nelder–Mead).
    /// </summary>
    internal static class VllmMemoryFit
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        public static EngineMemoryModel Run(IReadOnlyList<KvCapacityRow> rows)
        {
            var committed = EngineProfiles.Vllm.Memory!;
            double single = rows.Where(r => r.TensorParallel == 1).Average(r => r.NonTorchBytes);
            double multi = rows.Where(r => r.TensorParallel > 1).Average(r => r.NonTorchBytes) - single;

            double Objective(double[] x)
            {
                var model = With(committed, Math.Exp(x[0]), Math.Exp(x[1]), single, multi);
                return rows.Sum(r => Math.Pow((Budget(r, model).ActivationPeakBytes - r.ActivationPeakBytes) / GiB, 2));
            }

            var best = NelderMead.Minimize(Objective, new[] { Math.Log(4), Math.Log(1.2) }, 0.3, 3000, 1e-14);
            return With(committed, Math.Exp(best[0]), Math.Exp(best[1]), single, multi);
        }

        /// <summary>The budget vLLM would print for a log's settings, with a given memory model.</summary>
        public static EngineMemoryBudget Budget(KvCapacityRow row, EngineMemoryModel memory)
        {
            var engine = new EngineProfile("vllm", Array.Empty<string>(), EngineProfiles.Vllm.Efficiency, 0, "fit", memory);
            var settings = new EngineMemorySettings(row.MemoryUtilization, maxSequences: row.MaxSequences, maxModelLength: row.MaxModelLength);
            return EngineMemoryBudgets.Compute(KvCapacitySetup.Deployment(row), engine, settings, row.MaxModelLength);
        }

        private static EngineMemoryModel With(EngineMemoryModel m, double samplerBuffers, double forwardScale, double nonTorch, double communication) =>
            new EngineMemoryModel(m.Rule, m.DefaultMemoryUtilization, m.DefaultBlockSize, m.DefaultMaxBatchedTokens, m.DefaultMaxSequences,
                samplerBuffers, forwardScale, nonTorch, communication, m.ContextBytes, m.CudaGraphBytes, m.DeductsCudaGraphs, m.Source);
    }
}
