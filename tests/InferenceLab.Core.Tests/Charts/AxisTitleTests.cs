using InferenceLab.Core.Charts;

namespace InferenceLab.Core.Tests.Charts
{
    /// <summary>Axis titles and units read from property names (DESIGN §2: a numeric property names its unit).</summary>
    public sealed class AxisTitleTests
    {
        [Theory]
        [InlineData("TimeToFirstTokenSeconds", "Time to first token", "s")]
        [InlineData("OutputTokensPerSecond", "Output throughput", "tokens/s")]
        [InlineData("OutputTokensPerSecondPerGpu", "Output throughput", "tokens/s per GPU")]
        [InlineData("DecodeTokensPerSecondPerSequence", "Decode throughput", "tokens/s per sequence")]
        [InlineData("MemoryBandwidthBytesPerSecond", "Memory bandwidth", "B/s")]
        [InlineData("AttainableFlopsPerSecond", "Attainable performance", "FLOP/s")]
        [InlineData("ArithmeticIntensityFlopsPerByte", "Arithmetic intensity", "FLOP/B")]
        [InlineData("KvCacheBytesPerToken", "KV cache", "B per token")]
        [InlineData("WeightBytes", "Weight", "B")]
        [InlineData("InputLength", "Input length", "tokens")]
        [InlineData("MaxContextLength", "Max context length", "tokens")]
        [InlineData("BatchSize", "Batch size", "sequences")]
        [InlineData("HardwareName", "GPU", "")]
        [InlineData("TensorParallel", "Tensor parallel", "")]
        [InlineData("Seconds", "Seconds", "")]
        public void A_property_name_gives_the_title_and_unit(string property, string title, string unit)
        {
            var axis = LineChartAxis.ForProperty(property);
            Assert.Equal(title, axis.Title);
            Assert.Equal(unit, axis.Unit);
        }

        [Fact]
        public void A_given_title_replaces_the_words_and_keeps_the_unit()
        {
            var axis = LineChartAxis.ForProperty("TimeToFirstTokenSeconds", "TTFT");
            Assert.Equal("TTFT", axis.Title);
            Assert.Equal("s", axis.Unit);
        }
    }
}
