using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core.Efficiency;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;
using Microsoft.FSharp.Core;

namespace InferenceLab.Core.Tests.Properties
{
    /// <summary>Deterministic generators of valid scenarios and the checks every result must pass.</summary>
    internal static class Generators
    {
        public static readonly ModelSpec Gemma2Like = new ModelSpec("gemma-2-9b", 42, 3584, 16, 8, 14336, 256000, 8192, headDimension: 256,
            tiedEmbeddings: true, slidingWindowSize: 4096, slidingWindowLayerCount: 21);

        private static readonly ModelSpec[] Models = { TestModels.Llama2_7B, TestModels.Llama3_8B, TestModels.Mistral7B, TestModels.Mixtral8x7B, TestModels.Llama2_70B, TestModels.DeepSeekV3, Gemma2Like };

        private static readonly HardwareSpec[] Gpus = { TestModels.A100Sxm80, TestModels.A10 };

        /// <summary>A fixed seed so every run checks the same cases; a failure names a reproducible case.</summary>
        public static Config Config(int cases) =>
            FsCheck.Config.QuickThrowOnFailure.WithMaxTest(cases)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261122UL, 1442695040888963407UL), FSharpOption<int>.None)));

        public static Gen<EfficiencyProfile> Efficiency { get; } =
            from compute in Gen.Choose(5, 100)
            from memory in Gen.Choose(5, 100)
            from attention in Gen.Choose(5, 100)
            from half in Gen.Choose(0, 256)
            from overhead in Gen.Choose(0, 500)
            from flash in Gen.Elements(true, false)
            select new EfficiencyProfile("random", compute / 100.0, memory / 100.0, attention / 100.0, half, 1, overhead * 1e-6, overhead * 1e-8, overhead * 1e-8, 0.8, flash);

        public static Gen<Deployment> Deployment { get; } =
            from model in Gen.Elements(Models)
            from gpu in Gen.Elements(Gpus)
            from tpExponent in Gen.Choose(0, 3)
            from pp in Gen.Choose(1, 2)
            from chunk in Gen.Elements(0, 0, 256, 2048)
            from efficiency in Efficiency
            let tp = 1 << tpExponent
            select new Deployment(model, gpu, tensorParallel: tp, pipelineParallel: pp, maxBatchedTokens: chunk, efficiency: efficiency);

        public static Gen<Scenario> Scenario { get; } =
            from deployment in Deployment
            from batch in Gen.Choose(1, 256)
            from input in Gen.Choose(1, 6000)
            from output in Gen.Choose(1, 600)
            let positions = deployment.Model.MaxPositionEmbeddings
            let fittedInput = Math.Min(input, positions - 1)
            let fittedOutput = Math.Min(output, positions - fittedInput)
            select new Scenario(deployment, batch, fittedInput, fittedOutput);

        /// <summary>True when every numeric property of <paramref name="result"/> (and of its listed parts) is finite and not negative.</summary>
        public static bool NumbersAreSane(object result)
        {
            if (result is IEnumerable list)
            {
                foreach (var item in list)
                {
                    NumbersAreSane(item);
                }

                return true;
            }

            foreach (var property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                object? value = property.GetValue(result);
                switch (value)
                {
                    case double d when double.IsNaN(d) || double.IsInfinity(d) || d < 0:
                    case int i when i < 0:
                    case long l when l < 0:
                        throw new InvalidOperationException($"{result.GetType().Name}.{property.Name} = {value}");
                    case IEnumerable items when !(value is string):
                        foreach (var item in items.Cast<object>().Where(x => x != null && !x.GetType().IsPrimitive && !(x is string) && !x.GetType().IsEnum))
                        {
                            NumbersAreSane(item);
                        }

                        break;
                }
            }

            return true;
        }
    }
}
