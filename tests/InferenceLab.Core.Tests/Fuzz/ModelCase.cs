using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using InferenceLab.Core;
using InferenceLab.Core.Models;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// The fields of a <see cref="ModelSpec"/> as plain numbers, so a real architecture can be mutated field by field
    /// (zero, negative, huge, k &gt; E, MLA with zero ranks, windows past the context...) and printed as a reproducible case.
    /// </summary>
    internal sealed class ModelCase
    {
        /// <summary>The numeric fields, in <see cref="Names"/> order.</summary>
        public static readonly string[] Names =
        {
            "LayerCount", "HiddenSize", "AttentionHeadCount", "KeyValueHeadCount", "IntermediateSize", "VocabularySize", "MaxPositionEmbeddings",
            "HeadDimension", "SlidingWindowSize", "SlidingWindowLayerCount", "ExpertCount", "ExpertsPerToken", "ExpertIntermediateSize",
            "SharedExpertIntermediateSize", "DenseLayerCount", "QLoraRank", "KvLoraRank", "QkRopeHeadDimension", "QkNopeHeadDimension", "ValueHeadDimension",
        };

        private const int WindowLayers = 9;

        private ModelCase(string name, int[] values, bool gated, bool tied, DataType native)
        {
            Name = name;
            Fields = values;
            Gated = gated;
            Tied = tied;
            Native = native;
        }

        /// <summary>Real architectures, from their published config.json files (see each source in TestModels and the catalog).</summary>
        public static IReadOnlyList<ModelCase> Templates { get; } = new[]
        {
            // meta-llama/Llama-2-7b-hf config.json: 32 layers, 4096 hidden, 32 heads, MHA, 11008, vocab 32000, 4096 positions.
            new ModelCase("llama-2-7b", new[] { 32, 4096, 32, 32, 11008, 32000, 4096, 128, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, true, false, DataType.Fp16),

            // meta-llama/Meta-Llama-3-8B config.json: GQA 8 KV heads, 14336, vocab 128256, 8192 positions.
            new ModelCase("llama-3-8b", new[] { 32, 4096, 32, 8, 14336, 128256, 8192, 128, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, true, false, DataType.Bf16),

            // mistralai/Mistral-7B-v0.1 config.json: sliding window 4096 on every layer, 32768 positions.
            new ModelCase("mistral-7b-v0.1", new[] { 32, 4096, 32, 8, 14336, 32000, 32768, 128, 4096, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, true, false, DataType.Bf16),

            // mistralai/Mixtral-8x7B-v0.1 config.json: 8 experts, 2 per token, expert width 14336.
            new ModelCase("mixtral-8x7b", new[] { 32, 4096, 32, 8, 0, 32000, 32768, 128, 0, -1, 8, 2, 14336, 0, 0, 0, 0, 0, 0, 0 }, true, false, DataType.Bf16),

            // deepseek-ai/DeepSeek-V3 config.json: MLA (q 1536, kv 512, rope 64, nope 128, v 128), 256 experts of 2048, 8 per token, 1 shared, 3 dense layers.
            new ModelCase("deepseek-v3", new[] { 61, 7168, 128, 128, 18432, 129280, 163840, 0, 0, -1, 256, 8, 2048, 2048, 3, 1536, 512, 64, 128, 128 }, true, false, DataType.Bf16),

            // google/gemma-2-9b config.json: head_dim 256, window 4096 on alternating layers (21 of 42), tied embeddings.
            new ModelCase("gemma-2-9b", new[] { 42, 3584, 16, 8, 14336, 256000, 8192, 256, 4096, 21, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, true, true, DataType.Bf16),

            // A toy model so the arithmetic also runs where every term is small.
            new ModelCase("toy", new[] { 2, 64, 4, 2, 128, 100, 512, 16, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, false, true, DataType.Fp32),
        };

        public string Name { get; }

        public int[] Fields { get; }

        public bool Gated { get; }

        public bool Tied { get; }

        public DataType Native { get; }

        /// <summary>A template with up to four fields replaced: by ordinary values, or with <paramref name="chaos"/> above 0 also by extreme ones.</summary>
        public static Gen<ModelCase> Gen(int chaos) =>
            from template in FsCheck.Fluent.Gen.Elements(Templates.ToArray())
            from mutations in FsCheck.Fluent.Gen.Choose(0, chaos == 0 ? 0 : 4)
            from fields in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, Names.Length - 1), mutations)
            from values in FsCheck.Fluent.Gen.ArrayOf(Values.Int(0, 300, chaos), mutations)
            from tied in FsCheck.Fluent.Gen.Frequency((5, FsCheck.Fluent.Gen.Constant(template.Tied)), (1, FsCheck.Fluent.Gen.Constant(!template.Tied)))
            from native in FsCheck.Fluent.Gen.Frequency((5, FsCheck.Fluent.Gen.Constant(template.Native)), (1, FsCheck.Fluent.Gen.Elements((DataType[])Enum.GetValues(typeof(DataType)))))
            select template.With(fields, values, tied, native);

        /// <summary>Builds the model; the constructor validates.</summary>
        public ModelSpec Build()
        {
            int[] f = Fields;
            return new ModelSpec(
                Name, f[0], f[1], f[2], f[3], f[4], f[5], f[6], headDimension: f[7], gatedMlp: Gated, tiedEmbeddings: Tied, nativeType: Native,
                slidingWindowSize: f[8], slidingWindowLayerCount: f[WindowLayers] < 0 ? (int?)null : f[WindowLayers],
                expertCount: f[10], expertsPerToken: f[11], expertIntermediateSize: f[12], sharedExpertIntermediateSize: f[13], denseLayerCount: f[14],
                qLoraRank: f[15], kvLoraRank: f[16], qkRopeHeadDimension: f[17], qkNopeHeadDimension: f[18], valueHeadDimension: f[19]);
        }

        public override string ToString() =>
            $"model {Name} ({string.Join(", ", Names.Select((n, i) => n + "=" + Fields[i]))}, gated={Gated}, tied={Tied}, native={Native})";

        private ModelCase With(int[] fields, int[] values, bool tied, DataType native)
        {
            var copy = (int[])Fields.Clone();
            for (int i = 0; i < fields.Length; i++)
            {
                copy[fields[i]] = values[i];
            }

            return new ModelCase(Name, copy, Gated, tied, native);
        }
    }
}
