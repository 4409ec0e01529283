using System;
using System.IO;
using System.Threading;

namespace InferenceLab.Fuzz
{
    /// <summary>The files the command-line fuzz names: good and broken configs, catalogs and traces, chart paths; deleted on dispose.</summary>
    internal sealed class FuzzFiles : IDisposable
    {
        private int charts;

        public FuzzFiles()
        {
            Folder = Path.Combine(Path.GetTempPath(), "inferencelab-cli-fuzz-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            Missing = Path.Combine(Folder, "missing", "nothing.json");

            // Values of meta-llama/Llama-3.1-8B's config.json (https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json).
            ModelConfig = Write("config.json",
                "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\", \"hidden_size\": 4096, \"intermediate_size\": 14336, " +
                "\"num_attention_heads\": 32, \"num_hidden_layers\": 32, \"num_key_value_heads\": 8, \"vocab_size\": 128256, " +
                "\"max_position_embeddings\": 131072, \"tie_word_embeddings\": false, \"torch_dtype\": \"bfloat16\"}");
            OddConfig = Write("odd-config.json",
                "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\", \"hidden_size\": 4096, \"intermediate_size\": 14336, " +
                "\"num_attention_heads\": 32, \"num_hidden_layers\": 32, \"num_key_value_heads\": 8, \"vocab_size\": 128256, " +
                "\"max_position_embeddings\": 131072, \"odd\\nkey\\u001b[31m\": 1, \"rope_scaling\": {\"rope_type\": \"x\\r\\ny\"}, \"torch_dtype\": \"bfloat16\"}");
            BrokenConfig = Write("broken-config.json", "{\"model_type\": \"llama\", \"hidden_size\": \"4096\", \"num_hidden_layers\": null");

            // The A10's datasheet figures: 24 GB, 600 GB/s, 125 TFLOP/s dense bf16/fp16 (NVIDIA A10 datasheet).
            GpuEntry = Write("gpu.yaml", "name: fuzz-a10\nmemory_bytes: 25769803776\nmemory_bandwidth_bytes_per_second: 600e9\npeak_flops_per_second: { bf16: 125e12, fp16: 125e12 }\n");
            Catalog = Write("catalog.yaml", "gpus:\n  - name: fuzz-gpu\n    memory_bytes: 25769803776\n    memory_bandwidth_bytes_per_second: 600e9\n    peak_flops_per_second: { bf16: 125e12 }\n");
            BrokenCatalog = Write("broken.yaml", "models:\n  - name: x\n    layers: [1, 2\n");
            Trace = Write("trace.csv", "arrival,prompt,output\n0,128,16\n0.5,512,32\n1.0,64,8\n");
            BrokenTrace = Write("broken-trace.csv", "0,128\nx,1,2\n-1,5,5\n");
        }

        public string Folder { get; }

        public string Missing { get; }

        public string ModelConfig { get; }

        /// <summary>A real config with a key and a value holding a newline and an ANSI escape (as JSON escapes).</summary>
        public string OddConfig { get; }

        public string BrokenConfig { get; }

        public string GpuEntry { get; }

        public string Catalog { get; }

        public string BrokenCatalog { get; }

        public string Trace { get; }

        public string BrokenTrace { get; }

        /// <summary>A new chart file path in the folder.</summary>
        public string ChartPath() => Path.Combine(Folder, "chart-" + Interlocked.Increment(ref charts) + ".svg");

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private string Write(string name, string text)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
