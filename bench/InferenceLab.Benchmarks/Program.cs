using BenchmarkDotNet.Running;

namespace InferenceLab.Benchmarks
{
    /// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's switcher; --filter '*' runs all).</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
