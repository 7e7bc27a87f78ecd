using Broadside.Feeds;

namespace Broadside.Tests.Feeds;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("bell\u0007 and null\0", "bell and null")]
    [InlineData("tab\tnewline\n", "tab\tnewline\n")]
    [InlineData("emoji 🔥 stays", "emoji 🔥 stays")]
    [InlineData("\uFFFE\uFFFF", "")]
    public void Drops_only_what_xml_forbids(string text, string expected) => Assert.Equal(expected, XmlText.Clean(text));

    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate, so this case is built here.
    [Fact]
    public void Drops_a_lone_surrogate_and_keeps_a_pair()
    {
        Assert.Equal("lone  surrogate", XmlText.Clean("lone " + '\uD800' + " surrogate"));
        Assert.Equal("end", XmlText.Clean("end" + '\uDC00'));
        Assert.Equal("pair \uD83D\uDD25", XmlText.Clean("pair \uD83D\uDD25"));
    }
}
