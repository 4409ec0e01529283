using System;

namespace InferenceLab.Fuzz
{
    /// <summary>A result or error that breaks the fuzz invariant.</summary>
    internal sealed class InvariantViolation : Exception
    {
        public InvariantViolation(string message)
            : base(message)
        {
        }
    }
}
