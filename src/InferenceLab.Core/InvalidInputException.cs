using System;

namespace InferenceLab.Core
{
    /// <summary>A value out of range or inconsistent with the model or hardware (DESIGN §9).</summary>
    public sealed class InvalidInputException : InferenceLabException
    {
        /// <summary>Creates the error.</summary>
        /// <param name="errorId">Stable identifier, e.g. <c>TensorParallelDoesNotDivideHeads</c>.</param>
        /// <param name="field">The parameter at fault, named as the cmdlets name it.</param>
        /// <param name="message">A sentence that names the field, the value and what is allowed.</param>
        public InvalidInputException(string errorId, string field, string message)
            : base(errorId, ErrorKind.InvalidArgument, field, message)
        {
        }
    }
}
