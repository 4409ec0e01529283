using System;
using System.Management.Automation;

namespace InferenceLab.PowerShell.Charts
{
    /// <summary>A chart file that may not be replaced or cannot be written: the error id and category of its record.</summary>
    internal sealed class ChartFileException : Exception
    {
        public ChartFileException(string errorId, ErrorCategory category, Exception inner)
            : base(inner.Message, inner)
        {
            ErrorId = errorId;
            Category = category;
        }

        public string ErrorId { get; }

        public ErrorCategory Category { get; }
    }
}
