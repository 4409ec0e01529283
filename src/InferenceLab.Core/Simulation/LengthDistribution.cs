using System;
using System.Collections.Generic;
using System.Globalization;

namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// How many tokens a simulated request's prompt or output has: a fixed length, a uniform range, or a log-normal
    /// spread around a mean. The text form (<c>2048</c>, <c>uniform:128:4096</c>, <c>lognormal:1024:0.6:8192</c>) is what
    /// the cmdlet and the command-line tool accept and what results carry.
    /// </summary>
    public sealed class LengthDistribution
    {
        /// <summary>Largest accepted length or mean, in tokens.</summary>
        public const int MaxTokens = 1_000_000_000;

        /// <summary>Largest accepted log-normal sigma; e^(5·2.33) already spans a factor of 10^5 at the 99th percentile.</summary>
        public const double MaxSigma = 5;

        private const string Grammar = "give a token count (2048), uniform:MIN:MAX, or lognormal:MEAN:SIGMA[:MAX]";

        private LengthDistribution(LengthDistributionKind kind, int minimumTokens, int maximumTokens, double meanTokens, double sigma)
        {
            Kind = kind;
            MinimumTokens = minimumTokens;
            MaximumTokens = maximumTokens;
            MeanTokens = meanTokens;
            Sigma = sigma;
        }

        /// <summary>The shape.</summary>
        public LengthDistributionKind Kind { get; }

        /// <summary>The shortest length drawn: the fixed length, the range's low end, or 1 for log-normal.</summary>
        public int MinimumTokens { get; }

        /// <summary>The longest length drawn; 0 for a log-normal without an upper clamp.</summary>
        public int MaximumTokens { get; }

        /// <summary>The mean: the fixed length, the range's midpoint, or the log-normal's mean before clamping.</summary>
        public double MeanTokens { get; }

        /// <summary>The log-normal's sigma (standard deviation of ln length); 0 otherwise.</summary>
        public double Sigma { get; }

        /// <summary>Every request has <paramref name="tokens"/> tokens.</summary>
        /// <exception cref="InvalidInputException">Fewer than 1 or more than <see cref="MaxTokens"/> tokens.</exception>
        public static LengthDistribution Fixed(int tokens) => CreateFixed(tokens, "Length");

        /// <summary>Lengths uniform over the whole numbers from <paramref name="minimumTokens"/> to <paramref name="maximumTokens"/>, both included.</summary>
        /// <exception cref="InvalidInputException">A bound below 1, above <see cref="MaxTokens"/>, or the range reversed.</exception>
        public static LengthDistribution Uniform(int minimumTokens, int maximumTokens) => CreateUniform(minimumTokens, maximumTokens, "Length");

        /// <summary>
        /// Log-normal lengths with mean <paramref name="meanTokens"/> and sigma <paramref name="sigma"/>: e^(μ + σZ) with
        /// μ = ln(mean) − σ²/2, rounded to a whole token and clamped to [1, <paramref name="maximumTokens"/>] (0: no upper clamp).
        /// Clamping moves the mean slightly when a bound is near it.
        /// </summary>
        /// <exception cref="InvalidInputException">A mean below 1, sigma outside [0, <see cref="MaxSigma"/>], or a maximum below the mean.</exception>
        public static LengthDistribution LogNormal(double meanTokens, double sigma, int maximumTokens = 0) => CreateLogNormal(meanTokens, sigma, maximumTokens, "Length");

        /// <summary>
        /// Reads the text form: a token count (<c>2048</c> or <c>fixed:2048</c>), <c>uniform:MIN:MAX</c>, or
        /// <c>lognormal:MEAN:SIGMA</c> with an optional <c>:MAX</c>. Errors name <paramref name="field"/>.
        /// </summary>
        /// <exception cref="InvalidInputException">Text that is not one of those forms, or values out of range.</exception>
        public static LengthDistribution Parse(string text, string field)
        {
            string trimmed = (text ?? string.Empty).Trim();
            string[] parts = trimmed.Split(':');
            string kind = parts[0].Trim().ToLowerInvariant();
            if (parts.Length == 1 && TryInt(kind, out int plain))
            {
                return CreateFixed(plain, field);
            }

            if (kind == "fixed" && parts.Length == 2 && TryInt(parts[1], out int fixedTokens))
            {
                return CreateFixed(fixedTokens, field);
            }

            if (kind == "uniform" && parts.Length == 3 && TryInt(parts[1], out int low) && TryInt(parts[2], out int high))
            {
                return CreateUniform(low, high, field);
            }

            if (kind == "lognormal" && (parts.Length == 3 || parts.Length == 4) && TryDouble(parts[1], out double mean) && TryDouble(parts[2], out double sigma))
            {
                int max = 0;
                if (parts.Length == 4 && !TryInt(parts[3], out max))
                {
                    throw Invalid(field, "LengthDistributionInvalid", "{0} '{1}': the maximum '{2}' is not a whole number of tokens; {3}.", field, trimmed, parts[3].Trim(), Grammar);
                }

                return CreateLogNormal(mean, sigma, max, field);
            }

            throw Invalid(field, "LengthDistributionInvalid", "{0} '{1}' is not a length: {2}.", field, trimmed, Grammar);
        }

        /// <summary>
        /// The lengths the cmdlet's and the command line's options give: one fixed length per value of
        /// <paramref name="tokens"/> (each a point of the sweep), or the one distribution in <paramref name="distribution"/>
        /// (its text form); exactly one of the two. Errors name <paramref name="field"/> and <paramref name="field"/>Distribution.
        /// </summary>
        /// <exception cref="InvalidInputException">Both or neither given, or a value out of range.</exception>
        public static IReadOnlyList<LengthDistribution> FromOptions(IReadOnlyList<int>? tokens, string? distribution, string field)
        {
            bool hasTokens = tokens != null && tokens.Count > 0;
            bool hasDistribution = !string.IsNullOrWhiteSpace(distribution);
            string distributionField = field + "Distribution";
            if (hasTokens && hasDistribution)
            {
                throw Invalid(field, "LengthGivenTwice", "Give {0} (token counts) or {1} (a distribution), not both.", field, distributionField);
            }

            if (!hasTokens && !hasDistribution)
            {
                throw Invalid(field, "LengthMissing", "{0} or {1} is required with a request rate or clients.", field, distributionField);
            }

            if (hasDistribution)
            {
                return new[] { Parse(distribution!, distributionField) };
            }

            var fixedLengths = new LengthDistribution[tokens!.Count];
            for (int i = 0; i < fixedLengths.Length; i++)
            {
                fixedLengths[i] = CreateFixed(tokens[i], field);
            }

            return fixedLengths;
        }

        /// <summary>The text form, which <see cref="Parse"/> reads back.</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case LengthDistributionKind.Uniform:
                    return Format("uniform:{0}:{1}", MinimumTokens, MaximumTokens);
                case LengthDistributionKind.LogNormal:
                    string head = Format("lognormal:{0}:{1}", MeanTokens.ToString("R", CultureInfo.InvariantCulture), Sigma.ToString("R", CultureInfo.InvariantCulture));
                    return MaximumTokens > 0 ? head + Format(":{0}", MaximumTokens) : head;
                default:
                    return MinimumTokens.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>Draws one length.</summary>
        internal int Sample(RandomStream random)
        {
            switch (Kind)
            {
                case LengthDistributionKind.Uniform:
                    return MinimumTokens + (int)random.NextBelow((uint)(MaximumTokens - MinimumTokens + 1));
                case LengthDistributionKind.LogNormal:
                    double mu = Math.Log(MeanTokens) - (Sigma * Sigma / 2);
                    double value = Math.Round(Math.Exp(mu + (Sigma * random.NextStandardNormal())));
                    double upper = MaximumTokens > 0 ? MaximumTokens : MaxTokens;
                    return (int)Math.Max(1, Math.Min(upper, value));
                default:
                    return MinimumTokens;
            }
        }

        private static LengthDistribution CreateFixed(int tokens, string field)
        {
            if (tokens < 1 || tokens > MaxTokens)
            {
                throw Invalid(field, "LengthOutOfRange", "{0} must be between 1 and {1} tokens; got {2}.", field, MaxTokens, tokens);
            }

            return new LengthDistribution(LengthDistributionKind.Fixed, tokens, tokens, tokens, 0);
        }

        private static LengthDistribution CreateUniform(int low, int high, string field)
        {
            if (low < 1 || high > MaxTokens || high < low)
            {
                throw Invalid(field, "LengthOutOfRange", "{0} uniform:{1}:{2} needs 1 ≤ MIN ≤ MAX ≤ {3} tokens.", field, low, high, MaxTokens);
            }

            return new LengthDistribution(LengthDistributionKind.Uniform, low, high, (low + (double)high) / 2, 0);
        }

        private static LengthDistribution CreateLogNormal(double mean, double sigma, int max, string field)
        {
            if (!(mean >= 1 && mean <= MaxTokens))
            {
                throw Invalid(field, "LengthOutOfRange", "{0}: a log-normal mean must be between 1 and {1} tokens; got {2}.", field, MaxTokens, mean);
            }

            if (!(sigma >= 0 && sigma <= MaxSigma))
            {
                throw Invalid(field, "LengthOutOfRange", "{0}: a log-normal sigma must be between 0 and {1}; got {2}.", field, MaxSigma, sigma);
            }

            if (max != 0 && (max < mean || max > MaxTokens))
            {
                throw Invalid(field, "LengthOutOfRange", "{0}: a log-normal maximum must be 0 (none) or between the mean {1} and {2} tokens; got {3}.", field, mean, MaxTokens, max);
            }

            return new LengthDistribution(LengthDistributionKind.LogNormal, 1, max, mean, sigma);
        }

        private static bool TryInt(string text, out int value) =>
            int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

        private static bool TryDouble(string text, out double value) =>
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        private static InvalidInputException Invalid(string field, string id, string format, params object[] args) =>
            new InvalidInputException(id, field, Format(format, args));

        private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
