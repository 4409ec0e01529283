using System.Linq;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.PowerShell.Cost;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>Measure-InferenceCost and Measure-RooflinePoint: the steps they plan and what Core returns for them.</summary>
    public sealed class CostCommandTests
    {
        [Fact]
        public void Both_phases_by_default_and_one_prefill_per_shape_whatever_the_decode_contexts()
        {
            var cmd = new MeasureInferenceCostCommand { Model = Known.Llama2_7B, BatchSize = new[] { 1, 4 }, InputLength = new[] { 512 }, ContextLength = new[] { 100, 200 } };

            var steps = cmd.Plan().Select(p => p.Request!).ToArray();

            Assert.Equal(
                new (int, Phase, int?)[] { (1, Phase.Prefill, null), (1, Phase.Decode, 100), (1, Phase.Decode, 200), (4, Phase.Prefill, null), (4, Phase.Decode, 100), (4, Phase.Decode, 200) },
                steps.Select(s => (s.Scenario.BatchSize, s.Phase, s.ContextLength)));
            Assert.Equal(6, cmd.PointCount());
            Assert.All(steps, s => Assert.Equal(512, s.Scenario.InputLength));
            Assert.All(steps, s => Assert.False(s.PerOperator));
        }

        [Fact]
        public void Without_a_context_a_decode_step_is_left_to_Cores_default_the_input_length()
        {
            var cmd = new MeasureInferenceCostCommand { Model = Known.Llama2_7B, Phase = new[] { Phase.Decode }, InputLength = new[] { 300 } };

            var request = cmd.Plan().Single().Request!;
            var step = (StepCost)MeasureInferenceCostCommand.Compute(request).Single();

            Assert.Null(request.ContextLength);
            Assert.Equal(300, step.ContextLength);
            Assert.Equal(1, step.NewTokens);
        }

        [Fact]
        public void PerOperator_emits_the_operators_the_model_has_and_they_add_up_to_the_step()
        {
            var cmd = new MeasureInferenceCostCommand { Model = Known.Llama2_7B, Phase = new[] { Phase.Prefill }, InputLength = new[] { 512 }, PerOperatorRequested = true };
            var request = cmd.Plan().Single().Request!;

            var operators = MeasureInferenceCostCommand.Compute(request).Cast<OperatorCost>().ToArray();
            var step = CostEstimator.Step(request.Scenario, Phase.Prefill);

            Assert.Equal(
                new[] { OperatorKind.Embedding, OperatorKind.QkvProjection, OperatorKind.Attention, OperatorKind.OutputProjection, OperatorKind.Mlp, OperatorKind.Elementwise, OperatorKind.LmHead },
                operators.Select(o => o.Operator));
            Assert.Equal(step.Flops, operators.Sum(o => o.Flops), 6);
            Assert.Equal(step.BytesRead, operators.Sum(o => o.BytesRead), 6);

            // DESIGN §4: the LM head of a prefill runs on the last position only: 2 × B × 1 × H × V = 2 × 4096 × 32000.
            Assert.Equal(262_144_000d, operators.Single(o => o.Operator == OperatorKind.LmHead).Flops);
            // The gated MLP: 3 × 2 × B × S × H × I per layer = 6 × 512 × 4096 × 11008 × 32 layers.
            Assert.Equal(4_432_406_249_472d, operators.Single(o => o.Operator == OperatorKind.Mlp).Flops);
            // Each row stands alone in a CSV: the step's inputs ride along.
            Assert.All(operators, o => Assert.Equal((512, DataType.Fp16, 1), (o.InputLength, o.WeightType, o.PipelineParallel)));
        }

        [Fact]
        public void PerOperator_on_an_all_window_model_reports_window_attention_instead_of_full_attention()
        {
            var cmd = new MeasureInferenceCostCommand { Model = Known.Mistral7B, Phase = new[] { Phase.Decode }, InputLength = new[] { 8192 }, PerOperatorRequested = true };

            var kinds = MeasureInferenceCostCommand.Compute(cmd.Plan().Single().Request!).Cast<OperatorCost>().Select(o => o.Operator).ToArray();

            Assert.Contains(OperatorKind.SlidingWindowAttention, kinds);
            Assert.DoesNotContain(OperatorKind.Attention, kinds);
            Assert.DoesNotContain(OperatorKind.Router, kinds);
        }

        [Fact]
        public void Decode_LM_head_runs_on_every_sequence_of_the_batch()
        {
            var cmd = new MeasureInferenceCostCommand { Model = Known.Llama2_7B, Phase = new[] { Phase.Decode }, BatchSize = new[] { 4 }, InputLength = new[] { 512 }, PerOperatorRequested = true };

            var head = MeasureInferenceCostCommand.Compute(cmd.Plan().Single().Request!).Cast<OperatorCost>().Single(o => o.Operator == OperatorKind.LmHead);

            // 2 × B × 1 × H × V = 2 × 4 × 4096 × 32000.
            Assert.Equal(1_048_576_000d, head.Flops);
        }

        [Fact]
        public void Measure_RooflinePoint_needs_a_GPU_and_places_steps_against_the_datasheet_machine_balance()
        {
            var cmd = new MeasureRooflinePointCommand { Model = Known.Llama2_7B, InputLength = new[] { 512 } };
            Assert.Equal("HardwareMissing", Assert.Single(cmd.Plan()).Error!.ErrorId);

            cmd.Hardware = Known.A10;
            var points = cmd.Plan().SelectMany(p => MeasureRooflinePointCommand.Compute(p.Request!)).Cast<RooflinePoint>().ToArray();

            // A10: 125e12 FLOP/s ÷ 600e9 B/s = 208.3 FLOP/B (DESIGN §8).
            Assert.All(points, p => Assert.Equal(208.3, p.MachineBalanceFlopsPerByte, 1));
            Assert.Equal(new[] { Phase.Prefill, Phase.Decode }, points.Select(p => p.Phase));
            // Decode at batch 1 does ~2 FLOPs per 2-byte weight: about 1 FLOP/B, far below the balance.
            Assert.Equal(RooflineBound.Memory, points[1].Bound);
            Assert.Equal(RooflinePoint.WholeStep, points[0].Operator);

            cmd.Hardware = Known.A100;
            var a100 = (RooflinePoint)MeasureRooflinePointCommand.Compute(cmd.Plan().First().Request!).Single();
            // A100: 312e12 ÷ 2039e9 = 153.0 FLOP/B (DESIGN §8).
            Assert.Equal(153.0, a100.MachineBalanceFlopsPerByte, 1);
        }

        [Fact]
        public void Measure_RooflinePoint_PerOperator_places_each_working_operator()
        {
            var cmd = new MeasureRooflinePointCommand { Model = Known.Llama2_7B, Hardware = Known.A10, Phase = new[] { Phase.Decode }, InputLength = new[] { 512 }, PerOperatorRequested = true };

            var points = MeasureRooflinePointCommand.Compute(cmd.Plan().Single().Request!).Cast<RooflinePoint>().ToArray();

            Assert.Contains("Attention", points.Select(p => p.Operator));
            Assert.Contains("LmHead", points.Select(p => p.Operator));
            Assert.DoesNotContain(RooflinePoint.WholeStep, points.Select(p => p.Operator));
        }
    }
}
