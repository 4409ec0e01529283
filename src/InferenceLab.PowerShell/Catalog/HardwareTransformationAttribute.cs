using System;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Turns a GPU name given to -Hardware (or a result's HardwareName bound by property name) into the GPU. An empty name,
    /// as a result computed without a GPU carries, means no GPU; a name that does not resolve becomes a stand-in carrying
    /// Core's error (<see cref="UnresolvedSpecs"/>). A model's name is left as it is, for -Model to take (see
    /// <see cref="ModelTransformationAttribute"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class HardwareTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            Resolve(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);

        /// <summary>A string becomes the GPU of that name, an empty one no GPU, a miss a stand-in; anything else passes through.</summary>
        internal static object? Resolve(object? input)
        {
            if (!(input is string name))
            {
                return input;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            try
            {
                return SessionCatalog.GetHardware(name);
            }
            catch (NotFoundException) when (SessionCatalog.IsModelName(name))
            {
                return input;
            }
            catch (InferenceLabException error)
            {
                return UnresolvedSpecs.Hardware(name, error);
            }
        }
    }
}
