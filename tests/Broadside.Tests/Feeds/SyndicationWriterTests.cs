using System.Globalization;
using System.Xml.Linq;
using Broadside.Feeds;

namespace Broadside.Tests.Feeds;

public sealed class SyndicationWriterTests
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace Dc = FeedNamespaces.DublinCore;

    private const string HostileTitle = "</title><script>alert(1)</script> & \"Bread\" ]]> Забастовка 罢工";
    private const string HostileBody = "<p>Body with ]]> and <![CDATA[ and a <b>tag</b> and \u0007 bell</p>";

    internal static FeedEntry Entry(string id, string title = "Strike", string body = "<p>Body</p>", DateTimeOffset? date = null) => new()
    {
        Id = "https://example.org/" + id + "/",
        Url = "https://example.org/" + id + "/",
        Title = XmlText.Clean(title),
        Summary = XmlText.Clean("Summary of " + title),
        ContentHtml = XmlText.Clean(body),
        Authors = [("Ana Ruiz", "https://example.org/authors/ana-ruiz/"), ("Tomás Berg", string.Empty)],
        Byline = "Ana Ruiz and Tomás Berg",
        Categories = ["Labor", "strikes"],
        Published = date ?? new DateTimeOffset(2026, 3, 14, 18, 30, 0, TimeSpan.FromHours(-5)),
        Updated = date ?? new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.FromHours(-5)),
        Image = string.Empty,
        Language = "en",
    };

    internal static FeedDefinition Feed(params FeedEntry[] entries) => new()
    {
        Title = "The Dispatch & friends",
        Description = "News",
        HomeUrl = "https://example.org/",
        SelfUrl = "https://example.org/feed.xml",
        Language = "en",
        Entries = [.. entries],
    };

    [Fact]
    public void Rss_has_full_content_creators_categories_guids_dates_and_a_self_link()
    {
        var document = XDocument.Parse(SyndicationWriter.Rss(Feed(Entry("a"), Entry("b"))));
        var channel = document.Root!.Element("channel")!;
        var item = channel.Elements("item").First();

        Assert.Equal("2.0", document.Root.Attribute("version")!.Value);
        var self = Assert.Single(channel.Elements(Atom + "link"));
        Assert.Equal(("self", "https://example.org/feed.xml", "application/rss+xml"), (self.Attribute("rel")!.Value, self.Attribute("href")!.Value, self.Attribute("type")!.Value));
        Assert.Equal("<p>Body</p>", item.Element(Content + "encoded")!.Value);
        Assert.Equal("Summary of Strike", item.Element("description")!.Value);
        Assert.Equal("Ana Ruiz and Tomás Berg", Assert.Single(item.Elements(Dc + "creator")).Value);
        Assert.Equal(["Labor", "strikes"], item.Elements("category").Select(e => e.Value));
        Assert.Equal("https://example.org/a/", item.Element("guid")!.Value);
        Assert.Equal("https://example.org/a/", item.Element("link")!.Value);
        var date = DateTimeOffset.ParseExact(item.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss zzzz", CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 18, 30, 0, TimeSpan.FromHours(-5)), date);
    }

    [Fact]
    public void Rss_uses_the_conventional_prefixes_and_never_a10()
    {
        var xml = SyndicationWriter.Rss(Feed(Entry("a")));
        Assert.DoesNotContain("a10", xml, StringComparison.Ordinal);
        Assert.Contains("<atom:link ", xml, StringComparison.Ordinal);
        Assert.Contains("<content:encoded", xml, StringComparison.Ordinal);
        Assert.Contains("<dc:creator", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_has_ids_authors_html_content_and_updated_times()
    {
        var document = XDocument.Parse(SyndicationWriter.Atom(Feed(Entry("a")) with { SelfUrl = "https://example.org/atom.xml" }));
        var feed = document.Root!;
        var entry = feed.Element(Atom + "entry")!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://example.org/atom.xml", feed.Element(Atom + "id")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "self" && l.Attribute("href")?.Value == "https://example.org/atom.xml");
        Assert.Equal("https://example.org/a/", entry.Element(Atom + "id")!.Value);
        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Equal("<p>Body</p>", entry.Element(Atom + "content")!.Value);
        Assert.Equal("Ana Ruiz and Tomás Berg", Assert.Single(entry.Elements(Atom + "author")).Element(Atom + "name")!.Value);
        Assert.NotNull(entry.Element(Atom + "updated"));
        Assert.NotNull(entry.Element(Atom + "published"));
        Assert.Equal(feed.Element(Atom + "updated")!.Value, entry.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void An_entry_by_one_author_names_the_author_and_links_the_authors_page()
    {
        var one = Entry("a") with { Authors = [("Ana Ruiz", "https://example.org/authors/ana-ruiz/")], Byline = "Ana Ruiz" };

        var rss = XDocument.Parse(SyndicationWriter.Rss(Feed(one))).Root!.Element("channel")!.Element("item")!;
        var atom = XDocument.Parse(SyndicationWriter.Atom(Feed(one))).Root!.Element(Atom + "entry")!;

        Assert.Equal("Ana Ruiz", Assert.Single(rss.Elements(Dc + "creator")).Value);
        var author = Assert.Single(atom.Elements(Atom + "author"));
        Assert.Equal(("Ana Ruiz", "https://example.org/authors/ana-ruiz/"), (author.Element(Atom + "name")!.Value, author.Element(Atom + "uri")!.Value));
    }

    [Fact]
    public void An_entry_without_authors_names_none()
    {
        var none = Entry("a") with { Authors = [], Byline = string.Empty };

        Assert.DoesNotContain("creator", SyndicationWriter.Rss(Feed(none)), StringComparison.Ordinal);
        Assert.Empty(XDocument.Parse(SyndicationWriter.Atom(Feed(none))).Root!.Element(Atom + "entry")!.Elements(Atom + "author"));
    }

    [Fact]
    public void Hostile_titles_and_bodies_stay_well_formed_and_round_trip()
    {
        var entry = Entry("a", HostileTitle, HostileBody);

        foreach (var xml in new[] { SyndicationWriter.Rss(Feed(entry)), SyndicationWriter.Atom(Feed(entry)) })
        {
            var document = XDocument.Parse(xml);
            var titles = document.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
            Assert.Contains(HostileTitle, titles);
            var body = document.Descendants().Single(e => e.Name.LocalName is "encoded" or "content").Value;
            Assert.Equal(HostileBody.Replace("\u0007", string.Empty, StringComparison.Ordinal), body);
            Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_same_entries_give_the_same_bytes()
    {
        Assert.Equal(SyndicationWriter.Rss(Feed(Entry("a"), Entry("b"))), SyndicationWriter.Rss(Feed(Entry("a"), Entry("b"))));
        Assert.Equal(SyndicationWriter.Atom(Feed(Entry("a"))), SyndicationWriter.Atom(Feed(Entry("a"))));
    }

    [Fact]
    public void A_body_ready_for_feeds_is_copied_byte_for_byte_into_cdata()
    {
        const string html = "<p>Already absolute: <a href=\"https://example.org/x/\">x</a> — Забастовка & \"quotes\"</p>";
        var ready = Entry("a") with { ContentHtml = null, MakeContent = () => throw new InvalidOperationException("not asked for"), ReadyUtf8 = () => System.Text.Encoding.UTF8.GetBytes(html) };

        var xml = SyndicationWriter.Rss(Feed(ready, Entry("b")));
        var items = XDocument.Parse(xml).Root!.Element("channel")!.Elements("item").ToList();

        Assert.Contains("<content:encoded><![CDATA[" + html + "]]></content:encoded>", xml, StringComparison.Ordinal);
        Assert.Equal(html, items[0].Element(Content + "encoded")!.Value);
        Assert.Equal("<p>Body</p>", items[1].Element(Content + "encoded")!.Value);
    }
}
