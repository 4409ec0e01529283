using System;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Turns a GPU name given to -Hardware (or a result's HardwareName bound by property name) into the GPU. An empty name,
    /// as a result computed without a GPU carries, means no GPU.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class HardwareTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            try
            {
                return Resolve(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
            }
            catch (InferenceLabException error)
            {
                throw new ArgumentTransformationMetadataException(error.Message, error);
            }
        }

        /// <summary>A string becomes the GPU of that name, an empty one no GPU; anything else passes through.</summary>
        /// <exception cref="InferenceLabException">No GPU of that name, or a user catalog that cannot be read.</exception>
        internal static object? Resolve(object? input)
        {
            if (input is string name)
            {
                return string.IsNullOrWhiteSpace(name) ? null : (object)SessionCatalog.GetHardware(name);
            }

            return input;
        }
    }
}
