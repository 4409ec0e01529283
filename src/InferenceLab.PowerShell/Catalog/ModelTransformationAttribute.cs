using System;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Turns a model name given to -Model (or a result's ModelName bound by property name) into the model: a model the
    /// session made, else the catalog entry of that name or alias. Objects pass through. A name that does not resolve
    /// becomes a stand-in carrying Core's error (<see cref="UnresolvedSpecs"/>), which the cmdlet reports for that item.
    /// A GPU's name is left as it is: PowerShell offers a string piped by value to every pipeline parameter, -Model and
    /// -Hardware both, and the string then fails to bind here quietly while -Hardware takes it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ModelTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            Resolve(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);

        /// <summary>A string becomes the model of that name, or a stand-in for the miss; anything else passes through.</summary>
        internal static object? Resolve(object? input)
        {
            if (!(input is string name) || string.IsNullOrWhiteSpace(name))
            {
                return input;
            }

            try
            {
                return SessionCatalog.GetModel(name);
            }
            catch (NotFoundException) when (SessionCatalog.IsHardwareName(name))
            {
                return input;
            }
            catch (InferenceLabException error)
            {
                return UnresolvedSpecs.Model(name, error);
            }
        }
    }
}
