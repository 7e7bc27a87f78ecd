using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Broadside.Build;
using Broadside.Content;
using Broadside.Feeds;
using Broadside.Templates;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>Every feed, the sitemap and the discovery metadata of the sample publication.</summary>
public sealed class FeedTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace Dc = FeedNamespaces.DublinCore;

    private SiteOutput Site => fixture.Site;

    private PublicationContent Publication => fixture.Content;

    private string BaseUrl => Publication.Config.BaseUrl.AbsoluteUri;

    private IEnumerable<string> RssFeeds => Site.Files.Where(f => f.EndsWith("feed.xml", StringComparison.Ordinal));

    [Fact]
    public void The_site_feed_lists_the_newest_articles_with_their_full_content()
    {
        var channel = XDocument.Parse(Read("feed.xml")).Root!.Element("channel")!;
        var items = channel.Elements("item").ToList();
        var expected = Publication.PublishedIn(Publication.Config.Language).Take(Publication.Config.FeedSize).ToList();

        Assert.Equal(expected.Select(a => BaseUrl + UrlScheme.Escaped(a.Url.TrimStart('/'))), items.Select(i => i.Element("link")!.Value));
        Assert.Equal(expected.Select(a => a.FrontMatter.Title), items.Select(i => i.Element("title")!.Value));
        Assert.All(items.Zip(expected), pair =>
        {
            var (item, article) = pair;
            var authors = article.FrontMatter.Authors;
            var byline = authors.Length < 2 ? string.Concat(authors) : string.Join(", ", authors[..^1]) + " and " + authors[^1];
            Assert.Equal(byline, Assert.Single(item.Elements(Dc + "creator")).Value);
            Assert.Contains(item.Elements("category"), c => TermKey.Of(c.Value) == TermKey.Of(article.FrontMatter.Section));
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.True(item.Element(Content + "encoded")!.Value.Length > 500, $"{article.File} has no full content in the feed.");
        });
    }

    [Fact]
    public void A_video_player_goes_into_feeds_as_a_plain_link_to_the_video_with_its_still_and_a_sound_file_with_its_address()
    {
        var channel = XDocument.Parse(Read("feed.xml")).Root!.Element("channel")!;
        var content = channel.Elements("item").Select(i => i.Element(Content + "encoded")!.Value).Single(c => c.Contains("player-link", StringComparison.Ordinal));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(content);

        var link = Assert.Single(html.QuerySelectorAll("a.player-link"));
        Assert.StartsWith("https://www.youtube.com/watch?v=", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith(BaseUrl + "media/", link.QuerySelector("img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("YouTube", link.TextContent, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("script, iframe, picture"));
        Assert.StartsWith(BaseUrl + "media/", html.QuerySelector("audio")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.StartsWith(BaseUrl + "media/", html.QuerySelector("audio a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_section_tag_author_and_demand_has_a_feed_next_to_its_page()
    {
        var pages = Site.HtmlFiles
            .Where(f => f.Count(c => c == '/') == 2 && (f.StartsWith("sections/", StringComparison.Ordinal) || f.StartsWith("tags/", StringComparison.Ordinal)
                || f.StartsWith("authors/", StringComparison.Ordinal) || (f.StartsWith("demands/", StringComparison.Ordinal) && !f.Contains("most-raised", StringComparison.Ordinal) && !f.Contains("recent", StringComparison.Ordinal) && !f.Contains("momentum", StringComparison.Ordinal))))
            .ToList();

        Assert.True(pages.Count > 40, "Too few archive and demand pages to check.");
        Assert.All(pages, page =>
        {
            var feed = page[..^"index.html".Length] + "feed.xml";
            Assert.True(File.Exists(Path.Combine(Site.Folder, feed)), $"{page} has no feed.");
            var links = Site.Parse(page).QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains("/" + feed, links);
            Assert.Contains("/feed.xml", links);
        });
    }

    [Fact]
    public void Every_feed_is_well_formed_newest_first_with_absolute_urls_and_a_self_link()
    {
        var feeds = RssFeeds.Append("atom.xml").ToList();
        Assert.All(feeds, feed =>
        {
            var document = XDocument.Parse(Read(feed));
            var self = document.Descendants(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")!.Value;
            Assert.Equal(BaseUrl + UrlScheme.Escaped(feed), self);

            var dates = document.Descendants().Where(e => e.Name.LocalName is "pubDate" or "published")
                .Select(e => DateTimeOffset.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(dates);
            Assert.True(dates.Count <= Publication.Config.FeedSize);
            Assert.Equal(dates.OrderByDescending(d => d), dates);

            var html = string.Concat(document.Descendants().Where(e => e.Name == Content + "encoded" || e.Name == Atom + "content").Select(e => e.Value));
            Assert.DoesNotMatch("""(href|src)\s*=\s*["']/""", html);

            var ids = document.Descendants().Where(e => e.Name.LocalName is "guid" || e.Name == Atom + "id" && e.Parent!.Name == Atom + "entry").Select(e => e.Value).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        });
    }

    [Fact]
    public void Every_address_a_feed_or_the_sitemap_gives_is_a_uri_not_an_iri()
    {
        // The sample has sections, authors and demands named beyond ASCII (inmigración, Lucía Ferrer).
        var files = Site.Files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith("feed.json", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.Any(c => c > 127));
        Assert.All(files, file =>
        {
            var text = Read(file);
            var addresses = file.EndsWith(".json", StringComparison.Ordinal)
                ? Addresses(JsonDocument.Parse(text).RootElement).ToList()
                : Regex.Matches(text, "(?:<(?:link|guid|loc|id|uri)>|href=\")(https?://[^<\"]*)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(addresses);
            Assert.All(addresses, address => Assert.True(address.All(c => c is > ' ' and < (char)127), $"{file}: {address} is not percent-encoded"));
        });

        // The decoded values of a JSON feed's addresses.
        static IEnumerable<string> Addresses(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name is "url" or "id" or "home_page_url" or "feed_url" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Addresses(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Addresses),
            _ => [],
        };
    }

    [Fact]
    public void The_publications_icon_is_published_in_the_sizes_feed_readers_and_phones_ask_for_without_metadata()
    {
        var json = JsonDocument.Parse(Read("feed.json")).RootElement;
        var home = Site.Page("/");
        var icons = new[]
        {
            (Url: json.GetProperty("icon").GetString()!, Size: 512),
            (Url: json.GetProperty("favicon").GetString()!, Size: 64),
            (Url: BaseUrl + home.QuerySelector("link[rel=apple-touch-icon]")!.GetAttribute("href")!.TrimStart('/'), Size: 180),
        };

        Assert.All(icons, icon =>
        {
            Assert.StartsWith(BaseUrl, icon.Url, StringComparison.Ordinal);
            var bytes = File.ReadAllBytes(Path.Combine(Site.Folder, icon.Url[BaseUrl.Length..]));
            Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(bytes, 0, 4));
            Assert.Equal((icon.Size, icon.Size), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));

            // Only the chunks that draw the picture (and its pixel density): no text, date, profile or EXIF.
            var chunks = new List<string>();
            for (var at = 8; at + 8 <= bytes.Length; at += 12 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at)))
            {
                chunks.Add(System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4));
            }

            Assert.Empty(chunks.Except(["IHDR", "PLTE", "tRNS", "pHYs", "IDAT", "IEND"]));
        });
        Assert.Equal(json.GetProperty("icon").GetString(), JsonDocument.Parse(Read("es/feed.json")).RootElement.GetProperty("icon").GetString());
    }

    [Fact]
    public void The_json_feed_matches_the_rss_feed()
    {
        var json = JsonDocument.Parse(Read("feed.json")).RootElement;
        var rss = XDocument.Parse(Read("feed.xml")).Root!.Element("channel")!.Elements("item").Select(i => i.Element("guid")!.Value);

        Assert.Equal(JsonFeedWriter.Version, json.GetProperty("version").GetString());
        Assert.Equal(BaseUrl + "feed.json", json.GetProperty("feed_url").GetString());
        Assert.Equal(rss, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_sitemap_lists_every_page_but_redirects_and_the_404_page()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(Read("sitemap.xml")).Root!.Elements(ns + "url")
            .ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value, StringComparer.Ordinal);

        var pages = Site.HtmlFiles.Where(f => Path.GetFileName(f) != "404.html" && !Site.IsRedirect(f))
            .Select(f => BaseUrl + UrlScheme.Escaped(f == "index.html" ? string.Empty : f.EndsWith("/index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f));
        Assert.Equal(pages.Order(StringComparer.Ordinal), urls.Keys.Order(StringComparer.Ordinal));
        Assert.All(Publication.Published, a =>
        {
            var lastmod = DateTimeOffset.Parse(urls[BaseUrl + UrlScheme.Escaped(a.Url.TrimStart('/'))]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(a.FrontMatter.Updated ?? a.FrontMatter.Date, lastmod);
        });
        Assert.Contains($"Sitemap: {BaseUrl}sitemap.xml", Read("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_404_page_exists_and_is_not_indexed()
    {
        var page = Site.Parse("404.html");
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        // Served at any missing path, so every link is root-relative (or within the page).
        Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.Matches("^[/#]", a.GetAttribute("href")!));
    }

    [Fact]
    public void Article_pages_carry_canonical_open_graph_and_news_article_data()
    {
        Assert.All(Publication.Published, article =>
        {
            var page = Site.Page(article.Url);
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
            Assert.Equal(article.FrontMatter.Canonical?.AbsoluteUri ?? BaseUrl + UrlScheme.Escaped(article.Url.TrimStart('/')), canonical);
            Assert.Equal(article.FrontMatter.Title, page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
            Assert.Equal("article", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
            Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));

            var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
            var data = JsonDocument.Parse(script.TextContent).RootElement;
            Assert.Equal("NewsArticle", data.GetProperty("@type").GetString());
            Assert.Equal(article.FrontMatter.Title, data.GetProperty("headline").GetString());
            Assert.Equal(article.FrontMatter.Authors, data.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
            Assert.Equal(article.FrontMatter.Date, DateTimeOffset.Parse(data.GetProperty("datePublished").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            if (article.FrontMatter.Image is not null)
            {
                Assert.StartsWith(BaseUrl, page.QuerySelector("meta[property='og:image']")?.GetAttribute("content"), StringComparison.Ordinal);
            }

            // Corrections, shown at the end of the article and given to machines as schema.org corrections.
            var corrections = article.FrontMatter.Corrections;
            var shown = page.QuerySelectorAll(".corrections li");
            Assert.Equal(corrections.Select(c => c.Text), shown.Select(li => li.TextContent[(li.TextContent.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
            Assert.Equal(corrections.Select(c => c.Date), shown.Select(li => DateTimeOffset.Parse(li.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(
                corrections.Select(c => c.Text),
                data.TryGetProperty("correction", out var given) ? given.EnumerateArray().Select(c => c.GetProperty("text").GetString()!) : []);
        });
        Assert.Contains(Publication.Published, a => a.FrontMatter.Corrections.Length > 1);
    }

    [Fact]
    public void Every_part_of_a_series_says_its_place_and_links_every_other_part_and_the_series_page_lists_them_in_order()
    {
        var bySeries = Publication.Published.Where(a => a.FrontMatter.Series is not null).GroupBy(a => TermKey.Of(a.FrontMatter.Series!)).ToList();
        Assert.NotEmpty(bySeries);
        Assert.All(bySeries, group =>
        {
            var parts = group.OrderBy(a => a.FrontMatter.Date).ToList();
            var urls = parts.Select(a => a.Url).ToList();
            var slug = Slug.From(group.First().FrontMatter.Series!);

            // The series' page (in the parts' language), oldest part first, and its feed, newest first.
            var seriesUrl = Site.Page(parts[0].Url).QuerySelector(".series-line a")!.GetAttribute("href")!;
            Assert.EndsWith($"series/{slug}/", seriesUrl, StringComparison.Ordinal);
            var page = Site.Page(seriesUrl);
            Assert.Equal(urls, page.QuerySelectorAll("main article h2 a, main article h3 a").Select(a => a.GetAttribute("href")!).Where(urls.Contains).Distinct());
            var feed = XDocument.Parse(Read(seriesUrl.TrimStart('/') + "feed.xml")).Root!.Element("channel")!.Elements("item").Select(i => i.Element("link")!.Value).ToList();
            Assert.Equal(urls.AsEnumerable().Reverse().Select(u => BaseUrl + UrlScheme.Escaped(u.TrimStart('/'))), feed);

            for (var i = 0; i < parts.Count; i++)
            {
                var article = Site.Page(parts[i].Url);
                var line = article.QuerySelector(".series-line")!.TextContent;
                Assert.True(article.QuerySelector("html")!.GetAttribute("lang") != "en" || line.Contains($"Part {i + 1} of {parts.Count}", StringComparison.Ordinal), line);
                var listed = article.QuerySelectorAll(".series-parts li").ToList();
                Assert.Equal(parts.Count, listed.Count);
                Assert.Equal("page", listed[i].GetAttribute("aria-current"));
                Assert.Equal(urls.Where((_, k) => k != i), article.QuerySelectorAll(".series-parts a").Select(a => a.GetAttribute("href")!));
                Assert.Equal(i > 0 ? urls[i - 1] : null, article.QuerySelector("a.series-previous")?.GetAttribute("href"));
                Assert.Equal(i < parts.Count - 1 ? urls[i + 1] : null, article.QuerySelector("a.series-next")?.GetAttribute("href"));
            }
        });
        Assert.Contains("series/index.html", Site.Files);
    }

    [Fact]
    public void A_long_article_opens_with_a_table_of_contents_that_leads_to_its_headings()
    {
        Assert.All(Publication.Published, article =>
        {
            var page = Site.Page(article.Url);
            var links = page.QuerySelectorAll("details.toc a").Select(a => a.GetAttribute("href")!).ToList();
            var headings = page.QuerySelectorAll(".article-body h2[id], .article-body h3[id]").Where(h => h.ParentElement!.ClassList.Contains("article-body")).ToList();
            if (article.FrontMatter.Toc == false || headings.Count < ViewFactory.ContentsHeadings)
            {
                Assert.Empty(links);
                return;
            }

            Assert.Equal(headings.Select(h => "#" + h.Id), links);
            Assert.Null(page.QuerySelector("details.toc")!.GetAttribute("open"));
        });
        Assert.Contains(Publication.Published, a => Site.Page(a.Url).QuerySelector("details.toc") is not null);
    }

    [Fact]
    public void A_deploy_preview_links_within_the_preview_while_feeds_keep_the_production_address()
    {
        using var output = new TemporaryFolder();
        var preview = new Uri("https://deploy-preview-12--dispatch.netlify.app/");
        var result = Builder.Build(SampleSiteFixture.OptionsFor(output.Path) with { BaseUrl = preview });
        Assert.True(result.Succeeded);
        var site = new SiteOutput(output.Path);

        var channel = XDocument.Parse(File.ReadAllText(Path.Combine(output.Path, "feed.xml"))).Root!.Element("channel")!;
        Assert.Equal(BaseUrl + "feed.xml", channel.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.All(channel.Elements("item"), i => Assert.StartsWith(preview.AbsoluteUri, i.Element("link")!.Value, StringComparison.Ordinal));
        Assert.StartsWith(preview.AbsoluteUri, site.Parse("index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_noindex_build_asks_search_engines_to_skip_every_page()
    {
        using var output = new TemporaryFolder();
        Assert.True(Builder.Build(SampleSiteFixture.OptionsFor(output.Path) with { NoIndex = true }).Succeeded);
        var site = new SiteOutput(output.Path);

        Assert.Contains("Disallow: /", File.ReadAllText(Path.Combine(output.Path, "robots.txt")), StringComparison.Ordinal);
        Assert.All(site.HtmlFiles.Where(f => !site.IsRedirect(f)), f => Assert.Equal("noindex", site.Parse(f).QuerySelector("meta[name=robots]")?.GetAttribute("content")));
        Assert.Null(Site.Parse("index.html").QuerySelector("meta[name=robots]"));
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(Site.Folder, file));
}
