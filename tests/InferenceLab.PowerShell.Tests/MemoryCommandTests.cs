using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Memory;
using InferenceLab.PowerShell.Memory;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Get-InferenceMemory, Get-MaxContextLength and Get-MaxBatchSize: the requests they plan and what Core returns for them.</summary>
    public sealed class MemoryCommandTests
    {
        [Fact]
        public void Get_InferenceMemory_plans_one_request_per_combination_with_tensor_parallel_slowest()
        {
            var cmd = new GetInferenceMemoryCommand
            {
                Model = Known.Llama2_7B,
                Hardware = Known.A10,
                TensorParallel = new[] { 1, 2 },
                BatchSize = new[] { 1, 8 },
                InputLength = new[] { 512, 2048 },
            };

            var points = cmd.Plan().ToArray();

            Assert.All(points, p => Assert.Null(p.Error));
            var shapes = points.Select(p => (p.Request!.Deployment.TensorParallel, p.Request.BatchSize, p.Request.InputLength, p.Request.OutputLength)).ToArray();
            Assert.Equal(
                new[] { (1, 1, 512, 0), (1, 1, 2048, 0), (1, 8, 512, 0), (1, 8, 2048, 0), (2, 1, 512, 0), (2, 1, 2048, 0), (2, 8, 512, 0), (2, 8, 2048, 0) },
                shapes);
            var deployment = points[0].Request!.Deployment;
            Assert.Same(Known.Llama2_7B, deployment.Model);
            Assert.Same(Known.A10, deployment.Hardware);
            Assert.Equal(0.90, deployment.MemoryUtilization);
            Assert.Equal(Known.GiB, deployment.RuntimeReserveBytes);
            Assert.Same(Known.Llama2_7B.WeightFormat, deployment.WeightFormat);
            Assert.Equal(DataType.Fp16, deployment.KvCacheType);
            Assert.Equal("Model=llama-2-7b Hardware=a10 TensorParallel=1 BatchSize=1 InputLength=512 OutputLength=0", points[0].Target);
        }

        [Fact]
        public void Get_InferenceMemory_of_Llama2_7B_holding_4096_tokens_on_an_A10_matches_the_hand_calculation()
        {
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, Hardware = Known.A10, InputLength = new[] { 4096 } };

            var estimate = (MemoryEstimate)GetInferenceMemoryCommand.Compute(cmd.Plan().Single().Request!).Single();

            // Weights: 6,738,415,616 parameters (DESIGN §8) × 2 B = 13,476,831,232 B.
            Assert.Equal(13_476_831_232d, estimate.WeightBytes);
            // KV: 4096 tokens × 524,288 B/token (32 layers × 2 × 32 KV heads × 128 × 2 B) = 2 GiB exactly.
            Assert.Equal(2_147_483_648d, estimate.KvCacheBytes);
            // Activations of prefilling 4096 tokens: the residual stream 4096 × 4096 × 2 B plus the largest buffer, the
            // gated MLP's 4096 × (4096 + 3 × 11008) × 2 B: 4096 × 82,432 = 337,641,472 B.
            Assert.Equal(337_641_472d, estimate.ActivationBytes);
            Assert.Equal(Known.GiB, estimate.ReserveBytes);
            Assert.Equal(17_035_698_176d, estimate.TotalBytes);
            // Usable: 0.90 × 24 GiB = 23,192,823,398.4 B; headroom 6,157,125,222.4 B.
            Assert.Equal(23_192_823_398.4, estimate.UsableBytes!.Value, 1);
            Assert.True(estimate.Fits);
            Assert.Equal(6_157_125_222.4, estimate.HeadroomBytes!.Value, 1);
            Assert.Equal(0, estimate.OutputLength);
        }

        [Fact]
        public void A_bad_combination_fails_alone_and_the_rest_of_the_sweep_is_computed()
        {
            // 4096 + 1 tokens pass Llama-2-7B's 4096 positions; 4096 + 0 do not.
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, InputLength = new[] { 4096 }, OutputLength = new[] { 0, 1 }, BatchSize = new[] { 0, 2 } };
            var results = new System.Collections.Generic.List<object>();
            var errors = new System.Collections.Generic.List<(InferenceLabException Error, string Target)>();

            InferenceCommand.Run(cmd.Plan(), GetInferenceMemoryCommand.Compute, results.Add, (e, t) => errors.Add((e, t)), _ => { });

            Assert.Single(results);
            Assert.Equal(2, ((MemoryEstimate)results[0]).BatchSize);
            Assert.Equal(new[] { "BatchSizeOutOfRange", "BatchSizeOutOfRange", "ContextBeyondPositionLimit" }, errors.Select(e => e.Error.ErrorId));
            Assert.All(errors, e => Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind));
            Assert.Equal("Model=llama-2-7b TensorParallel=1 BatchSize=2 InputLength=4096 OutputLength=1", errors[2].Target);
        }

        [Fact]
        public void A_tensor_parallel_degree_the_model_rejects_fails_once_not_once_per_point()
        {
            // Llama-2-7B has 32 heads: 3 does not divide them.
            var cmd = new GetInferenceMemoryCommand { Model = Known.Llama2_7B, TensorParallel = new[] { 1, 3 }, BatchSize = new[] { 1, 2 }, InputLength = new[] { 128 } };

            var points = cmd.Plan().ToArray();

            Assert.Equal(3, points.Length);
            Assert.Equal("TensorParallelDoesNotDivideHeads", points[2].Error!.ErrorId);
            Assert.Equal("Model=llama-2-7b TensorParallel=3", points[2].Target);
        }

        [Fact]
        public void Get_MaxContextLength_without_a_GPU_fails_once_with_Cores_HardwareMissing()
        {
            var cmd = new GetMaxContextLengthCommand { Model = Known.Llama2_7B, BatchSize = new[] { 1, 2, 4 } };

            var point = Assert.Single(cmd.Plan());

            Assert.Equal("HardwareMissing", point.Error!.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, point.Error.Kind);
        }

        [Fact]
        public void Get_MaxContextLength_of_Llama2_7B_on_an_A10_is_the_position_limit_at_batch_1_and_memory_at_batch_8()
        {
            var cmd = new GetMaxContextLengthCommand { Model = Known.Llama2_7B, Hardware = Known.A10, BatchSize = new[] { 1, 8 } };

            var results = cmd.Plan().Select(p => (MaxContextResult)GetMaxContextLengthCommand.Compute(p.Request!).Single()).ToArray();

            // Usable 0.90 × 24 GiB = 23,192,823,398.4 B; weights 13,476,831,232 + reserve 1,073,741,824 leave 8,642,250,342.4 B.
            // Batch 1 costs 524,288 (KV) + 8,192 (residual) + 74,240 (MLP buffer) = 606,720 B per token: ~14,244 tokens,
            // so the model's 4096 positions bind first.
            Assert.Equal(4096, results[0].MaxContextLength);
            Assert.Equal(LimitReason.ModelMaxPositions, results[0].LimitedBy);
            // Batch 8 costs 8 × 606,720 = 4,853,760 B per token of context: ⌊8,642,250,342.4 ÷ 4,853,760⌋ = 1780.
            Assert.Equal(1780, results[1].MaxContextLength);
            Assert.Equal(LimitReason.Memory, results[1].LimitedBy);
            Assert.Equal(8, results[1].BatchSize);
        }

        [Fact]
        public void Get_MaxBatchSize_plans_context_by_input_and_leaves_the_input_to_Core_when_not_given()
        {
            var cmd = new GetMaxBatchSizeCommand { Model = Known.Llama2_7B, Hardware = Known.A10, ContextLength = new[] { 1024, 4096 }, InputLength = new[] { 128, 512 } };
            Assert.Equal(new (int, int?)[] { (1024, 128), (1024, 512), (4096, 128), (4096, 512) }, cmd.Plan().Select(p => (p.Request!.ContextLength, p.Request.InputLength)));

            cmd.InputLength = null;
            var whole = cmd.Plan().Select(p => p.Request!).ToArray();
            Assert.Equal(new[] { 1024, 4096 }, whole.Select(r => r.ContextLength));
            Assert.All(whole, r => Assert.Null(r.InputLength));
        }

        [Fact]
        public void Get_MaxBatchSize_on_a_24_GB_card_fits_4_sequences_of_4096_as_the_seed_arithmetic_says()
        {
            // DESIGN §8: a 24 GB card, all of it usable, no reserve, holds 4 sequences of 4096 tokens of Llama-2-7B.
            var card = new Hardware.NewInferenceHardwareCommand { Name = "card-24gb", MemoryBytes = 24e9, MemoryBandwidthBytesPerSecond = 600e9, Fp16FlopsPerSecond = 125e12 }.BuildHardware();
            var cmd = new GetMaxBatchSizeCommand
            {
                Model = Known.Llama2_7B,
                Hardware = card,
                ContextLength = new[] { 4096 },
                InputLength = new[] { 1 },
                MemoryUtilization = 1,
                RuntimeReserveBytes = 0,
            };

            var result = (MaxBatchResult)GetMaxBatchSizeCommand.Compute(cmd.Plan().Single().Request!).Single();

            // Each sequence: 4096 × 524,288 B of KV plus 144,384 B of activations for its one prompt token (residual
            // 8,192 + fp32 logits and hidden state 136,192): 13,476,831,232 + 4 × 2,147,627,968 ≤ 24e9 < ... + 5 × it.
            Assert.Equal(4, result.MaxBatchSize);
            Assert.Equal(LimitReason.Memory, result.LimitedBy);
            // Capacity at batch 4: (24e9 − 13,476,831,232 − 4 × 144,384) ÷ 524,288 = 20,070.2 → 20,070 tokens
            // (the seed's 19,073 used 14e9 B of weights, 7e9 × 2, instead of the exact count).
            Assert.Equal(20_070, result.KvCacheCapacityTokens);
        }
    }
}
