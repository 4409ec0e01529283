using System;

namespace InferenceLab.Core
{
    /// <summary>
    /// The base of every error InferenceLab reports for bad input. Cmdlets turn it into an ErrorRecord with
    /// <see cref="ErrorId"/> and the category named by <see cref="Kind"/>; the command-line tool prints
    /// <see cref="Exception.Message"/> and exits with 1. Anything else thrown from Core is a bug.
    /// </summary>
    public abstract class InferenceLabException : Exception
    {
        /// <summary>Creates the error; control characters in the message (file text quoted in it) are escaped, so it prints as one line.</summary>
        protected InferenceLabException(string errorId, ErrorKind kind, string? field, string message, Exception? inner = null)
            : base(PrintableText.Of(message), inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Field = field;
        }

        /// <summary>A stable identifier of this kind of error, e.g. <c>BatchSizeNotPositive</c>.</summary>
        public string ErrorId { get; }

        /// <summary>The category of bad input.</summary>
        public ErrorKind Kind { get; }

        /// <summary>The parameter or file field at fault, when there is one (e.g. <c>BatchSize</c>, <c>num_key_value_heads</c>).</summary>
        public string? Field { get; }
    }
}
