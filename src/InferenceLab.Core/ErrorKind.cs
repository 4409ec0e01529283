namespace InferenceLab.Core
{
    /// <summary>
    /// What kind of bad input an <see cref="InferenceLabException"/> reports. The names match PowerShell's
    /// ErrorCategory values the cmdlets report them under (DESIGN §9).
    /// </summary>
    public enum ErrorKind
    {
        /// <summary>A value out of range or inconsistent with the model (batch 0, TP not dividing the heads).</summary>
        InvalidArgument,

        /// <summary>A name that no catalog holds.</summary>
        ObjectNotFound,

        /// <summary>A catalog or config file whose content is malformed, partial or unsupported.</summary>
        InvalidData,

        /// <summary>A file that cannot be read at all (missing, too large, not text).</summary>
        ReadError,
    }
}
