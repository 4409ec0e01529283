using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace InferenceLab.PowerShell.Tests
{
    /// <summary>
    /// docs/about_InferenceLab.md, the about topic in PlatyPS's about schema, and module/en-US/about_InferenceLab.help.txt,
    /// the text the module ships for Get-Help about_InferenceLab: the text file is the markdown rendered by
    /// <see cref="Render"/>, so the two cannot drift. After editing the markdown, run this class once with
    /// INFERENCELAB_UPDATE_ABOUT=1 to rewrite the text file, and commit both.
    /// </summary>
    public sealed class AboutTopicTests
    {
        private const int Width = 80;

        private static readonly string MarkdownPath = Repository.FilePath("docs", "about_InferenceLab.md");

        private static readonly string TextPath = Repository.FilePath("module", "en-US", "about_InferenceLab.help.txt");

        /// <summary>The sections the issue asks the topic to explain; the cmdlet pages refer to them by these names.</summary>
        public static TheoryData<string> Sections() => new TheoryData<string>
        {
            "THE CMDLETS", "UNITS", "MEMORY", "KV CACHE PER TOKEN", "MAXIMUM CONTEXT AND BATCH", "OPERATOR COSTS", "ROOFLINE", "TIME",
            "TENSOR-PARALLEL COMMUNICATION", "EFFICIENCY", "ASSUMPTIONS AND LIMITS", "NAMES AND CATALOGS",
        };

        private static string Markdown() => File.ReadAllText(MarkdownPath).Replace("\r\n", "\n");

        [Fact]
        public void The_shipped_help_text_is_the_about_markdown_rendered()
        {
            string expected = Render(Markdown());
            if (Environment.GetEnvironmentVariable("INFERENCELAB_UPDATE_ABOUT") == "1")
            {
                File.WriteAllText(TextPath, expected);
            }

            Assert.Equal(expected, File.ReadAllText(TextPath).Replace("\r\n", "\n"));
        }

        [Fact]
        public void The_about_markdown_follows_the_PlatyPS_about_schema()
        {
            string md = Markdown();
            Assert.StartsWith("# about_InferenceLab\n\n## about_InferenceLab\n\n# SHORT DESCRIPTION\n", md);
            var headings = Regex.Matches(md, "^# (.+)$", RegexOptions.Multiline).Cast<Match>().Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(new[] { "about_InferenceLab", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "NOTE", "SEE ALSO", "KEYWORDS" }, headings);
            string[] code = Regex.Matches(md, "```[a-z]*\n([\\s\\S]*?)```").Cast<Match>().SelectMany(m => m.Groups[1].Value.Split('\n')).ToArray();
            Assert.All(File.ReadAllLines(TextPath), line => Assert.True(line.Length <= Width || code.Contains(line.Substring(Indent.Length)), "too long: " + line));
        }

        [Theory]
        [MemberData(nameof(Sections))]
        public void The_about_topic_has_the_section(string section)
        {
            Assert.Contains("\n## " + section + "\n", Markdown());
            Assert.Contains("\n" + section + "\n", File.ReadAllText(TextPath).Replace("\r\n", "\n"));
        }

        [Fact]
        public void The_about_topic_names_every_cmdlet()
        {
            string md = Markdown();
            Assert.All(CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName), name => Assert.Contains("\n- " + name + ":", md));
        }

        [Fact]
        public void Every_reference_to_an_about_section_names_a_real_one()
        {
            var sections = new HashSet<string>(Regex.Matches(Markdown(), "^## (.+)$", RegexOptions.Multiline).Cast<Match>().Select(m => m.Groups[1].Value));
            foreach (var page in Directory.GetFiles(Repository.FilePath("docs"), "*.md"))
            {
                foreach (Match reference in Regex.Matches(File.ReadAllText(page), @"about_InferenceLab, ([A-Z][A-Z -]+[A-Z])"))
                {
                    Assert.True(sections.Contains(reference.Groups[1].Value), Path.GetFileName(page) + " refers to a section about_InferenceLab does not have: " + reference.Groups[1].Value);
                }
            }
        }

        /// <summary>
        /// The about markdown as PlatyPS 0.14's New-ExternalHelp renders it to text (its TextRenderer): the first heading
        /// becomes TOPIC, the second, the help system's lookup name, is indented and lowercased; level-1 headings are
        /// capitalized, level-2 headings kept; each paragraph is indented four spaces and wrapped to 80 columns; each code
        /// block line is indented four spaces. Only headings, paragraphs and code blocks are allowed, as in PlatyPS.
        /// </summary>
        internal static string Render(string markdown)
        {
            var lines = markdown.Split('\n');
            var output = new List<string>();
            var paragraph = new List<string>();
            int headings = 0;

            void Flush()
            {
                if (paragraph.Count > 0)
                {
                    output.AddRange(Wrap(string.Join(" ", paragraph), Indent));
                    output.Add(string.Empty);
                    paragraph.Clear();
                }
            }

            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    Flush();
                    for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                    {
                        output.Add(lines[i].Length == 0 ? string.Empty : Indent + lines[i]);
                    }

                    output.Add(string.Empty);
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    string text = line.Substring(line.IndexOf(' ') + 1);
                    headings++;
                    if (headings == 1)
                    {
                        output.Add("TOPIC");
                    }
                    else if (headings == 2 && line.StartsWith("## ", StringComparison.Ordinal))
                    {
                        output.Add(Indent + text.ToLowerInvariant());
                        output.Add(string.Empty);
                    }
                    else
                    {
                        output.Add(line.StartsWith("# ", StringComparison.Ordinal) ? text.ToUpperInvariant() : text);
                    }
                }
                else if (line.Trim().Length == 0)
                {
                    Flush();
                }
                else
                {
                    Assert.False(line.StartsWith("#", StringComparison.Ordinal) || line.Contains("`"), "PlatyPS's about renderer knows two heading levels and no inline code: " + line);
                    paragraph.Add(line.Trim());
                }
            }

            Flush();
            while (output.Count > 0 && output[output.Count - 1].Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }

            return string.Join("\n", output) + "\n";
        }

        private const string Indent = "    ";

        /// <summary>Words of <paramref name="text"/> in lines of at most <see cref="Width"/> columns; a longer word stands alone.</summary>
        private static IEnumerable<string> Wrap(string text, string indent)
        {
            var line = new StringBuilder(indent);
            bool empty = true;
            foreach (var word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    yield return line.ToString();
                    line.Clear().Append(indent);
                    empty = true;
                }

                line.Append(empty ? string.Empty : " ").Append(word);
                empty = false;
            }

            yield return line.ToString();
        }
    }
}
