using System;
using System.IO;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Charts;

namespace InferenceLab.PowerShell.Charts
{
    /// <summary>
    /// What Export-RooflineChart and Export-InferenceChart share: the file (-Path with wildcards, -LiteralPath without, both
    /// through the session's provider paths), the title and size, -NoClobber, and writing the SVG Core renders. Items are
    /// collected while they arrive and the chart is written once at the end; a bad item is one error and the rest are
    /// charted, while a chart that cannot be made or written stops the call.
    /// </summary>
    public abstract class ChartCommand : InferenceCommand
    {
        /// <summary>The parameter set of a file given with wildcards.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of a file given literally.</summary>
        public const string LiteralPathSet = "LiteralPath";

        /// <summary>The SVG file to write; wildcards must match exactly one existing file, a path without them may be new.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Path { get; set; } = null!;

        /// <summary>The SVG file to write, taken literally (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = null!;

        /// <summary>The chart's title; by default it names what is charted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Width of the chart in pixels.</summary>
        [Parameter]
        [ValidateRange(480, 10000)]
        public int Width { get; set; } = SvgChart.DefaultWidth;

        /// <summary>Height of the chart in pixels (a long legend makes it taller).</summary>
        [Parameter]
        [ValidateRange(320, 10000)]
        public int Height { get; set; } = SvgChart.DefaultHeight;

        /// <summary>Do not overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber
        {
            get => NoClobberRequested;
            set => NoClobberRequested = value.IsPresent;
        }

        /// <summary><see cref="NoClobber"/> as a bool (SwitchParameter's members are stubs in tests, DESIGN §10).</summary>
        internal bool NoClobberRequested { get; set; }

        /// <summary>What the chart is, for -WhatIf and -Confirm.</summary>
        internal abstract string ChartKind { get; }

        /// <summary>
        /// Writes <paramref name="svg"/> to <paramref name="path"/> whole, replacing a file there unless <paramref name="noClobber"/>.
        /// </summary>
        /// <exception cref="ChartFileException">The file exists and may not be replaced, or it cannot be written.</exception>
        internal static FileInfo WriteChart(string path, string svg, bool noClobber)
        {
            if (noClobber && File.Exists(path))
            {
                throw new ChartFileException("ChartFileExists", ErrorCategory.ResourceExists, new IOException(Format("The file '{0}' already exists; -NoClobber keeps it.", path)));
            }

            try
            {
                File.WriteAllText(path, svg, new System.Text.UTF8Encoding(false));
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException || error is NotSupportedException || error is System.Security.SecurityException)
            {
                throw new ChartFileException("ChartFileNotWritten", ErrorCategory.WriteError, error);
            }

            return new FileInfo(path);
        }

        /// <summary>Renders and writes the chart of <paramref name="render"/>'s request, and outputs the file.</summary>
        internal void Export(Func<string> render)
        {
            string svg;
            try
            {
                svg = render();
            }
            catch (InferenceLabException error)
            {
                ThrowTerminatingError(ErrorRecords.For(error, null));
                return;
            }

            string path = ResolveFile();
            if (!ShouldProcess(path, "Write " + ChartKind))
            {
                return;
            }

            try
            {
                WriteObject(WriteChart(path, svg, NoClobberRequested));
            }
            catch (ChartFileException error)
            {
                ThrowTerminatingError(new ErrorRecord(error.InnerException, error.ErrorId, error.Category, path));
            }
        }

        /// <summary>
        /// The file-system path of -Path or -LiteralPath through the session's provider paths (relative to $PWD, PSDrives
        /// allowed). A -Path with wildcards must match one existing file; otherwise the path may name a new file.
        /// </summary>
        private string ResolveFile()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            string given = literal ? LiteralPath : Path;
            try
            {
                ProviderInfo provider;
                string resolved;
                if (!literal && WildcardPattern.ContainsWildcardCharacters(given))
                {
                    var matches = SessionState.Path.GetResolvedProviderPathFromPSPath(given, out provider);
                    if (matches.Count != 1)
                    {
                        ThrowTerminatingError(ErrorRecords.For(new InvalidInputException("PathMatchesSeveralFiles", "Path", Format("'{0}' matches {1} files; a chart goes to one. Use -LiteralPath for a name with wildcard characters.", given, matches.Count)), given));
                    }

                    resolved = matches[0];
                }
                else
                {
                    resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given, out provider, out _);
                }

                if (provider.Name != "FileSystem")
                {
                    ThrowTerminatingError(ErrorRecords.For(new InvalidInputException("PathNotFileSystem", literal ? "LiteralPath" : "Path", Format("'{0}' is on the {1} provider; give a file system path.", given, provider.Name)), given));
                }

                return resolved;
            }
            catch (SessionStateException error)
            {
                // ItemNotFoundException (wildcards matching nothing), DriveNotFoundException, ProviderNotFoundException.
                ThrowTerminatingError(new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, given));
                throw;
            }
        }
    }
}
