using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InferenceLab.Cli.Output
{
    /// <summary>Prints results as one indented JSON array, streaming each object as it comes; an empty run prints <c>[]</c>.</summary>
    internal sealed class JsonResultWriter : IResultWriter
    {
        private readonly TextWriter output;
        private readonly MemoryStream buffer = new MemoryStream();
        private readonly Utf8JsonWriter json;

        /// <summary>Starts the array.</summary>
        public JsonResultWriter(TextWriter output)
        {
            this.output = output;
            // Names such as "llama-2-7b" or "NVIDIA H100 80GB HBM3" stay readable; the output is never embedded in HTML.
            json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
        }

        /// <inheritdoc />
        public void Write(object result)
        {
            JsonValues.WriteObject(json, result);
            Drain();
        }

        /// <inheritdoc />
        public void Complete()
        {
            json.WriteEndArray();
            Drain();
            output.WriteLine();
            output.Flush();
        }

        private void Drain()
        {
            json.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }
    }
}
