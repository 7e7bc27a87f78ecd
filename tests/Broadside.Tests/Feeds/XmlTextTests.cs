using Broadside.Feeds;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Feeds;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("bell\u0007 and null\0", "bell and null")]
    [InlineData("tab\tnewline\n", "tab\tnewline\n")]
    [InlineData("emoji 🔥 stays", "emoji 🔥 stays")]
    [InlineData("\uFFFE\uFFFF", "")]
    [InlineData("DEL\u007F, C1\u0085\u009F and noncharacters\uFDD0\U0010FFFF", "DEL, C1 and noncharacters")]
    public void Drops_what_xml_forbids_and_what_may_not_be_published(string text, string expected) => Assert.Equal(expected, XmlText.Clean(text));

    [Fact]
    public void Keeps_none_of_the_characters_that_may_not_be_published() =>
        Assert.All(ForbiddenText.All, c => Assert.Equal("ab", XmlText.Clean("a" + c + "b")));

    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate, so this case is built here.
    [Fact]
    public void Drops_a_lone_surrogate_and_keeps_a_pair()
    {
        Assert.Equal("lone  surrogate", XmlText.Clean("lone " + '\uD800' + " surrogate"));
        Assert.Equal("end", XmlText.Clean("end" + '\uDC00'));
        Assert.Equal("pair \uD83D\uDD25", XmlText.Clean("pair \uD83D\uDD25"));
    }

    [Theory]
    [InlineData("<p>a&#x1B;b&#27;c\u0007d&#0;e</p>", "<p>abcde</p>")]
    [InlineData("<p>&amp; &#x27; &#9; 🔥 &#x1F525;</p>", "<p>&amp; &#x27; &#9; 🔥 &#x1F525;</p>")]
    public void A_body_loses_references_to_what_it_may_not_hold_too(string html, string expected) => Assert.Equal(expected, XmlText.CleanHtml(html));

    [Fact]
    public void A_body_without_them_is_the_same_string()
    {
        const string Html = "<p>Grève &amp; &#x27;solidarité&#39;</p>";

        Assert.Same(Html, XmlText.CleanHtml(Html));
    }
}
