using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace InferenceLab.Cli.Commands
{
    /// <summary>The options of <c>latency</c> and <c>efficiency</c> that shape a batch of whole requests.</summary>
    internal sealed class RequestShapeOptions
    {
        private readonly Option<IReadOnlyList<int>> batch = CliOptions.Integers("--batch-size", "Concurrent sequences.", 1);
        private readonly Option<IReadOnlyList<int>> input = CliOptions.Integers("--input-length", "Prompt tokens per sequence.");
        private readonly Option<IReadOnlyList<int>> output = CliOptions.Integers("--output-length", "Generated tokens per sequence (the first comes from the prefill).");

        /// <summary>Adds the options to a command.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(batch);
            command.Options.Add(input);
            command.Options.Add(output);
        }

        /// <summary>Every (batch, input, output) combination, batch varying slowest.</summary>
        public IEnumerable<int[]> Combinations(ParseResult parse) =>
            Grid.Combinations(parse.GetValue(batch)!, parse.GetValue(input)!, parse.GetValue(output)!)
                .Select(v => new[] { v[0]!.Value, v[1]!.Value, v[2]!.Value });
    }
}
