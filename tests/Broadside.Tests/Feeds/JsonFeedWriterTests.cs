using System.Text.Json;
using Broadside.Feeds;

namespace Broadside.Tests.Feeds;

public sealed class JsonFeedWriterTests
{
    [Fact]
    public void Gives_the_publications_icons_when_it_has_them()
    {
        var feed = SyndicationWriterTests.Feed(SyndicationWriterTests.Entry("a"));

        var with = JsonDocument.Parse(JsonFeedWriter.Write(feed with { Icon = "https://example.org/icon-512.png", Favicon = "https://example.org/favicon-64.png" })).RootElement;
        var without = JsonDocument.Parse(JsonFeedWriter.Write(feed)).RootElement;

        Assert.Equal(("https://example.org/icon-512.png", "https://example.org/favicon-64.png"), (with.GetProperty("icon").GetString(), with.GetProperty("favicon").GetString()));
        Assert.False(without.TryGetProperty("icon", out _));
        Assert.False(without.TryGetProperty("favicon", out _));
    }

    [Fact]
    public void Writes_json_feed_1_1_with_every_item()
    {
        var feed = SyndicationWriterTests.Feed(
            SyndicationWriterTests.Entry("a", "</script> \"quoted\" & Забастовка", "<p>]]></p>"),
            SyndicationWriterTests.Entry("b")) with
        { SelfUrl = "https://example.org/feed.json" };

        var root = JsonDocument.Parse(JsonFeedWriter.Write(feed)).RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://example.org/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["https://example.org/a/", "https://example.org/b/"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("</script> \"quoted\" & Забастовка", items[0].GetProperty("title").GetString());
        Assert.Equal("<p>]]></p>", items[0].GetProperty("content_html").GetString());
        Assert.Equal(["Ana Ruiz", "Tomás Berg"], items[0].GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("2026-03-14T18:30:00-05:00", items[0].GetProperty("date_published").GetString());
    }
}
