using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Efficiency;
using InferenceLab.PowerShell.Efficiency;

namespace InferenceLab.PowerShell
{
    /// <summary>
    /// The parameters of the cmdlets that follow whole requests — a batch of prompts each generating tokens — and their
    /// expansion into one Core <see cref="Scenario"/> per combination.
    /// </summary>
    public abstract class ScenarioCommand : DeploymentCommand
    {
        /// <summary>Concurrent sequences; default 1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] BatchSize { get; set; } = { 1 };

        /// <summary>Prompt tokens per sequence.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] InputLength { get; set; } = null!;

        /// <summary>Generated tokens per sequence (the first comes from the prefill).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public int[] OutputLength { get; set; } = null!;

        /// <summary>The serving engine whose calibrated efficiency factors the times use (tensorrt-llm, vllm, sglang, llama.cpp); default generic.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EngineNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Engine { get; set; }

        /// <summary>Fraction of the dense peak large GEMMs reach, [1e-6, 1], judged by Core; replaces the engine profile's (your own calibration).</summary>
        [Parameter]
        public double? ComputeEfficiency { get; set; }

        /// <summary>Fraction of peak bandwidth weight and KV streams reach, [1e-6, 1], judged by Core; replaces the engine profile's.</summary>
        [Parameter]
        public double? MemoryEfficiency { get; set; }

        /// <summary>True for the pure roofline bound, which ignores the engine and the factors.</summary>
        internal virtual bool PureRoofline => false;

        /// <inheritdoc />
        internal override EfficiencyProfile? Efficiency => EngineProfiles.EfficiencyFor(Engine, PureRoofline, ComputeEfficiency, MemoryEfficiency);

        /// <summary>How many scenarios the call sweeps.</summary>
        internal long ScenarioCount() => Sweep.Count(TensorParallel, BatchSize, InputLength, OutputLength);

        /// <summary>One request per scenario, built by <paramref name="build"/>; TP varies slowest.</summary>
        internal IEnumerable<Planned<TRequest>> PlanScenarios<TRequest>(System.Func<Scenario, TRequest?> build)
            where TRequest : class =>
            PlanSweep(
                new IReadOnlyList<int>[] { TensorParallel, BatchSize, InputLength, OutputLength },
                (deployment, c) => build(new Scenario(deployment, c[1], c[2], c[3])),
                c => DescribePoint("TensorParallel", c[0], "BatchSize", c[1], "InputLength", c[2], "OutputLength", c[3]));
    }
}
