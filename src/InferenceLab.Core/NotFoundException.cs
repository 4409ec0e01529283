using System;
using System.Collections.Generic;

namespace InferenceLab.Core
{
    /// <summary>A model or hardware name that no catalog holds; carries the nearest names.</summary>
    public sealed class NotFoundException : InferenceLabException
    {
        /// <summary>Creates the error.</summary>
        /// <param name="errorId">Stable identifier, e.g. <c>ModelNotFound</c>.</param>
        /// <param name="field">The parameter that named it, e.g. <c>Model</c>.</param>
        /// <param name="name">The name that was looked up.</param>
        /// <param name="suggestions">The nearest catalog names, best first.</param>
        /// <param name="message">The full message, suggestions included.</param>
        public NotFoundException(string errorId, string field, string name, IReadOnlyList<string> suggestions, string message)
            : base(errorId, ErrorKind.ObjectNotFound, field, message)
        {
            Name = name;
            Suggestions = suggestions;
        }

        /// <summary>The name that was not found.</summary>
        public string Name { get; }

        /// <summary>The nearest names in the catalog, best first.</summary>
        public IReadOnlyList<string> Suggestions { get; }
    }
}
