using System;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Memory;
using InferenceLab.Core.Models;
using InferenceLab.Core.Time;

namespace InferenceLab.Core.Tests.Properties
{
    /// <summary>Properties that hold for every valid input (issue 2's list), on deterministic random scenarios.</summary>
    public sealed class PropertyTests
    {
        [Fact]
        public void Memory_grows_with_batch_and_with_context()
        {
            Check.One(Generators.Config(300), Prop.ForAll(Arb.From(Generators.Scenario), s =>
            {
                var baseline = MemoryEstimator.Estimate(s);
                var moreBatch = MemoryEstimator.Estimate(s.Deployment, s.BatchSize + 1, s.InputLength, s.OutputLength);
                bool longer = s.ContextLength < s.Model.MaxPositionEmbeddings;
                var moreContext = longer ? MemoryEstimator.Estimate(s.Deployment, s.BatchSize, s.InputLength, s.OutputLength + 1) : baseline;
                return moreBatch.TotalBytes >= baseline.TotalBytes && moreBatch.KvCacheBytes >= baseline.KvCacheBytes
                    && moreContext.TotalBytes >= baseline.TotalBytes;
            }));
        }

        [Fact]
        public void Max_context_fits_and_one_more_token_does_not()
        {
            var gen = from deployment in Generators.Deployment
                      from batch in Gen.Choose(1, 512)
                      select (deployment, batch);
            Check.One(Generators.Config(150), Prop.ForAll(Arb.From(gen), c =>
            {
                var result = MemoryLimits.MaxContextLength(c.deployment, c.batch);
                switch (result.LimitedBy)
                {
                    case LimitReason.Memory:
                        return (result.MaxContextLength == 0 || MemoryEstimator.EstimateContext(c.deployment, c.batch, result.MaxContextLength).Fits == true)
                            && MemoryEstimator.EstimateContext(c.deployment, c.batch, result.MaxContextLength + 1).Fits == false;
                    case LimitReason.ModelMaxPositions:
                        return result.MaxContextLength == c.deployment.Model.MaxPositionEmbeddings
                            && MemoryEstimator.EstimateContext(c.deployment, c.batch, result.MaxContextLength).Fits == true;
                    default:
                        return result.MaxContextLength == 0 && MemoryEstimator.EstimateContext(c.deployment, c.batch, 1).Fits == false;
                }
            }));
        }

        [Fact]
        public void Max_batch_fits_and_one_more_sequence_does_not()
        {
            var gen = from deployment in Generators.Deployment
                      from context in Gen.Choose(1, 4096)
                      select (deployment, context);
            Check.One(Generators.Config(150), Prop.ForAll(Arb.From(gen), c =>
            {
                var result = MemoryLimits.MaxBatchSize(c.deployment, c.context);
                bool nextFails = MemoryEstimator.EstimateContext(c.deployment, result.MaxBatchSize + 1, c.context).Fits == false;
                return result.MaxBatchSize == 0 ? nextFails : MemoryEstimator.EstimateContext(c.deployment, result.MaxBatchSize, c.context).Fits == true && nextFails;
            }));
        }

        [Fact]
        public void Time_to_first_token_grows_with_the_prompt()
        {
            Check.One(Generators.Config(200), Prop.ForAll(Arb.From(Generators.Scenario), s =>
            {
                if (s.InputLength + s.OutputLength + 64 > s.Model.MaxPositionEmbeddings)
                {
                    return true;
                }

                double shorter = LatencyEstimator.TimeToFirstTokenSeconds(s);
                double longer = LatencyEstimator.TimeToFirstTokenSeconds(s.WithShape(s.BatchSize, s.InputLength + 64, s.OutputLength));
                return longer > shorter;
            }));
        }

        [Fact]
        public void Time_per_output_token_does_not_fall_as_the_context_grows()
        {
            Check.One(Generators.Config(200), Prop.ForAll(Arb.From(Generators.Scenario), s =>
            {
                int context = s.InputLength;
                int later = Math.Min(s.Model.MaxPositionEmbeddings - 1, context + 1000);
                return LatencyEstimator.TimePerOutputTokenSeconds(s, later) >= LatencyEstimator.TimePerOutputTokenSeconds(s, context);
            }));
        }

        [Fact]
        public void The_pure_roofline_is_never_slower_than_an_efficiency_profile()
        {
            Check.One(Generators.Config(200), Prop.ForAll(Arb.From(Generators.Scenario), s =>
            {
                var calibrated = LatencyEstimator.Estimate(s);
                var pure = LatencyEstimator.Estimate(s.WithEfficiency(EfficiencyProfile.Roofline));

                // A profile that counts the whole score matrix does more work, so compare against the same masking at peak.
                return pure.TimeToFirstTokenSeconds <= calibrated.TimeToFirstTokenSeconds * (1 + 1e-12)
                    && pure.EndToEndSeconds <= calibrated.EndToEndSeconds * (1 + 1e-12);
            }));
        }

        [Fact]
        public void Latency_bounds_agree_with_the_roofline_points_of_the_same_steps()
        {
            Check.One(Generators.Config(150), Prop.ForAll(Arb.From(Generators.Scenario), s =>
            {
                var estimate = LatencyEstimator.Estimate(s);
                return estimate.PrefillBound == RooflineAnalyzer.Analyze(s, Phase.Prefill).Bound
                    && estimate.DecodeBound == RooflineAnalyzer.Analyze(s, Phase.Decode, s.InputLength).Bound;
            }));
        }

        [Fact]
        public void Distinct_experts_lie_between_k_and_E()
        {
            var gen = from experts in Gen.Choose(1, 512)
                      from k in Gen.Choose(1, experts)
                      from tokens in Gen.Choose(1, 100_000)
                      select (experts, k, tokens);
            Check.One(Generators.Config(1000), Prop.ForAll(Arb.From(gen), c =>
            {
                double distinct = LayerShapes.DistinctExperts(c.experts, c.k, c.tokens);
                return distinct >= c.k && distinct <= c.experts;
            }));
        }

        [Fact]
        public void No_output_is_NaN_infinite_or_negative_for_valid_inputs()
        {
            Check.One(Generators.Config(200), Prop.ForAll(Arb.From(Generators.Scenario), s =>
                Generators.NumbersAreSane(MemoryEstimator.Estimate(s))
                && Generators.NumbersAreSane(CostEstimator.Prefill(s))
                && Generators.NumbersAreSane(CostEstimator.Decode(s, s.InputLength))
                && Generators.NumbersAreSane(LatencyEstimator.Estimate(s))
                && Generators.NumbersAreSane(RooflineAnalyzer.Analyze(s, Phase.Decode))
                && Generators.NumbersAreSane(RooflineAnalyzer.AnalyzeOperators(s, Phase.Prefill))
                && Generators.NumbersAreSane(MemoryLimits.MaxContextLength(s.Deployment, s.BatchSize))
                && Generators.NumbersAreSane(MemoryLimits.MaxBatchSize(s.Deployment, s.ContextLength))
                && Generators.NumbersAreSane(EfficiencyAnalyzer.Analyze(s, MeasuredMetric.OutputThroughput, 1000))));
        }
    }
}
