using Broadside.Content;

namespace Broadside.Tests.Content;

public sealed class UrlSchemeTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("2026/05/may-day/", "2026/05/may-day/")]
    [InlineData("feed.xml?x=1&y=2#top", "feed.xml?x=1&y=2#top")]
    [InlineData("es/sections/inmigración/", "es/sections/inmigraci%C3%B3n/")]
    [InlineData("ar/demands/أجور-عادلة/", "ar/demands/%D8%A3%D8%AC%D9%88%D8%B1-%D8%B9%D8%A7%D8%AF%D9%84%D8%A9/")]
    [InlineData("zh/tags/罢工/", "zh/tags/%E7%BD%A2%E5%B7%A5/")]
    [InlineData("tags/✊🏽/", "tags/%E2%9C%8A%F0%9F%8F%BD/")]
    [InlineData("pages/100% sure/", "pages/100%25%20sure/")]
    [InlineData("a\"b<c>d", "a%22b%3Cc%3Ed")]
    public void A_path_is_percent_encoded_where_a_uri_may_not_hold_its_characters(string path, string escaped) =>
        Assert.Equal(escaped, UrlScheme.Escaped(path));

    [Fact]
    public void An_escaped_path_reads_back_as_the_path_and_is_what_a_uri_makes_of_it()
    {
        const string path = "es/authors/lucía-ferrer/feed.xml";
        var escaped = UrlScheme.Escaped(path);

        Assert.Equal(path, Uri.UnescapeDataString(escaped));
        Assert.Equal(new Uri(new Uri("https://example.org/"), path).AbsoluteUri, "https://example.org/" + escaped);
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("a%EF%BF%BDb", UrlScheme.Escaped("a\ud800b"));
}
