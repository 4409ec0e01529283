namespace InferenceLab.Core.Charts
{
    /// <summary>How an axis of a line chart maps values to distance.</summary>
    public enum AxisScale
    {
        /// <summary>Logarithmic when the values are all positive, span more than a decade and a half and bunch at the low end (a doubling sweep); linear otherwise.</summary>
        Auto,

        /// <summary>Equal steps for equal differences.</summary>
        Linear,

        /// <summary>Equal steps for equal ratios (base-10 decades); every value must be positive.</summary>
        Log,
    }
}
