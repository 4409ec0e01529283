using System;
using System.Collections;
using System.Text.Json;

namespace InferenceLab.Cli.Output
{
    /// <summary>
    /// Writes a Core result object as JSON: properties by their C# names, numbers in base units as exact round-trip
    /// values, enums by name (as PowerShell's <c>ConvertTo-Json -EnumsAsStrings</c> and <c>Export-Csv</c> write them),
    /// lists as arrays and nested objects (a weight format, a step's operators) as objects.
    /// </summary>
    internal static class JsonValues
    {
        /// <summary>Writes one value: null, a scalar, a list or an object.</summary>
        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case Enum named:
                    writer.WriteStringValue(named.ToString());
                    break;
                case int whole:
                    writer.WriteNumberValue(whole);
                    break;
                case long wide:
                    writer.WriteNumberValue(wide);
                    break;
                case double real:
                    writer.WriteNumberValue(real);
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    WriteObject(writer, value);
                    break;
            }
        }

        /// <summary>Writes an object with every property <see cref="ResultProperties"/> lists.</summary>
        public static void WriteObject(Utf8JsonWriter writer, object value)
        {
            if (ResultProperties.IsScalar(value))
            {
                throw new ArgumentException("A " + value.GetType().Name + " is not an object with properties.", nameof(value));
            }

            writer.WriteStartObject();
            foreach (var property in ResultProperties.Of(value.GetType()))
            {
                writer.WritePropertyName(property.Name);
                Write(writer, property.GetValue(value));
            }

            writer.WriteEndObject();
        }
    }
}
