using System;
using System.IO;

namespace InferenceLab.Core.Tests
{
    /// <summary>Finds files of the repository from the test's output folder.</summary>
    internal static class RepositoryFiles
    {
        /// <summary>The folder that holds InferenceLab.sln.</summary>
        public static string Root
        {
            get
            {
                var folder = new DirectoryInfo(AppContext.BaseDirectory);
                while (folder != null && !File.Exists(System.IO.Path.Combine(folder.FullName, "InferenceLab.sln")))
                {
                    folder = folder.Parent;
                }

                return folder?.FullName ?? throw new InvalidOperationException("InferenceLab.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>A path under the repository root.</summary>
        public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));
    }
}
