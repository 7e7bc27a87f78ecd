using System.Text;
using Broadside.Markdown;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace Broadside.Tests.Markdown;

public sealed class NestingScanTests
{
    public static TheoryData<string, int, int> DeepShapes => new()
    {
        // Each line opens one level more than the one before, in every way Markdown has.
        { "list items indented two more each line", 2_000, 33 },
        { "list items indented two more each line", 10_000, 33 },
        { "quote marks, one more each line", 2_000, 33 },
        { "quotes and list items in turn", 2_000, 33 },
        { "ordered items indented three more each line", 2_000, 33 },
        { "list items with a lazy line after each", 2_000, 65 },
        { "list items indented by tabs", 2_000, 33 },
        { "quotes inside a footnote", 2_000, 32 },
        { "one line of 20,000 quote marks", 20_000, 1 },
        { "one line of 20,000 list markers", 20_000, 1 },
        { "one line of 20,000 ordered markers", 20_000, 1 },
    };

    public static TheoryData<string> SaneShapes => [.. DeepShapes.Select(row => (string)row[0]).Distinct()];

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Lists_and_quotes_nested_past_the_limit_are_found_at_the_line_that_goes_past_it(string shape, int levels, int line)
    {
        var problem = NestingScan.Find("Intro.\n\n" + Shape(shape, levels));

        Assert.NotNull(problem);
        Assert.Equal(line + 2, problem.Value.Line);
        Assert.Contains("more than 32 levels deep", problem.Value.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SaneShapes))]
    public void Ten_levels_of_each_shape_pass(string shape)
    {
        Assert.Null(NestingScan.Find("Intro.\n\n" + Shape(shape, 10)));
    }

    [Theory]
    [MemberData(nameof(SaneShapes))]
    public void Thirty_two_levels_of_each_shape_pass(string shape)
    {
        Assert.Null(NestingScan.Find(Shape(shape, 32)));
    }

    public static TheoryData<string, string> OrdinaryBodies => new()
    {
        { "a deeply indented code block", "Code:\n\n" + Lines(200, i => new string(' ', 4 + (i % 80)) + "- item " + i) },
        { "a fenced block of nested YAML", "```yaml\n" + Lines(200, i => new string(' ', 2 * (i % 60)) + "- key: value") + "```\n" },
        { "long rules of dashes", Lines(200, _ => new string('-', 200) + "\n\ntext\n") },
        { "thematic breaks of spaced marks", Lines(100, _ => string.Join(' ', Enumerable.Repeat('*', 60)) + "\n\n" + string.Join(' ', Enumerable.Repeat('-', 60)) + "\n") },
        { "a poem indented with spaces", Lines(400, i => new string(' ', i % 70) + "a line of the poem") },
        { "a table of 1,500 rows with a bold name each", "| name | votes |\n| --- | ---: |\n" + Lines(1_500, i => $"| **Name {i}** | {i} |") },
        { "a tight list of 3,000 links", Lines(3_000, i => $"- [Item {i}](https://example.org/{i}) by **someone** and [another](/x/{i}/)") },
        { "a paragraph of 500 lines full of emphasis", Lines(500, i => $"Some *emphasis* and a [link](/a/) on line {i}, with **more**.") },
        { "a fenced block of C", "```c\n" + Lines(3_000, i => $"    a[i] = b[j] * c + *p; x == y; /* {i} */") + "```\n" },
        { "an HTML table without blank lines", "<table>\n" + Lines(3_000, i => $"<tr><td class=\"row_odd\">{i}</td><td>**x**</td></tr>") + "</table>\n" },
        { "a long list with blank lines between items", Lines(20_000, i => $"- item {i}\n\n  - sub {i}\n") },
    };

    [Theory]
    [MemberData(nameof(OrdinaryBodies))]
    public void Ordinary_bodies_pass(string body, string markdown)
    {
        Assert.True(NestingScan.Find(markdown) is null, body);
    }

    [Theory]
    [InlineData("emphasis opened on 20,000 lines and closed on 20,000 more")]
    [InlineData("brackets opened on 20,000 lines and closed on 20,000 more")]
    [InlineData("20,000 bold words in one paragraph")]
    [InlineData("20,000 unclosed links in one paragraph")]
    public void Paragraphs_with_more_marks_than_Markdig_reads_in_time_are_found(string shape)
    {
        var markdown = shape switch
        {
            "emphasis opened on 20,000 lines and closed on 20,000 more" => Lines(20_000, _ => "*a") + Lines(20_000, _ => "a*"),
            "brackets opened on 20,000 lines and closed on 20,000 more" => Lines(20_000, _ => "[a") + Lines(20_000, _ => "](b)"),
            "20,000 bold words in one paragraph" => string.Concat(Enumerable.Repeat("**a** ", 20_000)),
            _ => string.Concat(Enumerable.Repeat("[a](b", 20_000)),
        };

        var problem = NestingScan.Find(markdown);

        Assert.NotNull(problem);
        Assert.Contains("split it into smaller paragraphs or tables", problem.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_that_a_deep_list_carries_on_through_are_found_where_they_become_too_many()
    {
        var markdown = Shape("list items indented two more each line", 32) + new string('\n', 1_000_000);

        var problem = NestingScan.Find(markdown);

        Assert.NotNull(problem);
        Assert.InRange(problem.Value.Line, 33, 1_000_032);
        Assert.Contains("blank lines", problem.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_in_shallow_lists_cost_nothing()
    {
        Assert.Null(NestingScan.Find("- a\n  - b\n    - c\n" + new string('\n', 2_000_000) + "text\n"));
    }

    [Fact]
    public void The_depth_found_is_never_below_Markdigs()
    {
        // Random bodies of quote marks, list markers, indentation, lazy lines, code, HTML and
        // footnotes: wherever Markdig nests N levels, the scan finds more than N - 1 possible.
        var random = new Random(17);
        var starts = new[] { "> ", ">", ">>", "- ", "* ", "+ ", "-", "1. ", "1.", "2) ", "10. ", "123456789. ", " ", "  ", "   ", "    ", "     ", "\t", "-\t", " > ", "[^n]: " };
        var ends = new[] { "text", "", "```", "```js", "````", "~~~", "<div>", "</div>", "<table>", "<pre>", "</pre>", "<!--", "-->", "---", "===", "* * *", "- - -", "# heading", "| a | b |", "    code", "*emphasis*" };
        var checkedDeep = 0;
        for (var run = 0; run < 20_000; run++)
        {
            var markdown = new StringBuilder();
            for (var line = random.Next(1, 40); line > 0; line--)
            {
                if (random.Next(6) == 0)
                {
                    markdown.Append('\n');
                    continue;
                }

                for (var marker = random.Next(0, 8); marker > 0; marker--)
                {
                    markdown.Append(starts[random.Next(starts.Length)]);
                }

                markdown.Append(ends[random.Next(ends.Length)]).Append('\n');
            }

            var text = markdown.ToString();
            var depth = MarkdigDepth(Markdig.Markdown.Parse(text, Pipeline), 0);
            if (depth > 1)
            {
                checkedDeep++;
                Assert.True(NestingScan.Find(text, depth - 1) is not null, $"Markdig nests {depth} levels in:\n{text}");
            }
        }

        Assert.True(checkedDeep > 5_000);
    }

    [Fact]
    public void Every_tag_taken_to_start_an_HTML_block_starts_one_in_Markdig()
    {
        // Lines of these blocks are skipped as no paragraph: each must be one to Markdig too.
        foreach (var name in VerbatimBlock.HtmlBlockNames)
        {
            var document = Markdig.Markdown.Parse($"text\n<{name}>\n*a* [b]\n", Pipeline);

            Assert.True(document.Count == 2 && document[1] is HtmlBlock, name);
        }
    }

    [Fact]
    public void A_long_body_is_read_once()
    {
        var markdown = Lines(400_000, i => $"> - {i} *a* [b](c) `d` and text\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        NestingScan.Find(markdown);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseFootnotes().UseEmphasisExtras().Build();

    private static string Shape(string shape, int levels) => shape switch
    {
        "list items indented two more each line" => Lines(levels, i => new string(' ', 2 * i) + "- x"),
        "quote marks, one more each line" => Lines(levels, i => string.Concat(Enumerable.Repeat("> ", i + 1)) + "x"),
        "quotes and list items in turn" => Lines(levels, i => string.Concat(Enumerable.Range(0, i).Select(j => j % 2 == 0 ? "> " : "  ")) + (i % 2 == 0 ? "> x" : "- x")),
        "ordered items indented three more each line" => Lines(levels, i => new string(' ', 3 * i) + "1. x"),
        "list items with a lazy line after each" => Lines(levels, i => new string(' ', 2 * i) + "- x\nlazy"),
        "list items indented by tabs" => Lines(levels, i => new string('\t', i / 2) + (i % 2 == 1 ? "  " : string.Empty) + "- x"),
        "quotes inside a footnote" => "[^1]: " + Lines(levels - 1, i => string.Concat(Enumerable.Repeat("> ", i + 1)) + "x"),
        "one line of 20,000 quote marks" => string.Concat(Enumerable.Repeat("> ", levels)) + "x\n",
        "one line of 20,000 list markers" => string.Concat(Enumerable.Repeat("- ", levels)) + "x\n",
        _ => string.Concat(Enumerable.Repeat("1. ", levels)) + "x\n",
    };

    private static string Lines(int count, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(line(i)).Append('\n');
        }

        return text.ToString();
    }

    // The levels of quotes, list items and footnotes Markdig nests, at most.
    private static int MarkdigDepth(ContainerBlock container, int depth)
    {
        var deepest = depth;
        foreach (var child in container)
        {
            if (child is ContainerBlock inner)
            {
                var level = child is QuoteBlock or ListItemBlock or Footnote ? 1 : 0;
                deepest = Math.Max(deepest, MarkdigDepth(inner, depth + level));
            }
        }

        return deepest;
    }
}
