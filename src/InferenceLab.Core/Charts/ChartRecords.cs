using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace InferenceLab.Core.Charts
{
    /// <summary>Turns result objects into the property records <see cref="LineChartBuilder"/> reads.</summary>
    public static class ChartRecords
    {
        /// <summary>
        /// The public instance properties of <paramref name="result"/> by name (case-insensitive), as the command-line tool
        /// charts its results. (The PowerShell cmdlet reads PSObject properties instead, so Select-Object output works too.)
        /// </summary>
        /// <exception cref="InvalidInputException">The object is null.</exception>
        public static IReadOnlyDictionary<string, object?> FromObject(object result)
        {
            ChartChecks.Require(result != null, "ChartRecordNull", "InputObject", "A chart record must not be null.");
            var record = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in result!.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
            {
                record[property.Name] = property.GetValue(result);
            }

            return record;
        }
    }
}
