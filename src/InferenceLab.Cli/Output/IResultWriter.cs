namespace InferenceLab.Cli.Output
{
    /// <summary>Prints the result objects of one command in one format.</summary>
    internal interface IResultWriter
    {
        /// <summary>Prints, or buffers, one result object.</summary>
        void Write(object result);

        /// <summary>Completes the output (closes a JSON array, prints a buffered table).</summary>
        void Complete();
    }
}
