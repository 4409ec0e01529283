using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// The requests a simulation serves: Poisson arrivals at a rate, a closed loop of clients, or a trace; with prompt
    /// and output lengths drawn from distributions under a seed, so the same seed gives the same requests.
    /// </summary>
    public sealed class Workload
    {
        /// <summary>Largest accepted number of requests.</summary>
        public const int MaxRequestCount = 10_000_000;

        /// <summary>Largest accepted arrival rate, requests per second.</summary>
        public const double MaxRequestRatePerSecond = 1e9;

        /// <summary>
        /// Smallest accepted arrival rate, requests per second: one in about 12 days. Gaps between arrivals are 1/rate, so a
        /// rate near zero (5e-324) makes them infinite and every latency NaN.
        /// </summary>
        public const double MinRequestRatePerSecond = 1e-6;

        // Independent random streams of one seed: arrival gaps, prompt lengths, output lengths.
        private const int ArrivalStream = 1;
        private const int InputStream = 2;
        private const int OutputStream = 3;

        private readonly IReadOnlyList<TraceEntry> trace;

        private Workload(ArrivalPattern arrival, double rate, int clients, int requestCount, LengthDistribution? inputLengths, LengthDistribution? outputLengths, int seed, IReadOnlyList<TraceEntry> trace, string tracePath)
        {
            Arrival = arrival;
            RequestRatePerSecond = rate;
            Clients = clients;
            RequestCount = requestCount;
            InputLengths = inputLengths;
            OutputLengths = outputLengths;
            Seed = seed;
            this.trace = trace;
            TracePath = tracePath;
        }

        /// <summary>How requests arrive.</summary>
        public ArrivalPattern Arrival { get; }

        /// <summary>Mean arrivals per second of a Poisson workload; 0 otherwise.</summary>
        public double RequestRatePerSecond { get; }

        /// <summary>Concurrent clients of a closed loop; 0 otherwise.</summary>
        public int Clients { get; }

        /// <summary>Requests in the run.</summary>
        public int RequestCount { get; }

        /// <summary>Prompt lengths; null for a trace, whose entries carry them.</summary>
        public LengthDistribution? InputLengths { get; }

        /// <summary>Output lengths; null for a trace.</summary>
        public LengthDistribution? OutputLengths { get; }

        /// <summary>The seed of the random arrival gaps and lengths (unused by a trace).</summary>
        public int Seed { get; }

        /// <summary>The trace file the entries come from (or a name for entries built in code); empty for generated workloads.</summary>
        public string TracePath { get; }

        /// <summary>The trace entries; empty for generated workloads.</summary>
        public IReadOnlyList<TraceEntry> Trace => trace;

        /// <summary>Open-loop arrivals: exponential gaps of mean 1 ÷ <paramref name="requestRatePerSecond"/>, the first after one gap.</summary>
        /// <exception cref="InvalidInputException">A rate not above 0, a request count out of range, or a missing distribution.</exception>
        public static Workload Poisson(double requestRatePerSecond, int requestCount, LengthDistribution inputLengths, LengthDistribution outputLengths, int seed = 0)
        {
            Deployment.Require(requestRatePerSecond > 0 && requestRatePerSecond <= MaxRequestRatePerSecond, "RequestRateOutOfRange", "RequestRate", "RequestRate must be above 0 and at most {1} requests per second; got {0}.", requestRatePerSecond, MaxRequestRatePerSecond);
            Deployment.Require(requestRatePerSecond >= MinRequestRatePerSecond, "RequestRateTooSmall", "RequestRate", "RequestRate must be at least {1:R} requests per second; got {0:R}, whose arrivals would be too far apart to time.", requestRatePerSecond, MinRequestRatePerSecond);
            ValidateGenerated(requestCount, inputLengths, outputLengths);
            return new Workload(ArrivalPattern.Poisson, requestRatePerSecond, 0, requestCount, inputLengths, outputLengths, seed, Array.Empty<TraceEntry>(), string.Empty);
        }

        /// <summary>A closed loop: <paramref name="clients"/> requests at time 0, and a new one whenever one completes, until <paramref name="requestCount"/> have been sent.</summary>
        /// <exception cref="InvalidInputException">Fewer than 1 client, a request count out of range, or a missing distribution.</exception>
        public static Workload ClosedLoop(int clients, int requestCount, LengthDistribution inputLengths, LengthDistribution outputLengths, int seed = 0)
        {
            Deployment.Require(clients >= 1 && clients <= MaxRequestCount, "ClientsOutOfRange", "Clients", "Clients must be between 1 and {1}; got {0}.", clients, MaxRequestCount);
            ValidateGenerated(requestCount, inputLengths, outputLengths);
            return new Workload(ArrivalPattern.ClosedLoop, 0, clients, requestCount, inputLengths, outputLengths, seed, Array.Empty<TraceEntry>(), string.Empty);
        }

        /// <summary>The requests of a trace, served in arrival order (ties in trace order).</summary>
        /// <exception cref="InvalidInputException">No entries, or more than <see cref="MaxRequestCount"/>.</exception>
        public static Workload FromTrace(IReadOnlyList<TraceEntry> entries, string tracePath)
        {
            Deployment.Require(entries != null && entries.Count >= 1, "TraceEmpty", "TracePath", "A trace needs at least one request.");
            Deployment.Require(entries!.Count <= MaxRequestCount, "RequestCountOutOfRange", "TracePath", "A trace may hold at most {1} requests; got {0}.", entries.Count, MaxRequestCount);
            var sorted = entries.Select((entry, index) => (entry, index)).OrderBy(pair => pair.entry.ArrivalSeconds).ThenBy(pair => pair.index).Select(pair => pair.entry).ToArray();
            return new Workload(ArrivalPattern.Trace, 0, 0, sorted.Length, null, null, 0, sorted, tracePath ?? string.Empty);
        }

        /// <summary>Draws the lengths of every request and, for Poisson, the arrival times (closed-loop arrivals depend on completions).</summary>
        internal void Generate(double[] arrivals, int[] inputs, int[] outputs)
        {
            if (Arrival == ArrivalPattern.Trace)
            {
                for (int i = 0; i < RequestCount; i++)
                {
                    arrivals[i] = trace[i].ArrivalSeconds;
                    inputs[i] = trace[i].InputTokens;
                    outputs[i] = trace[i].OutputTokens;
                }

                return;
            }

            var inputRandom = new RandomStream(Seed, InputStream);
            var outputRandom = new RandomStream(Seed, OutputStream);
            for (int i = 0; i < RequestCount; i++)
            {
                inputs[i] = InputLengths!.Sample(inputRandom);
                outputs[i] = OutputLengths!.Sample(outputRandom);
            }

            if (Arrival == ArrivalPattern.Poisson)
            {
                // Unit exponential gaps scaled by the rate: the same seed at twice the rate gives the same pattern in half the time.
                var arrivalRandom = new RandomStream(Seed, ArrivalStream);
                double unitTime = 0;
                for (int i = 0; i < RequestCount; i++)
                {
                    unitTime += arrivalRandom.NextExponential();
                    arrivals[i] = unitTime / RequestRatePerSecond;
                }
            }
        }

        private static void ValidateGenerated(int requestCount, LengthDistribution inputLengths, LengthDistribution outputLengths)
        {
            Deployment.Require(requestCount >= 1 && requestCount <= MaxRequestCount, "RequestCountOutOfRange", "RequestCount", "RequestCount must be between 1 and {1}; got {0}.", requestCount, MaxRequestCount);
            Deployment.Require(inputLengths != null, "InputLengthMissing", "InputLength", "A generated workload needs an input length distribution.");
            Deployment.Require(outputLengths != null, "OutputLengthMissing", "OutputLength", "A generated workload needs an output length distribution.");
        }
    }
}
