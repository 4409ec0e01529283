using System;
using System.Collections.Generic;
using System.Linq;

namespace InferenceLab.Core.Catalog
{
    /// <summary>A model or GPU loaded from a file or looked up by name, with what the import had to say about it.</summary>
    /// <typeparam name="T"><see cref="Models.ModelSpec"/> or <see cref="Hardware.HardwareSpec"/>.</typeparam>
    public sealed class ImportResult<T>
        where T : class
    {
        /// <summary>Creates the result.</summary>
        /// <param name="value">The loaded entry.</param>
        /// <param name="file">The file it came from; empty for a catalog look-up by name.</param>
        /// <param name="warnings">Fields that were missing with a default, present but unknown, or approximated.</param>
        public ImportResult(T value, string? file, IReadOnlyList<string>? warnings)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
            File = file ?? string.Empty;
            Warnings = warnings?.Select(PrintableText.Of).ToArray() ?? Array.Empty<string>();
        }

        /// <summary>The loaded entry.</summary>
        public T Value { get; }

        /// <summary>The file the entry came from; empty when it was looked up by name.</summary>
        public string File { get; }

        /// <summary>Warnings of the import, one sentence each, naming the field.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
