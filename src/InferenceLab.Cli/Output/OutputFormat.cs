namespace InferenceLab.Cli.Output
{
    /// <summary>How results are printed (<c>--format</c>).</summary>
    internal enum OutputFormat
    {
        /// <summary>Aligned columns in human units (GiB, ms, TFLOP/s); a few columns per command. The default.</summary>
        Table,

        /// <summary>RFC 4180 CSV of every property of the Core result objects, base units, invariant culture.</summary>
        Csv,

        /// <summary>A JSON array of the Core result objects, every property in base units.</summary>
        Json,
    }
}
