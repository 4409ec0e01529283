using System;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;
using InferenceLab.Core.Models;

namespace InferenceLab.PowerShell.Catalog
{
    /// <summary>
    /// Turns a model name given to -Model (or a result's ModelName bound by property name) into the model: a model the
    /// session made, else the catalog entry of that name or alias. Objects pass through. An unknown name fails the binding
    /// of that argument or pipeline item; the message is Core's, with the nearest names, and the record's exception holds
    /// Core's NotFoundException (ModelNotFound) as its inner exception.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ModelTransformationAttribute : ArgumentTransformationAttribute
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

        /// <summary>A string becomes the model of that name; anything else passes through for the binder to judge.</summary>
        /// <exception cref="InferenceLabException">No model of that name, or a user catalog that cannot be read.</exception>
        internal static object? Resolve(object? input) =>
            input is string name && !string.IsNullOrWhiteSpace(name) ? SessionCatalog.GetModel(name) : input;
    }
}
