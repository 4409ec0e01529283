using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// Runs each tests/Pester/*.Tests.ps1 file in a fresh `pwsh -NoProfile` against the staged out/InferenceLab
    /// (DESIGN §10). Where pwsh or Pester 5 is missing the theory is reported as skipped, with the reason: a Pester test that
    /// did not run never passes. build.ps1 -Task Test runs Pester itself and filters this class out (Category=Pester).
    /// </summary>
    [Trait("Category", "Pester")]
    public sealed class PesterTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        public static TheoryData<string> Files()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Repository.FilePath("tests", "Pester"), "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }

        [PwshTheory]
        [MemberData(nameof(Files))]
        public void The_Pester_file_passes_against_the_staged_module(string file)
        {
            var run = Pwsh.Run(
                Repository.Root,
                Timeout,
                "-NoProfile", "-NonInteractive", "-File", Repository.FilePath("tests", "Pester", "Invoke-PesterSuite.ps1"),
                "-Path", Repository.FilePath("tests", "Pester", file),
                "-ModulePath", Repository.StagedModule);

            Assert.True(run.ExitCode == 0, $"Pester {file} exited with {run.ExitCode}:\n{run.Output}");
        }
    }

    /// <summary>A theory that is skipped, saying why, unless pwsh and Pester 5 are installed.</summary>
    public sealed class PwshTheoryAttribute : TheoryAttribute
    {
        private static readonly Lazy<string?> Missing = new Lazy<string?>(Probe);

        /// <summary>Sets <see cref="FactAttribute.Skip"/>, and a display name that says so, when PowerShell 7 or Pester 5 is missing.</summary>
        public PwshTheoryAttribute()
        {
            if (Missing.Value is string reason)
            {
                Skip = reason;
                // The console logger prints a skipped test's name but not its reason, so the name carries the reason too.
                DisplayName = "Pester suite (tests/Pester) SKIPPED: " + reason;
            }
        }

        private static string? Probe()
        {
            if (Pwsh.Executable() == null)
            {
                return "pwsh is not on PATH, so the Pester suite in tests/Pester did NOT run; run build.ps1 -Task Test where PowerShell 7 is installed.";
            }

            var probe = Pwsh.Run(
                Repository.Root,
                TimeSpan.FromMinutes(2),
                "-NoProfile", "-NonInteractive", "-Command",
                "if (Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' }) { exit 0 } else { exit 3 }");
            return probe.ExitCode == 0
                ? null
                : "pwsh is installed but Pester 5 is not (Install-Module Pester -MinimumVersion 5.0), so the Pester suite in tests/Pester did NOT run.";
        }
    }

    /// <summary>Finds and runs pwsh.</summary>
    internal static class Pwsh
    {
        public static string? Executable()
        {
            var names = OperatingSystem.IsWindows() ? new[] { "pwsh.exe" } : new[] { "pwsh" };
            return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
                .FirstOrDefault(File.Exists);
        }

        public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable() ?? "pwsh")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "pwsh did not finish within " + timeout + ".\n" + stdout.Result + stderr.Result);
            }

            Task.WaitAll(stdout, stderr);
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
