using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Tests.Content;

public sealed class FrontMatterSplitterTests
{
    private const string File = "input/articles/a.md";

    [Fact]
    public void Splits_front_matter_from_the_body()
    {
        var (split, diagnostics) = Split("---\ntitle: Bus drivers\ndate: 2026-03-14\n---\nFirst paragraph.\n\nSecond.\n");

        Assert.Equal(("title: Bus drivers\ndate: 2026-03-14\n", 1, "First paragraph.\n\nSecond.\n", 4), (split!.Yaml, split.YamlLineOffset, split.Body.ToString(), split.BodyLineOffset));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Ignores_a_byte_order_mark()
    {
        var (split, diagnostics) = Split("\uFEFF---\ntitle: x\n---\nBody\n");

        Assert.Equal(("title: x\n", 1, "Body\n", 3), (split!.Yaml, split.YamlLineOffset, split.Body.ToString(), split.BodyLineOffset));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void Reads_CRLF_line_endings()
    {
        var (split, diagnostics) = Split("---\r\ntitle: x\r\nauthor: y\r\n---\r\nBody\r\nMore\r\n");

        Assert.Equal(("title: x\r\nauthor: y\r\n", 1, "Body\r\nMore\r\n", 4), (split!.Yaml, split.YamlLineOffset, split.Body.ToString(), split.BodyLineOffset));
        Assert.Empty(diagnostics.ToImmutableSorted());
    }

    [Theory]
    [InlineData("---\ntitle: x\n...\nBody", "Body")]
    [InlineData("---  \ntitle: x\n---\t\nBody", "Body")]
    [InlineData("---\ntitle: x\n---", "")]
    [InlineData("---\ntitle: x\n---\n", "")]
    public void Accepts_either_closing_fence_and_trailing_spaces(string text, string body)
    {
        var (split, _) = Split(text);

        Assert.NotNull(split);
        Assert.Equal("title: x\n", split.Yaml);
        Assert.Equal(body, split.Body.ToString());
        Assert.Equal(3, split.BodyLineOffset);
    }

    [Fact]
    public void The_body_line_offset_counts_every_line_up_to_the_closing_fence()
    {
        var text = "---\ntitle: x\nauthor: y\nsection: Labor\ndate: 2026-03-14\n\n---\nLine eight.\nLine nine.\n";

        var (split, _) = Split(text);

        Assert.NotNull(split);
        Assert.Equal(7, split.BodyLineOffset);
        var lines = text.Split('\n');
        Assert.Equal("Line nine.", lines[split.BodyLineOffset + 2 - 1]);
        Assert.Equal("Line nine.", split.Body.ToString().Split('\n')[1]);
    }

    [Fact]
    public void Empty_front_matter_is_split()
    {
        var (split, _) = Split("---\n---\nBody");

        Assert.Equal((string.Empty, 1, "Body", 2), (split!.Yaml, split.YamlLineOffset, split.Body.ToString(), split.BodyLineOffset));
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\uFEFF \r\n\n", "the file is empty")]
    [InlineData("title: x\n---\nBody", "the file has no front matter")]
    [InlineData("\n---\ntitle: x\n---\n", "the file has no front matter")]
    [InlineData("----\ntitle: x\n----\n", "the file has no front matter")]
    [InlineData(" ---\ntitle: x\n---\n", "the file has no front matter")]
    [InlineData("# Just Markdown\n", "the file has no front matter")]
    public void A_file_without_front_matter_is_BS0101(string text, string start)
    {
        var (split, diagnostics) = Split(text);

        Assert.Null(split);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal((DiagnosticCodes.FrontMatterMissing, File, 1, 1), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.True(diagnostic.IsError);
        Assert.StartsWith(start + ": start it with a line '---'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: x\nBody")]
    [InlineData("---\ntitle: x\n--\nBody\n")]
    [InlineData("---")]
    [InlineData("---\r\ntitle: x\r\n")]
    public void Front_matter_that_is_never_closed_is_BS0102(string text)
    {
        var (split, diagnostics) = Split(text);

        Assert.Null(split);
        var diagnostic = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(
            new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FrontMatterUnclosed, "the front matter is never closed: add a line '---' after its last key", File, 1, 1),
            diagnostic);
    }

    private static (SplitContent? Split, DiagnosticBag Diagnostics) Split(string text)
    {
        var diagnostics = new DiagnosticBag();
        return (FrontMatterSplitter.Split(text, File, diagnostics), diagnostics);
    }
}
