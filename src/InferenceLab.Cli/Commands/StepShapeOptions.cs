using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using InferenceLab.Core;

namespace InferenceLab.Cli.Commands
{
    /// <summary>The options of <c>cost</c> and <c>roofline</c> that pick a step: phase, batch, prompt and decode context.</summary>
    internal sealed class StepShapeOptions
    {
        private readonly Option<IReadOnlyList<int>> batch = CliOptions.Integers("--batch-size", "Concurrent sequences.", 1);
        private readonly Option<IReadOnlyList<int>> input = CliOptions.Integers("--input-length", "Prompt tokens per sequence: the prefill's length, and the decode context by default.");
        private readonly Option<IReadOnlyList<int>> contextLength = CliOptions.OptionalIntegers("--context-length", "Cached tokens per sequence of a decode step. Default: the input length. Prefill steps start from an empty cache.");
        private readonly Option<IReadOnlyList<Phase>> phase = CliOptions.Phases();

        /// <summary>Adds the options to a command.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(phase);
            command.Options.Add(batch);
            command.Options.Add(input);
            command.Options.Add(contextLength);
        }

        /// <summary>Every combination of the options, the phase varying slowest.</summary>
        public IEnumerable<StepShape> Steps(ParseResult parse)
        {
            var phases = parse.GetValue(phase)!;
            foreach (var p in phases)
            {
                // A prefill starts from an empty cache, so --context-length does not multiply its rows.
                var contexts = p == Phase.Prefill ? new List<int>() : parse.GetValue(contextLength)!;
                foreach (var v in Grid.Combinations(parse.GetValue(batch)!, parse.GetValue(input)!, contexts))
                {
                    yield return new StepShape(v[0]!.Value, v[1]!.Value, v[2], p);
                }
            }
        }
    }
}
