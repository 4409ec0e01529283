using System;
using System.Management.Automation;
using InferenceLab.Core;

namespace InferenceLab.PowerShell
{
    /// <summary>Turns Core's errors into PowerShell error records (DESIGN §9, STYLE.md §9).</summary>
    internal static class ErrorRecords
    {
        /// <summary>
        /// The record for <paramref name="error"/>: its stable <see cref="InferenceLabException.ErrorId"/> as the error id (so
        /// FullyQualifiedErrorId is <c>ErrorId,InferenceLab.PowerShell.XxxCommand</c>), the category its kind names, and the
        /// item that failed as the target.
        /// </summary>
        internal static ErrorRecord For(InferenceLabException error, object? target)
        {
            var record = new ErrorRecord(error, error.ErrorId, Category(error.Kind), target);
            if (error is NotFoundException notFound && notFound.Suggestions.Count > 0)
            {
                record.ErrorDetails = new ErrorDetails(error.Message)
                {
                    RecommendedAction = "Did you mean: " + string.Join(", ", notFound.Suggestions) + "?",
                };
            }

            return record;
        }

        /// <summary>The ErrorCategory of an <see cref="ErrorKind"/>; the names match one to one.</summary>
        internal static ErrorCategory Category(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case ErrorKind.ReadError: return ErrorCategory.ReadError;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "An ErrorKind without an ErrorCategory.");
            }
        }
    }
}
