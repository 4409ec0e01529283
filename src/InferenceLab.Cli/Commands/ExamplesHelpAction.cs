using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace InferenceLab.Cli.Commands
{
    /// <summary>The standard help, followed by the command's examples.</summary>
    internal sealed class ExamplesHelpAction : SynchronousCommandLineAction
    {
        private readonly HelpAction help;

        /// <summary>Wraps the standard help action.</summary>
        public ExamplesHelpAction(HelpAction help)
        {
            this.help = help;
        }

        /// <inheritdoc />
        public override bool ClearsParseErrors => true;

        /// <inheritdoc />
        public override int Invoke(ParseResult parseResult)
        {
            int result = help.Invoke(parseResult);
            if (parseResult.CommandResult.Command is ExampleCommand command && command.Examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in command.Examples)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
