using System;
using System.Globalization;

namespace InferenceLab.Core.Models
{
    /// <summary>Counts a model's parameters from its architecture (DESIGN §3, §8).</summary>
    public static class ParameterCounter
    {
        /// <summary>The largest total a model may have: beyond it, byte counts lose integer precision.</summary>
        public const double MaxParameters = 1e15;

        /// <summary>Total and active parameters, and the count of each part.</summary>
        /// <exception cref="InvalidInputException">The architecture implies more than <see cref="MaxParameters"/> parameters.</exception>
        public static ParameterCounts Count(ModelSpec model)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return model.Parameters;
        }

        internal static ParameterCounts Compute(ModelSpec model)
        {
            var shapes = LayerShapes.For(model, 1);
            int denseLayers = model.LayerCount - model.MoeLayerCount;
            int moeLayers = model.MoeLayerCount;
            double attention = model.LayerCount * (shapes.AttentionLinear + shapes.AttentionBias);
            double total = shapes.Embedding + shapes.LmHead + attention + denseLayers * shapes.DenseMlp
                + moeLayers * (model.ExpertCount * shapes.OneExpert + shapes.SharedExperts + shapes.Router)
                + model.LayerCount * shapes.NormsPerLayer + shapes.FinalNorm;
            if (total > MaxParameters)
            {
                throw new InvalidInputException(
                    "ModelTooLarge",
                    "LayerCount",
                    string.Format(CultureInfo.InvariantCulture, "LayerCount, HiddenSize and the other dimensions of '{0}' imply {1:E3} parameters; InferenceLab accepts at most {2:E0}.", model.Name, total, MaxParameters));
            }

            return new ParameterCounts(
                embedding: (long)shapes.Embedding,
                lmHead: (long)shapes.LmHead,
                attention: (long)attention,
                denseMlp: (long)(denseLayers * shapes.DenseMlp),
                routedExperts: (long)(moeLayers * model.ExpertCount * shapes.OneExpert),
                activeRoutedExperts: (long)(moeLayers * model.ExpertsPerToken * shapes.OneExpert),
                sharedExperts: (long)(moeLayers * shapes.SharedExperts),
                routers: (long)(moeLayers * shapes.Router),
                norms: (long)(model.LayerCount * shapes.NormsPerLayer + shapes.FinalNorm));
        }
    }
}
