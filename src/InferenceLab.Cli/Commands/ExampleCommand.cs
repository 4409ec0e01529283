using System.Collections.Generic;
using System.CommandLine;

namespace InferenceLab.Cli.Commands
{
    /// <summary>A command whose help ends with examples that run as shown.</summary>
    internal sealed class ExampleCommand : Command
    {
        /// <summary>Creates the command.</summary>
        /// <param name="name">Its name on the command line.</param>
        /// <param name="description">What it does, and the cmdlet it mirrors.</param>
        /// <param name="examples">Command lines, each after an explanatory line starting with '#'.</param>
        public ExampleCommand(string name, string description, params string[] examples)
            : base(name, description)
        {
            Examples = examples;
        }

        /// <summary>The examples, in order.</summary>
        public IReadOnlyList<string> Examples { get; }
    }
}
