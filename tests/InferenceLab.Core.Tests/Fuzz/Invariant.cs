using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using InferenceLab.Core;
using InferenceLab.Core.Cost;
using InferenceLab.Core.Memory;

namespace InferenceLab.Fuzz
{
    /// <summary>
    /// The invariant of issue 10 for one Core call: a result whose every number is finite and not negative and whose
    /// totals agree with their parts, or an <see cref="InferenceLabException"/> whose message names the field at fault.
    /// Any other exception escapes and the fuzz runner records it.
    /// </summary>
    internal static class Invariant
    {
        /// <summary>How often each documented error was seen, for the run's report.</summary>
        public static readonly System.Collections.Generic.Dictionary<string, int> ErrorCounts = new System.Collections.Generic.Dictionary<string, int>();

        /// <summary>The most frequent errors seen so far, most frequent first.</summary>
        public static string TopErrors(int count)
        {
            lock (ErrorCounts)
            {
                return string.Join(", ", ErrorCounts.OrderByDescending(p => p.Value).Take(count).Select(p => p.Key + " " + p.Value));
            }
        }

        /// <summary>Runs <paramref name="call"/>; returns its checked result, or default when it reported bad input properly.</summary>
        public static T? Call<T>(string what, Func<T> call)
        {
            T result;
            try
            {
                result = call();
            }
            catch (InferenceLabException e)
            {
                CheckError(e, what);
                return default;
            }

            CheckResult(result, what);
            return result;
        }

        /// <summary>
        /// Runs <paramref name="call"/> whose result holds user data rather than sizes (a chart's points may be negative);
        /// only an error is checked. Returns the result, or default when it reported bad input properly.
        /// </summary>
        public static T? CallForData<T>(string what, Func<T> call)
        {
            try
            {
                return call();
            }
            catch (InferenceLabException e)
            {
                CheckError(e, what);
                return default;
            }
        }

        /// <summary>A documented error: it has an id, and its message is one line that names its field.</summary>
        public static void CheckError(InferenceLabException e, string what)
        {
            lock (ErrorCounts)
            {
                ErrorCounts[e.ErrorId] = ErrorCounts.TryGetValue(e.ErrorId, out int n) ? n + 1 : 1;
            }

            Fail(string.IsNullOrEmpty(e.ErrorId), what, "error without an id: " + e.Message);
            Fail(string.IsNullOrWhiteSpace(e.Message), what, e.ErrorId + " has an empty message");
            if (e is InvalidInputException || e is NotFoundException)
            {
                Fail(string.IsNullOrEmpty(e.Field), what, e.ErrorId + " does not say which field is at fault: " + e.Message);
                // InputObject is the pipeline, not a parameter a user types: its errors name the records instead.
                Fail(e.Field != "InputObject" && e.Message.IndexOf(e.Field!, StringComparison.OrdinalIgnoreCase) < 0, what, e.ErrorId + " does not name its field '" + e.Field + "': " + e.Message);
            }
            else if (e is CatalogDataException data)
            {
                Fail(!e.Message.StartsWith(data.File, StringComparison.Ordinal), what, e.ErrorId + " does not name its file: " + e.Message);

                // A parser's or reader's own exception may be the cause; anything else is a bug a catch-all turned into bad data.
                var inner = e.InnerException;
                Fail(
                    inner != null && !(inner is YamlDotNet.Core.YamlException || inner is System.Text.DecoderFallbackException || inner is System.IO.IOException || inner is UnauthorizedAccessException || inner is InvalidInputException
                        || (inner is InvalidOperationException && inner.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)),
                    what,
                    e.ErrorId + " hides a " + inner?.GetType().Name + ": " + inner?.Message + " at " + inner?.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
            }
        }

        /// <summary>Every number finite and not negative, and the totals consistent.</summary>
        public static void CheckResult(object? result, string what)
        {
            if (result == null)
            {
                return;
            }

            if (result is double d)
            {
                Number(d, what);
                return;
            }

            Numbers(result, what, 0);
            switch (result)
            {
                case MemoryEstimate m:
                    Same(m.TotalBytes, m.WeightBytes + m.KvCacheBytes + m.ActivationBytes + m.ReserveBytes, what + ".TotalBytes = sum of parts");
                    if (m.UsableBytes != null)
                    {
                        Fail(m.Fits != (m.TotalBytes <= m.UsableBytes), what, $"Fits = {m.Fits} but TotalBytes {m.TotalBytes} vs UsableBytes {m.UsableBytes}");
                        Same(m.UsableBytes.Value - m.TotalBytes, (m.HeadroomBytes ?? 0) - (m.ShortfallBytes ?? 0), what + ": headroom − shortfall = usable − total");
                    }

                    break;
                case MaxContextResult c:
                    Same(c.TotalBytes, c.WeightBytes + c.KvCacheBytes + c.ActivationBytes + c.ReserveBytes, what + ".TotalBytes = sum of parts");
                    Fail(c.MaxContextLength > c.ModelMaxPositions, what, "MaxContextLength beyond the position limit");
                    Fail(c.MaxContextLength > 0 && c.TotalBytes > c.UsableBytes, what, "the reported context does not fit");
                    break;
                case EngineMaxContextResult e:
                    Fail(e.MaxContextLength > (e.MaxModelLength ?? e.ModelMaxPositions), what, "MaxContextLength beyond the cap");
                    Fail(e.KvCacheBlocksNeeded > e.KvCacheBlocks, what, "the reported context does not fit the pool");
                    break;
                case MaxBatchResult b:
                    Same(b.TotalBytes, b.WeightBytes + b.KvCacheBytes + b.ActivationBytes + b.ReserveBytes, what + ".TotalBytes = sum of parts");
                    Fail(b.MaxBatchSize > 0 && b.TotalBytes > b.UsableBytes, what, "the reported batch does not fit");
                    Fail(b.MaxBatchSize > Scenario.MaxBatchSize, what, "MaxBatchSize above the accepted maximum");
                    break;
                case StepCost s:
                    Same(s.Flops, s.Operators.Sum(o => o.Flops), what + ".Flops = sum over operators");
                    Same(s.BytesRead, s.Operators.Sum(o => o.BytesRead), what + ".BytesRead = sum over operators");
                    break;
                case Core.Time.LatencyEstimate l:
                    Same(l.EndToEndSeconds, l.TimeToFirstTokenSeconds + l.DecodeSeconds, what + ".EndToEndSeconds = TTFT + decode");
                    Fail(!(l.TimeToFirstTokenSeconds > 0), what, "TTFT is not positive");
                    break;
            }
        }

        private static void Numbers(object result, string path, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            if (result is IEnumerable list && !(result is string))
            {
                int i = 0;
                foreach (var item in list)
                {
                    Element(item, path + "[" + i++ + "]", depth);
                }

                return;
            }

            foreach (var property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Element(property.GetValue(result), path + "." + property.Name, depth);
            }
        }

        private static void Element(object? value, string path, int depth)
        {
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case Enum _:
                    return;
                case double d:
                    Number(d, path);
                    return;
                case float f:
                    Number(f, path);
                    return;
                case int i:
                    Fail(i < 0, path, "negative: " + i);
                    return;
                case long l:
                    Fail(l < 0, path, "negative: " + l);
                    return;
                default:
                    if (value.GetType().Namespace?.StartsWith("InferenceLab", StringComparison.Ordinal) == true || value is IEnumerable)
                    {
                        Numbers(value, path, depth + 1);
                    }

                    return;
            }
        }

        private static void Number(double value, string path) =>
            Fail(double.IsNaN(value) || double.IsInfinity(value) || value < 0, path, "not a finite non-negative number: " + value);

        private static void Same(double actual, double expected, string what) =>
            Fail(Math.Abs(actual - expected) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(actual), Math.Abs(expected))), what, $"{actual} ≠ {expected}");

        private static void Fail(bool broken, string what, string problem)
        {
            if (broken)
            {
                throw new InvariantViolation(what + ": " + problem);
            }
        }
    }
}
