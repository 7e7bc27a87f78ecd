using Broadside.Markdown;

namespace Broadside.Tests.Markdown;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData(0x00, true)]
    [InlineData(0x08, true)]
    [InlineData(0x09, false)]
    [InlineData(0x0A, false)]
    [InlineData(0x0B, true)]
    [InlineData(0x0C, true)]
    [InlineData(0x0D, false)]
    [InlineData(0x1B, true)]
    [InlineData(0x20, false)]
    [InlineData(0x7E, false)]
    [InlineData(0x7F, true)]
    [InlineData(0x80, true)]
    [InlineData(0x9F, true)]
    [InlineData(0xA0, false)]
    [InlineData(0xD800, true)]
    [InlineData(0xDFFF, true)]
    [InlineData(0xFDCF, false)]
    [InlineData(0xFDD0, true)]
    [InlineData(0xFDEF, true)]
    [InlineData(0xFFFD, false)]
    [InlineData(0xFFFE, true)]
    [InlineData(0xFFFF, true)]
    [InlineData(0x1F600, false)]
    [InlineData(0x1FFFE, true)]
    [InlineData(0x10FFFF, true)]
    [InlineData(0x110000, true)]
    public void Knows_what_a_page_may_not_carry(int codePoint, bool forbidden)
    {
        Assert.Equal(forbidden, ControlCharacters.IsForbidden(codePoint));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x0D)]
    [InlineData(0x1B)]
    public void References_to_NUL_and_carriage_returns_are_forbidden_too(int codePoint)
    {
        Assert.True(ControlCharacters.IsForbiddenReference(codePoint));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\u001Bb", "a\uFFFDb")]
    [InlineData("a \u001B b", "a  b")]
    [InlineData("end\u0007", "end")]
    [InlineData("\u0000start", "start")]
    [InlineData("a\u001B\u001B\u0085b", "a\uFFFDb")]
    [InlineData("x\uFFFEy \uD83F\uDFFF z", "x\uFFFDy  z")]
    [InlineData("emoji \uD83D\uDE00 stays", "emoji \uD83D\uDE00 stays")]
    [InlineData("one\r\ntwo\rthree\n", "one\ntwo\nthree\n")]
    [InlineData("tab\tstays", "tab\tstays")]
    public void Text_loses_what_a_page_cannot_show_and_keeps_words_apart(string text, string expected)
    {
        Assert.Equal(expected, ControlCharacters.CleanText(text, []));
    }

    [Fact]
    public void Each_run_removed_is_found_at_its_line_and_column()
    {
        var found = new List<ControlCharacters.Found>();

        ControlCharacters.CleanText("fine\r\nbad \u001B here\nand a\u0007b\u0085", found);

        Assert.Equal(
            [(2, 5, "U+001B (a control character)", false), (3, 6, "U+0007 (a control character)", true), (3, 8, "U+0085 (a control character)", false)],
            found.Select(f => (f.Line, f.Column, string.Join(", ", f.What), f.Replaced)));
    }

    [Theory]
    [InlineData("<p>&#x1B;</p>", "<p></p>", "&#x1B;")]
    [InlineData("<p>a&#27;b</p>", "<p>a\uFFFDb</p>", "&#27;")]
    [InlineData("<p title=\"&#X1b\">x</p>", "<p title=\"\">x</p>", "&#X1b")]
    [InlineData("<p>&#0000000027;</p>", "<p></p>", "&#0000000027;")]
    [InlineData("<p>&#0;&#13;&#x7F;&#x80;&#x9F;&#xD800;&#xFFFE;&#x10FFFF;&#x110000;&#99999999999;</p>", "<p></p>", "&#0;")]
    [InlineData("<p>&#9;&#10;&#32;&#xA0;&#x1F600;&amp;&#;&#x;</p>", "<p>&#9;&#10;&#32;&#xA0;&#x1F600;&amp;&#;&#x;</p>", null)]
    public void References_in_HTML_to_what_a_page_cannot_show_are_removed_as_HTML_reads_them(string html, string expected, string? first)
    {
        var found = new List<(int Offset, string Reference, int CodePoint, bool Replaced)>();

        var cleaned = ControlCharacters.CleanReferences(html, found);

        Assert.Equal(expected, cleaned);
        Assert.Equal(first, found.Select(f => f.Reference).FirstOrDefault());
    }

    [Theory]
    [InlineData("&#27;", 27)]
    [InlineData("&#x1B;", 0x1B)]
    [InlineData("&#X1b;", 0x1B)]
    [InlineData("&#0;", 0)]
    [InlineData("&amp;", null)]
    [InlineData("&#x;", null)]
    public void Reads_the_code_point_of_a_Markdown_reference(string reference, int? codePoint)
    {
        Assert.Equal(codePoint, ControlCharacters.ReferencedCodePoint(reference));
    }
}
