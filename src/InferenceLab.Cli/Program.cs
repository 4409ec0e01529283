using System;

namespace InferenceLab.Cli
{
    /// <summary>The process entry point of <c>inferencelab</c>.</summary>
    public static class Program
    {
        /// <summary>Runs the command line on the console's streams and returns the exit code.</summary>
        public static int Main(string[] args) => CliApplication.Run(args, Console.Out, Console.Error);
    }
}
