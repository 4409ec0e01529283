using System.IO;
using InferenceLab.Core.Simulation;

namespace InferenceLab.Core.Tests.Simulation
{
    public sealed class TraceReaderTests
    {
        [Fact]
        public void A_trace_with_header_comments_and_blank_lines_reads_every_request_with_its_line()
        {
            string text = "arrival_s,prompt_tokens,output_tokens\n# a comment\n\n0,100,10\n 0.5 , 2048 , 256 \n1e1,7,1\n";
            var entries = TraceReader.Parse(new StringReader(text), "trace.csv");
            Assert.Equal(3, entries.Count);
            Assert.Equal(0.0, entries[0].ArrivalSeconds);
            Assert.Equal(100, entries[0].InputTokens);
            Assert.Equal(10, entries[0].OutputTokens);
            Assert.Equal(4, entries[0].Line);
            Assert.Equal(0.5, entries[1].ArrivalSeconds);
            Assert.Equal(2048, entries[1].InputTokens);
            Assert.Equal(256, entries[1].OutputTokens);
            Assert.Equal(10.0, entries[2].ArrivalSeconds);
            Assert.Equal(6, entries[2].Line);
        }

        [Theory]
        [InlineData("0,100,10\n1,200\n", 2, "Expected 3 comma-separated fields")]
        [InlineData("0,100,10\n1,200,5,9\n", 2, "found 4")]
        [InlineData("0,100,10\nsoon,200,5\n", 2, "'soon' is not an arrival time")]
        [InlineData("0,100,10\n-1,200,5\n", 2, "'-1' is not an arrival time")]
        [InlineData("0,100,10\n1,0,5\n", 2, "'0' is not a token count")]
        [InlineData("0,100,10\n\n# c\n1,20.5,5\n", 4, "'20.5' is not a token count")]
        [InlineData("0,100,10\n1,200,-3\n", 2, "'-3' is not a token count")]
        [InlineData("0;100;10\n", 1, "Expected 3 comma-separated fields")]
        public void A_malformed_line_is_an_invalid_data_error_naming_file_and_line(string text, long line, string problem)
        {
            var error = Assert.Throws<CatalogDataException>(() => TraceReader.Parse(new StringReader(text), "load.csv"));
            Assert.Equal("TraceMalformed", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
            Assert.Equal("load.csv", error.File);
            Assert.Equal(line, error.Line);
            Assert.StartsWith("load.csv:" + line, error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# nothing\n\n")]
        [InlineData("arrival,prompt,output\n")]
        public void A_trace_without_requests_is_rejected(string text)
        {
            var error = Assert.Throws<CatalogDataException>(() => TraceReader.Parse(new StringReader(text), "empty.csv"));
            Assert.Equal("TraceMalformed", error.ErrorId);
            Assert.Contains("no requests", error.Message);
        }

        [Fact]
        public void A_missing_file_is_a_read_error_naming_it()
        {
            string path = Path.Combine(Path.GetTempPath(), "inferencelab-no-such-trace-" + System.Guid.NewGuid().ToString("N") + ".csv");
            var error = Assert.Throws<CatalogDataException>(() => TraceReader.Read(path));
            Assert.Equal("TraceFileNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ReadError, error.Kind);
            Assert.Contains(path, error.Message);
        }

        [Fact]
        public void A_file_reads_like_its_text()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "0,10,2\n3.25,20,4\n");
                var entries = TraceReader.Read(path);
                Assert.Equal(2, entries.Count);
                Assert.Equal(3.25, entries[1].ArrivalSeconds);
                Assert.Equal(2, entries[1].Line);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
