using System;

namespace InferenceLab.Cli.Output
{
    /// <summary>One column of table output: a header with its unit and how a result object shows in it.</summary>
    internal sealed class TableColumn
    {
        /// <summary>Creates a column.</summary>
        /// <param name="header">Heading, unit included (<c>TTFT ms</c>).</param>
        /// <param name="cell">The cell text of a result object.</param>
        /// <param name="numeric">True to right-align (numbers).</param>
        public TableColumn(string header, Func<object, string> cell, bool numeric)
        {
            Header = header;
            Cell = cell;
            Numeric = numeric;
        }

        /// <summary>Heading, unit included.</summary>
        public string Header { get; }

        /// <summary>The cell text of a result object.</summary>
        public Func<object, string> Cell { get; }

        /// <summary>True when the column is right-aligned.</summary>
        public bool Numeric { get; }
    }
}
