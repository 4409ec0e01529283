using System.Collections.Generic;
using System.Runtime.CompilerServices;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Stand-ins for names the transformations could not resolve. An exception thrown from an argument transformation
    /// becomes PowerShell's own ParameterArgumentTransformationError (InvalidData), and for a command-line argument a
    /// terminating one. So the transformation returns a stand-in that carries Core's error instead, binding succeeds, and
    /// the cmdlet reports that error for the item (ModelNotFound or HardwareNotFound, ObjectNotFound, nearest names
    /// included) without computing anything with the stand-in (DESIGN §9). The table is weak: a stand-in and its error go
    /// when the binding that made them does.
    /// </summary>
    internal static class UnresolvedSpecs
    {
        private static readonly ConditionalWeakTable<object, Unresolved> Errors = new ConditionalWeakTable<object, Unresolved>();

        /// <summary>A model that stands for <paramref name="name"/>, which failed with <paramref name="error"/>.</summary>
        public static ModelSpec Model(string name, InferenceLabException error)
        {
            var standIn = new ModelSpec("unresolved " + name, 1, 1, 1, 1, 1, 1, 1);
            Errors.Add(standIn, new Unresolved(name, error));
            return standIn;
        }

        /// <summary>A GPU that stands for <paramref name="name"/>, which failed with <paramref name="error"/>.</summary>
        public static HardwareSpec Hardware(string name, InferenceLabException error)
        {
            var standIn = new HardwareSpec("unresolved " + name, 1, 1, new Dictionary<DataType, double> { [DataType.Fp32] = 1 });
            Errors.Add(standIn, new Unresolved(name, error));
            return standIn;
        }

        /// <summary>The name and error a stand-in carries; null for a real model or GPU.</summary>
        public static Unresolved? Of(object? spec) => spec != null && Errors.TryGetValue(spec, out var unresolved) ? unresolved : null;

        /// <summary>A name as it was given and why it did not resolve.</summary>
        internal sealed class Unresolved
        {
            public Unresolved(string name, InferenceLabException error)
            {
                Name = name;
                Error = error;
            }

            public string Name { get; }

            public InferenceLabException Error { get; }
        }
    }
}
