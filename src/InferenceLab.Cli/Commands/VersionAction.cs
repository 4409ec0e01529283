using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace InferenceLab.Cli.Commands
{
    /// <summary>Prints InferenceLab's version (Directory.Build.props), whatever process hosts the command line.</summary>
    internal sealed class VersionAction : SynchronousCommandLineAction
    {
        /// <summary>The informational version of this assembly, without the source revision the SDK appends.</summary>
        public static string Version
        {
            get
            {
                var assembly = typeof(VersionAction).Assembly;
                string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                    ?? assembly.GetName().Version?.ToString()
                    ?? "unknown";
                int plus = version.IndexOf('+');
                return plus > 0 ? version.Substring(0, plus) : version;
            }
        }

        /// <inheritdoc />
        public override bool ClearsParseErrors => true;

        /// <inheritdoc />
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
