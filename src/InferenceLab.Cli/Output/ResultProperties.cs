using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// The properties a result object shows in JSON and CSV: its public instance properties in declaration order. The
    /// PowerShell cmdlets output the same Core objects, so both front ends share one schema by construction.
    /// </summary>
    internal static class ResultProperties
    {
        private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> Cache = new ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>>();

        /// <summary>The public instance properties of <paramref name="type"/>, in declaration (metadata) order.</summary>
        public static IReadOnlyList<PropertyInfo> Of(Type type) =>
            Cache.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod != null)
                .OrderBy(p => p.MetadataToken)
                .ToArray());

        /// <summary>True for values printed as one scalar: text, numbers, booleans and enums.</summary>
        public static bool IsScalar(object value) =>
            value is string || value is bool || value is Enum || value.GetType().IsPrimitive || value is decimal;
    }
}
