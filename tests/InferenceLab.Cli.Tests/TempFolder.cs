using System;
using System.IO;

namespace InferenceLab.Cli.Tests
{
    /// <summary>A folder under the system temp path for one test's files, deleted afterwards.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder(string? name = null)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inferencelab-cli-" + Guid.NewGuid().ToString("N"), name ?? "files");
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Writes a file and returns its full path.</summary>
        public string Write(string fileName, string text)
        {
            string file = System.IO.Path.Combine(Path, fileName);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
