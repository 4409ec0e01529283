using System;
using System.IO;
using InferenceLab.Core.Simulation;

namespace InferenceLab.Core.Tests.Simulation
{
    /// <summary>DESIGN §9 for the simulator: each bad input is an error with a stable id whose message names the field and says why.</summary>
    public sealed class SimulationBadInputTests
    {
        private static readonly Deployment Llama = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80);
        private static readonly LengthDistribution Prompt = LengthDistribution.Fixed(512);
        private static readonly LengthDistribution Output = LengthDistribution.Fixed(64);

        private static InvalidInputException Rejects(string errorId, string field, Action action)
        {
            var error = Assert.Throws<InvalidInputException>(action);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(field, error.Field);
            return error;
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-3.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void A_rate_that_is_not_positive_and_finite_is_rejected(double rate)
        {
            var error = Rejects("RequestRateOutOfRange", "RequestRate", () => Workload.Poisson(rate, 10, Prompt, Output));
            Assert.Contains("RequestRate must be above 0", error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void Zero_clients_are_rejected(int clients)
        {
            var error = Rejects("ClientsOutOfRange", "Clients", () => Workload.ClosedLoop(clients, 10, Prompt, Output));
            Assert.Contains("Clients must be between 1", error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-5)]
        [InlineData(Workload.MaxRequestCount + 1)]
        public void A_request_count_out_of_range_is_rejected(int count) =>
            Rejects("RequestCountOutOfRange", "RequestCount", () => Workload.Poisson(1, count, Prompt, Output));

        [Theory]
        [InlineData(0)]
        [InlineData(-16)]
        public void Block_size_zero_is_rejected(int blockSize)
        {
            var error = Rejects("BlockSizeOutOfRange", "BlockSize", () => new SchedulerSettings(blockSize: blockSize));
            Assert.Contains("BlockSize must be between 1", error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-2)]
        public void Max_num_seqs_zero_is_rejected(int maxNumSeqs)
        {
            var error = Rejects("MaxNumSeqsOutOfRange", "MaxNumSeqs", () => new SchedulerSettings(maxNumSeqs: maxNumSeqs));
            Assert.Contains("MaxNumSeqs must be between 1", error.Message);
        }

        [Fact]
        public void A_token_budget_below_the_sequence_limit_is_rejected()
        {
            var error = Rejects("MaxBatchedTokensBelowMaxNumSeqs", "MaxBatchedTokens", () => new SchedulerSettings(maxNumSeqs: 256, maxBatchedTokens: 128));
            Assert.Contains("below MaxNumSeqs 256", error.Message);
            Rejects("MaxBatchedTokensOutOfRange", "MaxBatchedTokens", () => new SchedulerSettings(maxNumSeqs: 1, maxBatchedTokens: -1));

            // 0 is the other cmdlets' "no limit"; a simulated server always has a budget, so 0 means the default.
            Assert.Equal(SchedulerSettings.DefaultMaxBatchedTokens, new SchedulerSettings(maxBatchedTokens: 0).MaxBatchedTokens);
        }

        [Fact]
        public void An_unknown_policy_name_is_rejected()
        {
            Assert.Equal(SchedulingPolicy.ShortestPromptFirst, SchedulerSettings.ParsePolicy(" SPF "));
            Assert.Equal(SchedulingPolicy.FirstComeFirstServed, SchedulerSettings.ParsePolicy("FirstComeFirstServed"));
            var error = Rejects("SchedulingPolicyUnknown", "SchedulingPolicy", () => SchedulerSettings.ParsePolicy("lifo"));
            Assert.Contains("'lifo'", error.Message);
        }

        [Fact]
        public void A_malformed_trace_file_names_the_file_and_line()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "arrival,prompt,output\n0,100,10\n0.5,100\n");
                var error = Assert.Throws<CatalogDataException>(() => TraceReader.Read(path));
                Assert.Equal(ErrorKind.InvalidData, error.Kind);
                Assert.Equal(3, error.Line);
                Assert.StartsWith(path + ":3", error.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_request_beyond_the_models_position_limit_is_rejected()
        {
            // Llama-3-8B accepts 8192 positions; 8000 + 500 = 8500.
            var workload = Workload.Poisson(1, 3, LengthDistribution.Fixed(8000), LengthDistribution.Fixed(500));
            var error = Rejects("ContextBeyondPositionLimit", "InputLength", () => Simulator.Run(new SimulationRequest(Llama, workload)));
            Assert.Contains("8000 + 500 = 8500 tokens, beyond llama-3-8b's position limit of 8192", error.Message);
        }

        [Fact]
        public void A_trace_request_beyond_the_position_limit_names_its_line()
        {
            var workload = Workload.FromTrace(new[] { new TraceEntry(0, 100, 10, 2), new TraceEntry(1, 9000, 10, 3) }, "big.csv");
            var error = Rejects("ContextBeyondPositionLimit", "TracePath", () => Simulator.Run(new SimulationRequest(Llama, workload)));
            Assert.Contains("TracePath big.csv, line 3", error.Message);
        }

        [Fact]
        public void A_request_larger_than_the_whole_KV_cache_is_rejected()
        {
            // MemoryUtilization 0.22: 18,897,856,102 B usable − 16,060,522,496 B of weights − 1 GiB reserve − 838,860,800 B
            // of activations for an 8192-token iteration = 924,730,982 B ÷ 131,072 B per token = 7,055 tokens → 440 blocks
            // (7,040 tokens). An 8000 + 100-token request needs 8,099 cached tokens when it finishes.
            var small = new Deployment(TestModels.Llama3_8B, TestModels.A100Sxm80, memoryUtilization: 0.22);
            var workload = Workload.Poisson(1, 3, LengthDistribution.Fixed(8000), LengthDistribution.Fixed(100));
            var error = Rejects("RequestExceedsKvCache", "InputLength", () => Simulator.Run(new SimulationRequest(small, workload)));
            Assert.Contains("needs 8099 KV tokens (507 blocks of 16) but the whole cache holds 7040 tokens", error.Message);
            Assert.Contains("could never finish", error.Message);
        }

        [Fact]
        public void Weights_that_leave_no_room_for_one_block_are_rejected()
        {
            // Llama-2-70B in fp16 (about 138 GB) on one 80 GiB A100.
            var huge = new Deployment(TestModels.Llama2_70B, TestModels.A100Sxm80);
            var workload = Workload.Poisson(1, 3, Prompt, Output);
            var error = Rejects("KvCacheDoesNotFit", "MemoryUtilization", () => Simulator.Run(new SimulationRequest(huge, workload)));
            Assert.Contains("No KV-cache block of 16 tokens fits on a100-sxm-80gb", error.Message);
        }

        [Fact]
        public void A_deployment_without_a_GPU_is_rejected()
        {
            var noGpu = new Deployment(TestModels.Llama3_8B);
            var error = Rejects("HardwareMissing", "Hardware", () => new SimulationRequest(noGpu, Workload.Poisson(1, 3, Prompt, Output)));
            Assert.Contains("A serving simulation needs a GPU", error.Message);
        }

        [Fact]
        public void A_trace_entry_with_bad_values_is_rejected_in_code_too()
        {
            Rejects("TraceArrivalOutOfRange", "ArrivalSeconds", () => new TraceEntry(-1, 10, 10));
            Rejects("InputLengthNotPositive", "InputLength", () => new TraceEntry(0, 0, 10));
            Rejects("OutputLengthNotPositive", "OutputLength", () => new TraceEntry(0, 10, 0));
            Rejects("TraceEmpty", "TracePath", () => Workload.FromTrace(Array.Empty<TraceEntry>(), "none.csv"));
        }
    }
}
