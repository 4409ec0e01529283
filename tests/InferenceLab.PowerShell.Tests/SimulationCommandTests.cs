using System;
using System.IO;
using System.Linq;
using System.Threading;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Simulation;
using InferenceLab.PowerShell.Simulation;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Invoke-InferenceSimulation: the Core requests it plans from its parameters, its contract, and what Core returns.</summary>
    public sealed class SimulationCommandTests
    {
        private static readonly Type Cmdlet = typeof(InvokeInferenceSimulationCommand);

        private static InvokeInferenceSimulationCommand Rate(params double[] rates) =>
            new InvokeInferenceSimulationCommand { Model = Known.Llama2_7B, Hardware = Known.A100, RequestRate = rates, InputLength = new[] { 512 }, OutputLength = new[] { 64 } };

        [Fact]
        public void A_rate_sweep_plans_one_Poisson_run_per_combination_TP_slowest()
        {
            var cmd = Rate(2, 8);
            cmd.TensorParallel = new[] { 1, 2 };
            cmd.InputLength = new[] { 256, 1024 };
            cmd.RequestCount = 300;
            cmd.Seed = 9;

            var requests = cmd.Plan().Select(p => p.Request!).ToArray();

            Assert.Equal(8, cmd.RunCount());
            Assert.Equal(
                new[] { (1, 2.0, "256"), (1, 2.0, "1024"), (1, 8.0, "256"), (1, 8.0, "1024"), (2, 2.0, "256"), (2, 2.0, "1024"), (2, 8.0, "256"), (2, 8.0, "1024") },
                requests.Select(r => (r.Deployment.TensorParallel, r.Workload.RequestRatePerSecond, r.Workload.InputLengths!.ToString())));
            Assert.All(requests, r =>
            {
                Assert.Equal(ArrivalPattern.Poisson, r.Workload.Arrival);
                Assert.Equal(300, r.Workload.RequestCount);
                Assert.Equal(9, r.Workload.Seed);
                Assert.Equal("64", r.Workload.OutputLengths!.ToString());
                Assert.False(r.IncludeRequests);
                Assert.Same(EngineProfiles.Generic.Efficiency, r.Deployment.Efficiency);
            });
        }

        [Fact]
        public void Scheduler_parameters_reach_Core_and_MaxBatchedTokens_0_is_the_default_budget()
        {
            var cmd = Rate(1);
            var defaults = cmd.Plan().Single().Request!;
            Assert.Equal((256, 8192, 16, SchedulingPolicy.FirstComeFirstServed), (defaults.Scheduler.MaxNumSeqs, defaults.Scheduler.MaxBatchedTokens, defaults.Scheduler.BlockSize, defaults.Scheduler.Policy));
            Assert.Equal(8192, defaults.Deployment.MaxBatchedTokens);

            cmd.MaxNumSeqs = 32;
            cmd.MaxBatchedTokens = 1024;
            cmd.BlockSize = 32;
            cmd.SchedulingPolicy = SchedulingPolicy.ShortestPromptFirst;
            cmd.PerRequestRequested = true;
            cmd.RooflineRequested = true;
            var request = cmd.Plan().Single().Request!;
            Assert.Equal((32, 1024, 32, SchedulingPolicy.ShortestPromptFirst), (request.Scheduler.MaxNumSeqs, request.Scheduler.MaxBatchedTokens, request.Scheduler.BlockSize, request.Scheduler.Policy));
            Assert.Equal(1024, request.Deployment.MaxBatchedTokens);
            Assert.True(request.IncludeRequests);
            Assert.Same(EfficiencyProfile.Roofline, request.Deployment.Efficiency);
        }

        [Fact]
        public void Engine_factors_time_the_iterations_as_they_time_Measure_InferenceLatency()
        {
            var cmd = Rate(1);
            cmd.Engine = "tensorrt-llm";
            Assert.Same(EngineProfiles.TensorRtLlm.Efficiency, cmd.Plan().Single().Request!.Deployment.Efficiency);

            cmd.MemoryEfficiency = 0.5;
            var custom = cmd.Plan().Single().Request!.Deployment.Efficiency;
            Assert.Equal(0.5, custom.MemoryEfficiency);
            Assert.Equal(EngineProfiles.TensorRtLlm.Efficiency.ComputeEfficiency, custom.ComputeEfficiency);

            cmd.RooflineRequested = true;
            Assert.Same(EfficiencyProfile.Roofline, cmd.Plan().Single().Request!.Deployment.Efficiency);

            var unknown = Rate(1);
            unknown.Engine = "tgi";
            var error = Assert.Single(unknown.Plan()).Error!;
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Fact]
        public void The_request_carries_the_engine_which_sizes_the_KV_cache_even_with_Roofline()
        {
            // Without -Engine the request names none (the generic sizing); with -Engine vllm it carries vLLM's profile, also
            // under -Roofline, which replaces only the timing factors.
            var cmd = Rate(1);
            Assert.Null(cmd.Plan().Single().Request!.Engine);

            cmd.Engine = "vLLM";
            Assert.Same(EngineProfiles.Vllm, cmd.Plan().Single().Request!.Engine);
            cmd.RooflineRequested = true;
            var roofline = cmd.Plan().Single().Request!;
            Assert.Same(EngineProfiles.Vllm, roofline.Engine);
            Assert.Same(EfficiencyProfile.Roofline, roofline.Deployment.Efficiency);

            // An unknown engine fails even with -Roofline, since it would size the cache.
            var unknown = Rate(1);
            unknown.Engine = "tgi";
            unknown.RooflineRequested = true;
            Assert.Equal(ErrorKind.ObjectNotFound, Assert.Single(unknown.Plan()).Error!.Kind);

            // The summary's capacity is vLLM's start-up pool (Core's EngineMemoryBudgets at the same settings: utilization
            // 0.90, 8192 batched tokens, 256 sequences, block 16), in whole 16-token blocks.
            var request = cmd.Plan().Single().Request!;
            var budget = Core.Memory.EngineMemoryBudgets.Compute(request.Deployment, EngineProfiles.Vllm, new Core.Memory.EngineMemorySettings(0.90, 8192, 256, blockSize: 16), 1);
            var summary = (SimulationSummary)InvokeInferenceSimulationCommand.Compute(request, null, CancellationToken.None).Single();
            Assert.Equal(budget.KvCacheTokens / 16 * 16, summary.KvCacheCapacityTokens);
        }

        [Fact]
        public void Clients_and_length_distributions_plan_closed_loop_runs()
        {
            var cmd = new InvokeInferenceSimulationCommand
            {
                Model = Known.Llama2_7B,
                Hardware = Known.A100,
                Clients = new[] { 4, 16 },
                InputLengthDistribution = "lognormal:1000:0.5:3000",
                OutputLengthDistribution = "uniform:10:100",
            };

            var requests = cmd.Plan().Select(p => p.Request!).ToArray();

            Assert.Equal(new[] { 4, 16 }, requests.Select(r => r.Workload.Clients));
            Assert.All(requests, r => Assert.Equal(ArrivalPattern.ClosedLoop, r.Workload.Arrival));
            Assert.All(requests, r => Assert.Equal("lognormal:1000:0.5:3000", r.Workload.InputLengths!.ToString()));
            Assert.All(requests, r => Assert.Equal(LengthDistributionKind.Uniform, r.Workload.OutputLengths!.Kind));
        }

        [Fact]
        public void A_trace_plans_one_run_per_TP_with_its_entries()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "arrival,prompt,output\n0.5,300,20\n0,200,10\n");
                var cmd = new InvokeInferenceSimulationCommand { Model = Known.Llama2_7B, Hardware = Known.A100, TracePath = path, TensorParallel = new[] { 1, 2 } };

                var requests = cmd.Plan().Select(p => p.Request!).ToArray();

                Assert.Equal(2, cmd.RunCount());
                Assert.Equal(new[] { 1, 2 }, requests.Select(r => r.Deployment.TensorParallel));
                Assert.All(requests, r => Assert.Equal(path, r.Workload.TracePath));
                Assert.Equal(new long[] { 3, 2 }, requests[0].Workload.Trace.Select(e => e.Line));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_malformed_trace_is_one_InvalidData_error_naming_file_and_line()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "0,300,20\n1,,5\n");
                var cmd = new InvokeInferenceSimulationCommand { Model = Known.Llama2_7B, Hardware = Known.A100, TracePath = path, TensorParallel = new[] { 1, 2 } };

                var error = Assert.Single(cmd.Plan()).Error!;

                Assert.Equal("TraceMalformed", error.ErrorId);
                Assert.Equal(ErrorKind.InvalidData, error.Kind);
                Assert.StartsWith(path + ":2", error.Message);
                Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, ErrorRecords.Category(error.Kind));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData(0, 16, 256, "BlockSizeOutOfRange", "BlockSize")]
        [InlineData(16, 0, 256, "MaxNumSeqsOutOfRange", "MaxNumSeqs")]
        [InlineData(16, 512, 256, "MaxBatchedTokensBelowMaxNumSeqs", "MaxBatchedTokens")]
        public void Bad_scheduler_values_are_one_InvalidArgument_error(int blockSize, int maxNumSeqs, int maxBatchedTokens, string id, string field)
        {
            var cmd = Rate(1, 2);
            cmd.BlockSize = blockSize;
            cmd.MaxNumSeqs = maxNumSeqs;
            cmd.MaxBatchedTokens = maxBatchedTokens;

            var error = Assert.Single(cmd.Plan()).Error!;

            Assert.Equal((id, field, ErrorKind.InvalidArgument), (error.ErrorId, error.Field, error.Kind));
        }

        [Fact]
        public void A_bad_rate_fails_its_own_point_and_the_others_run()
        {
            var points = Rate(0, 4).Plan().ToArray();

            Assert.Equal("RequestRateOutOfRange", points[0].Error!.ErrorId);
            Assert.Contains("RequestRate=0", points[0].Target);
            Assert.Equal(4.0, points[1].Request!.Workload.RequestRatePerSecond);
        }

        [Fact]
        public void Lengths_must_be_given_once_each()
        {
            var both = Rate(1);
            both.InputLengthDistribution = "uniform:1:9";
            Assert.Equal("LengthGivenTwice", Assert.Single(both.Plan()).Error!.ErrorId);

            var neither = Rate(1);
            neither.OutputLength = null;
            var error = Assert.Single(neither.Plan()).Error!;
            Assert.Equal(("LengthMissing", "OutputLength"), (error.ErrorId, error.Field));
        }

        [Fact]
        public void Zero_clients_and_a_missing_GPU_are_errors()
        {
            var zero = new InvokeInferenceSimulationCommand { Model = Known.Llama2_7B, Hardware = Known.A100, Clients = new[] { 0 }, InputLength = new[] { 10 }, OutputLength = new[] { 10 } };
            Assert.Equal("ClientsOutOfRange", Assert.Single(zero.Plan()).Error!.ErrorId);

            var noGpu = new InvokeInferenceSimulationCommand { Model = Known.Llama2_7B, RequestRate = new[] { 1.0, 2.0 }, InputLength = new[] { 10 }, OutputLength = new[] { 10 } };
            Assert.Equal("HardwareMissing", Assert.Single(noGpu.Plan()).Error!.ErrorId);
        }

        [Fact]
        public void Compute_returns_the_summary_or_one_object_per_request()
        {
            var cmd = Rate(2);
            cmd.RequestCount = 25;
            var summary = InvokeInferenceSimulationCommand.Compute(cmd.Plan().Single().Request!, null, CancellationToken.None).Single();
            Assert.Equal(25, Assert.IsType<SimulationSummary>(summary).RequestCount);

            cmd.PerRequestRequested = true;
            var requests = InvokeInferenceSimulationCommand.Compute(cmd.Plan().Single().Request!, null, CancellationToken.None).ToArray();
            Assert.Equal(25, requests.Length);
            Assert.All(requests, r => Assert.IsType<SimulatedRequest>(r));

            // The cmdlet is thin: the same request through Core gives the same summary.
            cmd.PerRequestRequested = false;
            var direct = Simulator.Run(cmd.Plan().Single().Request!).Summary;
            Assert.Equal(direct.TimeToFirstTokenP99Seconds, ((SimulationSummary)summary).TimeToFirstTokenP99Seconds);
        }

        [Fact]
        public void The_cmdlet_has_three_parameter_sets_and_outputs_both_result_types()
        {
            Assert.Equal("Invoke-InferenceSimulation", CmdletMetadata.CmdletName(Cmdlet));
            Assert.Equal(new[] { typeof(SimulationSummary), typeof(SimulatedRequest) }, CmdletMetadata.OutputTypes(Cmdlet));

            var rate = CmdletMetadata.Parameter(Cmdlet, "RequestRate");
            Assert.Equal(typeof(double[]), rate.Type);
            Assert.Equal(new[] { "Rate" }, rate.Sets.Select(s => s.ParameterSetName));
            Assert.True(rate.Mandatory);
            Assert.Equal(typeof(int[]), CmdletMetadata.Parameter(Cmdlet, "Clients").Type);
            Assert.Equal(new[] { "Clients" }, CmdletMetadata.Parameter(Cmdlet, "Clients").Sets.Select(s => s.ParameterSetName));
            Assert.Equal(new[] { "Trace" }, CmdletMetadata.Parameter(Cmdlet, "TracePath").Sets.Select(s => s.ParameterSetName));
            Assert.Equal(new[] { "Rate", "Clients" }, CmdletMetadata.Parameter(Cmdlet, "InputLengthDistribution").Sets.Select(s => s.ParameterSetName));
            Assert.Contains("InputLengths", CmdletMetadata.Parameter(Cmdlet, "InputLengthDistribution").Aliases);
            Assert.Equal(typeof(System.Management.Automation.SwitchParameter), CmdletMetadata.Parameter(Cmdlet, "PerRequest").Type);

            var cmdletAttribute = Cmdlet.GetCustomAttributesData().Single(a => a.AttributeType == typeof(System.Management.Automation.CmdletAttribute));
            Assert.Equal("Rate", cmdletAttribute.NamedArguments.Single(n => n.MemberName == "DefaultParameterSetName").TypedValue.Value);
        }
    }
}
