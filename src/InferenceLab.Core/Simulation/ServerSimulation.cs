using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// A discrete-event simulation of a vLLM-style server (vLLM V1's scheduler with recompute preemption). Time advances
    /// one iteration at a time; each iteration's duration is the Core's step time of its mixed batch (StepTimer), so
    /// nothing here prices work. Per iteration the work is O(sequences in the batch) and allocates nothing.
    /// </summary>
    /// <remarks>
    /// One iteration, at time t when the GPU is free:
    /// 1. Requests that arrived by t join the waiting queue (FCFS by arrival, or shortest prompt first).
    /// 2. Running requests, in admission order, each get the tokens they still need — 1 for a decode, the rest of the
    ///    prompt (capped by the token budget) for the one request whose prefill is partly done, which is always the
    ///    last admitted — so decode tokens come first and the prefill chunk after them. A request that needs a new KV
    ///    block when none is free preempts the most recently admitted running request (its blocks are freed, its
    ///    computed tokens dropped) and, when that is itself, waits.
    /// 3. When nothing was preempted, waiting requests are admitted while fewer than MaxNumSeqs run, budget is left and
    ///    the blocks of their first chunk are free; preempted requests come back first, most recently preempted first.
    ///    A readmitted request prefills its prompt and the tokens it had generated.
    /// 4. The iteration's duration is the step time of those groups: each prefill chunk with its cached prefix, and the
    ///    decodes with their contexts; weights are read once. A chunk that completes a request's known tokens samples
    ///    its next token at the end of the iteration.
    /// </remarks>
    internal sealed class ServerSimulation
    {
        private const int CancellationCheckIterations = 256;

        private readonly SimulationRequest request;
        private readonly StepTimer timer;
        private readonly KvBlockCapacity capacity;
        private readonly int maxNumSeqs;
        private readonly int tokenBudget;
        private readonly int blockSize;
        private readonly long window;
        private readonly int count;
        private readonly bool closedLoop;

        // Per request, indexed by id = position in arrival order.
        private readonly double[] arrival;
        private readonly int[] prompt;
        private readonly int[] output;
        private readonly long[] admissionPriority;
        private readonly int[] computed;
        private readonly int[] generated;
        private readonly int[] heldBlocks;
        private readonly int[] preemptions;
        private readonly double[] firstScheduled;
        private readonly double[] firstToken;
        private readonly double[] lastToken;
        private readonly double[] finish;

        private readonly int[] running;
        private int runningCount;
        private readonly int[] preempted;
        private int preemptedCount;
        private readonly WaitingQueue waiting;
        private int issuedCount;
        private int arrivedCount;
        private long freeBlocks;

        // The current iteration.
        private readonly int[] scheduledId;
        private readonly int[] scheduledTokens;
        private int scheduledCount;
        private readonly SequenceGroup[] groups;
        private int groupCount;
        private DecodePool decodes;
        private bool preemptedThisIteration;

        // Statistics.
        private readonly WeightedSamples interTokenGaps = new WeightedSamples();
        private int completed;
        private long iterations;
        private double sequenceSeconds;
        private int peakRunning;
        private double blockSeconds;
        private long peakBlocks;
        private long preemptionCount;
        private long recomputedTokens;
        private long processedTokens;

        public ServerSimulation(SimulationRequest request)
        {
            this.request = request;
            var deployment = request.Deployment;
            var scheduler = request.Scheduler;
            timer = new StepTimer(deployment);
            capacity = KvBlockCapacity.For(deployment, scheduler, request.Engine);
            maxNumSeqs = scheduler.MaxNumSeqs;
            tokenBudget = scheduler.MaxBatchedTokens;
            blockSize = scheduler.BlockSize;
            var model = deployment.Model;
            window = model.SlidingWindowLayerCount > 0 ? model.SlidingWindowSize : 0;
            count = request.Workload.RequestCount;
            closedLoop = request.Workload.Arrival == ArrivalPattern.ClosedLoop;

            arrival = new double[count];
            prompt = new int[count];
            output = new int[count];
            request.Workload.Generate(arrival, prompt, output);
            ValidateRequests();

            admissionPriority = new long[count];
            if (scheduler.Policy == SchedulingPolicy.ShortestPromptFirst)
            {
                for (int i = 0; i < count; i++)
                {
                    admissionPriority[i] = prompt[i];
                }
            }

            computed = new int[count];
            generated = new int[count];
            heldBlocks = new int[count];
            preemptions = new int[count];
            firstScheduled = new double[count];
            firstToken = new double[count];
            lastToken = new double[count];
            finish = new double[count];
            for (int i = 0; i < count; i++)
            {
                firstScheduled[i] = -1;
            }

            running = new int[maxNumSeqs];
            preempted = new int[count];
            waiting = new WaitingQueue(count, admissionPriority);
            issuedCount = closedLoop ? Math.Min(request.Workload.Clients, count) : count;
            freeBlocks = capacity.Blocks;

            scheduledId = new int[maxNumSeqs];
            scheduledTokens = new int[maxNumSeqs];

            // At most one group per prefill chunk (one per running sequence) plus four decode groups.
            groups = new SequenceGroup[maxNumSeqs + 4];
        }

        public SimulationResult Run(IProgress<SimulationProgress>? progress, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int reportEvery = Math.Max(1, count / 100);
            int nextReport = reportEvery;
            double now = 0;
            while (completed < count)
            {
                while (arrivedCount < issuedCount && arrival[arrivedCount] <= now)
                {
                    waiting.Push(arrivedCount++);
                }

                if (runningCount == 0 && preemptedCount == 0 && waiting.Count == 0)
                {
                    now = arrival[arrivedCount];
                    continue;
                }

                Schedule(now);
                if (scheduledCount == 0)
                {
                    if (preemptedThisIteration)
                    {
                        // Every running request was preempted; admit from the preempted stack at the same instant.
                        continue;
                    }

                    throw new InvalidOperationException("The simulated scheduler formed an empty iteration with requests waiting; this is a bug.");
                }

                double start = now;
                now = start + timer.Seconds(groups, groupCount);
                Advance(start, now);

                if (progress != null && (completed >= nextReport || completed == count))
                {
                    progress.Report(new SimulationProgress(completed, count, now));
                    nextReport = completed + reportEvery;
                }

                if (iterations % CancellationCheckIterations == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return BuildResult();
        }

        private void ValidateRequests()
        {
            var model = request.Deployment.Model;
            var trace = request.Workload.Trace;
            for (int i = 0; i < count; i++)
            {
                long total = (long)prompt[i] + output[i];
                // A trace's lengths come from its file, so the error names the file's parameter and line, not InputLength.
                string field = trace.Count > 0 ? "TracePath" : "InputLength";
                string which = trace.Count > 0
                    ? string.Format(CultureInfo.InvariantCulture, "TracePath {1}, line {0}: the request", trace[i].Line, request.Workload.TracePath)
                    : string.Format(CultureInfo.InvariantCulture, "Request {0} (InputLength {1}, OutputLength {2})", i, request.Workload.InputLengths, request.Workload.OutputLengths);
                if (total > model.MaxPositionEmbeddings)
                {
                    throw new InvalidInputException("ContextBeyondPositionLimit", field, string.Format(CultureInfo.InvariantCulture,
                        "{0} has {1} + {2} = {3} tokens, beyond {4}'s position limit of {5} tokens.", which, prompt[i], output[i], total, model.Name, model.MaxPositionEmbeddings));
                }

                // The cache holds every token but the last sampled one when the request finishes.
                long blocks = BlocksFor(total - 1);
                if (blocks > capacity.Blocks)
                {
                    throw new InvalidInputException("RequestExceedsKvCache", field, string.Format(CultureInfo.InvariantCulture,
                        "{0} needs {1} KV tokens ({2} blocks of {3}) but the whole cache holds {4} tokens on {5} at MemoryUtilization {6}; it could never finish.",
                        which, total - 1, blocks, blockSize, capacity.CapacityTokens, request.Deployment.Hardware!.Name, request.Deployment.MemoryUtilization));
                }
            }
        }

        private long BlocksFor(long tokens) => (tokens + blockSize - 1) / blockSize;

        /// <summary>Blocks request <paramref name="id"/> must add to hold <paramref name="tokens"/> more; a decode mostly fits in its last block.</summary>
        private long NewBlocks(int id, int tokens)
        {
            long room = ((long)heldBlocks[id] * blockSize) - computed[id];
            return tokens <= room ? 0 : BlocksFor(tokens - room);
        }

        private void Schedule(double now)
        {
            scheduledCount = 0;
            groupCount = 0;
            decodes = new DecodePool(window);
            preemptedThisIteration = false;
            int budget = tokenBudget;

            // Running requests in admission order: decodes, then the partly prefilled request at the tail.
            for (int i = 0; i < runningCount && budget > 0; i++)
            {
                int id = running[i];
                int tokens = Math.Min(prompt[id] + generated[id] - computed[id], budget);
                long needed = NewBlocks(id, tokens);
                bool selfPreempted = false;
                while (needed > freeBlocks)
                {
                    int victim = running[--runningCount];
                    Preempt(victim);
                    if (victim == id)
                    {
                        selfPreempted = true;
                        break;
                    }
                }

                if (selfPreempted)
                {
                    break;
                }

                Allocate(id, needed, tokens, now);
                budget -= tokens;
            }

            // New and preempted requests, unless this iteration had to preempt (as vLLM V1).
            while (!preemptedThisIteration && runningCount < maxNumSeqs && budget > 0)
            {
                bool fromPreempted = preemptedCount > 0;
                if (!fromPreempted && waiting.Count == 0)
                {
                    break;
                }

                int id = fromPreempted ? preempted[preemptedCount - 1] : waiting.Peek();
                int tokens = Math.Min(prompt[id] + generated[id], budget);
                long needed = BlocksFor(tokens);
                if (needed > freeBlocks)
                {
                    break;
                }

                if (fromPreempted)
                {
                    preemptedCount--;
                }
                else
                {
                    waiting.Pop();
                }

                running[runningCount++] = id;
                Allocate(id, needed, tokens, now);
                budget -= tokens;
            }

            decodes.AppendTo(groups, ref groupCount);
        }

        private void Allocate(int id, long blocks, int tokens, double now)
        {
            freeBlocks -= blocks;
            heldBlocks[id] += (int)blocks;
            if (firstScheduled[id] < 0)
            {
                firstScheduled[id] = now;
            }

            scheduledId[scheduledCount] = id;
            scheduledTokens[scheduledCount] = tokens;
            scheduledCount++;

            // Each prefill chunk is its own group; single sampled tokens (decodes) are pooled.
            int cached = computed[id];
            bool sampled = cached + tokens == prompt[id] + generated[id];
            if (tokens == 1 && sampled)
            {
                decodes.Add(cached);
            }
            else
            {
                groups[groupCount++] = new SequenceGroup(1, tokens, cached, sampled);
            }
        }

        private void Preempt(int id)
        {
            freeBlocks += heldBlocks[id];
            heldBlocks[id] = 0;
            recomputedTokens += computed[id];
            computed[id] = 0;
            preemptions[id]++;
            preemptionCount++;
            preempted[preemptedCount++] = id;
            preemptedThisIteration = true;
        }

        private void Advance(double start, double now)
        {
            double seconds = now - start;
            iterations++;
            long usedBlocks = capacity.Blocks - freeBlocks;
            blockSeconds += usedBlocks * seconds;
            peakBlocks = Math.Max(peakBlocks, usedBlocks);
            sequenceSeconds += scheduledCount * seconds;
            peakRunning = Math.Max(peakRunning, scheduledCount);

            long consecutive = 0;
            bool anyFinished = false;
            for (int k = 0; k < scheduledCount; k++)
            {
                int id = scheduledId[k];
                computed[id] += scheduledTokens[k];
                processedTokens += scheduledTokens[k];
                if (computed[id] != prompt[id] + generated[id])
                {
                    continue;
                }

                generated[id]++;
                if (generated[id] == 1)
                {
                    firstToken[id] = now;
                }
                else if (lastToken[id] == start)
                {
                    consecutive++;
                }
                else
                {
                    interTokenGaps.Add(now - lastToken[id], 1);
                }

                lastToken[id] = now;
                if (generated[id] == output[id])
                {
                    Finish(id, now);
                    anyFinished = true;
                }
            }

            if (consecutive > 0)
            {
                interTokenGaps.Add(now - start, consecutive);
            }

            if (anyFinished)
            {
                int kept = 0;
                for (int i = 0; i < runningCount; i++)
                {
                    int id = running[i];
                    if (generated[id] < output[id])
                    {
                        running[kept++] = id;
                    }
                }

                runningCount = kept;
            }
        }

        private void Finish(int id, double now)
        {
            finish[id] = now;
            freeBlocks += heldBlocks[id];
            heldBlocks[id] = 0;
            completed++;
            if (closedLoop && issuedCount < count)
            {
                // The client whose request finished sends its next one at once.
                arrival[issuedCount++] = now;
            }
        }

        private SimulationResult BuildResult()
        {
            var inputs = new SimulationInputs(request);
            var totals = new SimulationTotals
            {
                RequestCount = count,
                FirstArrivalSeconds = double.MaxValue,
                PeakRunningSequences = peakRunning,
                IterationCount = iterations,
                KvCacheCapacityTokens = capacity.CapacityTokens,
                KvCacheCapacityBytes = capacity.BytesOf(capacity.Blocks),
                KvCacheBlockSeconds = blockSeconds,
                KvCacheBytesPerBlock = capacity.BytesOf(1),
                KvCachePeakBytes = capacity.BytesOf(peakBlocks),
                SequenceSeconds = sequenceSeconds,
                PreemptionCount = preemptionCount,
                RecomputedTokens = recomputedTokens,
                ProcessedTokens = processedTokens,
            };

            var timeToFirstToken = new double[count];
            var endToEnd = new double[count];
            var perOutputToken = new double[count];
            int multiToken = 0;
            for (int i = 0; i < count; i++)
            {
                totals.InputTokens += prompt[i];
                totals.OutputTokens += output[i];
                totals.FirstArrivalSeconds = Math.Min(totals.FirstArrivalSeconds, arrival[i]);
                totals.LastFinishSeconds = Math.Max(totals.LastFinishSeconds, finish[i]);
                timeToFirstToken[i] = firstToken[i] - arrival[i];
                endToEnd[i] = finish[i] - arrival[i];
                totals.RequestSecondsInSystem += endToEnd[i];
                if (output[i] > 1)
                {
                    perOutputToken[multiToken++] = (finish[i] - firstToken[i]) / (output[i] - 1);
                }
            }

            totals.TimeToFirstToken = Statistics(timeToFirstToken, count);
            totals.EndToEnd = Statistics(endToEnd, count);
            totals.TimePerOutputToken = Statistics(perOutputToken, multiToken);
            interTokenGaps.Sort();
            totals.InterTokenLatency = new LatencyStatistics
            {
                Mean = interTokenGaps.Mean,
                P50 = interTokenGaps.Percentile(0.50),
                P90 = interTokenGaps.Percentile(0.90),
                P99 = interTokenGaps.Percentile(0.99),
            };

            var summary = new SimulationSummary(inputs, totals);
            IReadOnlyList<SimulatedRequest> requests = Array.Empty<SimulatedRequest>();
            if (request.IncludeRequests)
            {
                var trace = request.Workload.Trace;
                var list = new SimulatedRequest[count];
                for (int i = 0; i < count; i++)
                {
                    long line = trace.Count > 0 ? trace[i].Line : 0;
                    list[i] = new SimulatedRequest(inputs, i, line, arrival[i], prompt[i], output[i], firstScheduled[i], firstToken[i], finish[i], preemptions[i]);
                }

                requests = list;
            }

            return new SimulationResult(summary, requests);
        }

        private static LatencyStatistics Statistics(double[] values, int valueCount)
        {
            if (valueCount == 0)
            {
                return default;
            }

            double sum = 0;
            for (int i = 0; i < valueCount; i++)
            {
                sum += values[i];
            }

            Array.Sort(values, 0, valueCount);
            return new LatencyStatistics
            {
                Mean = sum / valueCount,
                P50 = Percentiles.OfSorted(values, valueCount, 0.50),
                P90 = Percentiles.OfSorted(values, valueCount, 0.90),
                P99 = Percentiles.OfSorted(values, valueCount, 0.99),
            };
        }
    }
}
