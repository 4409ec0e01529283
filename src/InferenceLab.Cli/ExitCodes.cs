namespace InferenceLab.Cli
{
    /// <summary>The process exit codes of <c>inferencelab</c>; docs/cli.md lists them for scripts.</summary>
    internal static class ExitCodes
    {
        /// <summary>Every result printed.</summary>
        public const int Success = 0;

        /// <summary>Bad input: an unknown model or GPU, an invalid value, an unreadable or malformed file. Other results may still have printed.</summary>
        public const int BadInput = 1;

        /// <summary>Usage error: an unknown option, a missing required option, an unparsable number.</summary>
        public const int Usage = 2;

        /// <summary>A bug in InferenceLab: an exception no input should cause.</summary>
        public const int InternalError = 3;
    }
}
