using System;
using System.Linq;
using InferenceLab.Core.Simulation;

namespace InferenceLab.Core.Tests.Simulation
{
    public sealed class LengthDistributionTests
    {
        [Theory]
        [InlineData("2048", LengthDistributionKind.Fixed, 2048, 2048, 2048.0, 0.0)]
        [InlineData(" fixed:512 ", LengthDistributionKind.Fixed, 512, 512, 512.0, 0.0)]
        [InlineData("uniform:128:4096", LengthDistributionKind.Uniform, 128, 4096, 2112.0, 0.0)]
        [InlineData("Uniform:7:7", LengthDistributionKind.Uniform, 7, 7, 7.0, 0.0)]
        [InlineData("lognormal:1024:0.6", LengthDistributionKind.LogNormal, 1, 0, 1024.0, 0.6)]
        [InlineData("lognormal:1024.5:0.25:8192", LengthDistributionKind.LogNormal, 1, 8192, 1024.5, 0.25)]
        public void The_text_forms_parse(string text, LengthDistributionKind kind, int min, int max, double mean, double sigma)
        {
            var distribution = LengthDistribution.Parse(text, "InputLength");
            Assert.Equal(kind, distribution.Kind);
            Assert.Equal(min, distribution.MinimumTokens);
            Assert.Equal(max, distribution.MaximumTokens);
            Assert.Equal(mean, distribution.MeanTokens);
            Assert.Equal(sigma, distribution.Sigma);
        }

        [Theory]
        [InlineData("2048")]
        [InlineData("uniform:128:4096")]
        [InlineData("lognormal:1024:0.6")]
        [InlineData("lognormal:1000.25:1.5:30000")]
        public void The_text_form_round_trips(string text)
        {
            var distribution = LengthDistribution.Parse(text, "OutputLength");
            Assert.Equal(text, distribution.ToString());
            Assert.Equal(text, LengthDistribution.Parse(distribution.ToString(), "OutputLength").ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("abc")]
        [InlineData("uniform:10")]
        [InlineData("uniform:a:b")]
        [InlineData("lognormal:1000")]
        [InlineData("lognormal:1000:0.5:x")]
        [InlineData("normal:1000:5")]
        [InlineData("1e3")]
        public void Text_that_is_no_length_is_rejected_naming_the_field(string text)
        {
            var error = Assert.Throws<InvalidInputException>(() => LengthDistribution.Parse(text, "InputLength"));
            Assert.Equal("InputLength", error.Field);
            Assert.Contains("InputLength", error.Message);
            Assert.Contains("uniform:MIN:MAX", error.Message);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-5")]
        [InlineData("uniform:0:10")]
        [InlineData("uniform:10:5")]
        [InlineData("lognormal:0.5:0.5")]
        [InlineData("lognormal:1000:-1")]
        [InlineData("lognormal:1000:6")]
        [InlineData("lognormal:1000:0.5:999")]
        [InlineData("lognormal:NaN:0.5")]
        public void Out_of_range_values_are_rejected(string text)
        {
            var error = Assert.Throws<InvalidInputException>(() => LengthDistribution.Parse(text, "OutputLength"));
            Assert.Equal("LengthOutOfRange", error.ErrorId);
            Assert.Equal("OutputLength", error.Field);
        }

        [Fact]
        public void Options_give_one_fixed_length_per_count_or_the_one_distribution()
        {
            var fixedLengths = LengthDistribution.FromOptions(new[] { 128, 2048 }, null, "InputLength");
            Assert.Equal(new[] { "128", "2048" }, new[] { fixedLengths[0].ToString(), fixedLengths[1].ToString() });
            Assert.Equal("uniform:1:9", LengthDistribution.FromOptions(new int[0], "uniform:1:9", "InputLength").Single().ToString());

            var both = Assert.Throws<InvalidInputException>(() => LengthDistribution.FromOptions(new[] { 5 }, "7", "OutputLength"));
            Assert.Equal(("LengthGivenTwice", "OutputLength"), (both.ErrorId, both.Field));
            Assert.Contains("OutputLength (token counts) or OutputLengthDistribution (a distribution), not both", both.Message);
            var neither = Assert.Throws<InvalidInputException>(() => LengthDistribution.FromOptions(null, " ", "InputLength"));
            Assert.Equal(("LengthMissing", "InputLength"), (neither.ErrorId, neither.Field));
            var badText = Assert.Throws<InvalidInputException>(() => LengthDistribution.FromOptions(null, "huge", "InputLength"));
            Assert.Equal("InputLengthDistribution", badText.Field);
            var badCount = Assert.Throws<InvalidInputException>(() => LengthDistribution.FromOptions(new[] { 0 }, null, "InputLength"));
            Assert.Equal(("LengthOutOfRange", "InputLength"), (badCount.ErrorId, badCount.Field));
        }

        [Fact]
        public void Uniform_draws_stay_in_range_reach_both_ends_and_average_the_midpoint()
        {
            // 100,000 draws from {100..199}: mean 149.5, standard error 28.9/√100000 ≈ 0.09.
            var distribution = LengthDistribution.Uniform(100, 199);
            var random = new RandomStream(11, 2);
            double sum = 0;
            bool low = false;
            bool high = false;
            for (int i = 0; i < 100_000; i++)
            {
                int n = distribution.Sample(random);
                Assert.InRange(n, 100, 199);
                low |= n == 100;
                high |= n == 199;
                sum += n;
            }

            Assert.True(low && high);
            Assert.Equal(149.5, sum / 100_000, 0.5);
        }

        [Fact]
        public void Log_normal_draws_have_the_requested_mean_and_median()
        {
            // Mean 1000, σ 0.5: median e^μ = 1000·e^(−0.125) = 882.5; the standard deviation of the mean over 200,000
            // draws is 1000·√(e^0.25 − 1)/√200000 ≈ 1.2 tokens, so ±10 is eight standard errors.
            var distribution = LengthDistribution.LogNormal(1000, 0.5);
            var random = new RandomStream(5, 2);
            var draws = new double[200_000];
            double sum = 0;
            for (int i = 0; i < draws.Length; i++)
            {
                draws[i] = distribution.Sample(random);
                sum += draws[i];
            }

            Array.Sort(draws);
            Assert.Equal(1000, sum / draws.Length, 10.0);
            Assert.Equal(1000 * Math.Exp(-0.125), draws[draws.Length / 2], 5.0);
        }

        [Fact]
        public void Log_normal_draws_are_clamped_to_the_maximum()
        {
            var distribution = LengthDistribution.LogNormal(1000, 2, 1500);
            var random = new RandomStream(5, 2);
            bool hitMax = false;
            for (int i = 0; i < 10_000; i++)
            {
                int n = distribution.Sample(random);
                Assert.InRange(n, 1, 1500);
                hitMax |= n == 1500;
            }

            Assert.True(hitMax);
        }
    }
}
