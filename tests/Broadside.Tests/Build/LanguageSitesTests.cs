using System.Text.Json;
using System.Xml.Linq;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The sample publication, in English at its root and in Spanish and Arabic below <c>/es/</c> and
/// <c>/ar/</c>: each language a complete site, every version of an article linking every other.
/// </summary>
public sealed class LanguageSitesTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private static readonly string[] Languages = ["en", "es", "ar"];

    private SiteOutput Site => fixture.Site;

    private PublicationContent Content => fixture.Content;

    private static string Folder(string language) => language == "en" ? "/" : $"/{language}/";

    [Theory]
    [InlineData("en", "ltr", "The Commons Dispatch")]
    [InlineData("es", "ltr", "El Despacho de los Comunes")]
    [InlineData("ar", "rtl", "نشرة المشاعات")]
    public void Every_language_has_a_complete_site_of_its_own_in_its_language_and_direction(string language, string dir, string title)
    {
        var root = Folder(language);
        foreach (var url in new[] { root, root + "sections/", root + "tags/", root + "authors/", root + "demands/", root + "demands/most-raised/", root + "feed.xml", root + "atom.xml", root + "feed.json", root + "demands.json", root + "404.html" })
        {
            Assert.True(Site.Has(url), $"{url} is missing");
        }

        var home = Site.Page(root);
        Assert.Equal((language, dir), (home.DocumentElement.GetAttribute("lang"), home.DocumentElement.GetAttribute("dir")));
        Assert.Equal(title, home.QuerySelector(".site-title")!.TextContent.Trim());
        Assert.Equal(root, home.QuerySelector(".site-title a")!.GetAttribute("href"));

        // Its home page lists its own articles, and no other language's.
        var articles = Content.Published.ToDictionary(a => a.Url, a => (a.FrontMatter.Lang ?? "en").Split('-')[0]);
        var listed = home.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(articles.ContainsKey).Distinct().ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, url => Assert.Equal(language, articles[url]));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("ar")]
    public void Every_feed_of_a_language_declares_it_and_lists_its_articles_only(string language)
    {
        var root = Folder(language);
        var rss = XDocument.Load(Path.Combine(Site.Folder, root.TrimStart('/'), "feed.xml"));
        Assert.Equal(language, rss.Root!.Element("channel")!.Element("language")!.Value);
        var links = rss.Descendants("item").Select(i => new Uri(i.Element("link")!.Value).AbsolutePath).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Equal(language, (Content.Published.Single(a => a.Url == Uri.UnescapeDataString(link)).FrontMatter.Lang ?? "en").Split('-')[0]));

        var atom = XDocument.Load(Path.Combine(Site.Folder, root.TrimStart('/'), "atom.xml"));
        Assert.Equal(language, atom.Root!.Attribute(XNamespace.Xml + "lang")?.Value ?? atom.Root.Attribute("lang")?.Value);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Site.Folder, root.TrimStart('/'), "feed.json")));
        Assert.Equal(language, json.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public void Every_version_of_an_article_links_every_other_in_its_head_and_in_a_switcher_that_names_each_language_in_itself()
    {
        var groups = Content.Published.Where(a => a.FrontMatter.TranslationKey is not null).GroupBy(a => a.FrontMatter.TranslationKey).Where(g => g.Count() > 1).ToList();
        Assert.True(groups.Count >= 3);
        foreach (var group in groups)
        {
            var urls = group.ToDictionary(a => (a.FrontMatter.Lang ?? "en").Split('-')[0], a => a.Url);
            foreach (var version in group)
            {
                var page = Site.Page(version.Url);
                var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                    .ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).AbsolutePath);
                foreach (var (language, url) in urls)
                {
                    Assert.Equal(url, Uri.UnescapeDataString(alternates[language]));
                }

                Assert.Equal(urls.GetValueOrDefault("en") ?? string.Empty, alternates.TryGetValue("x-default", out var fallback) ? Uri.UnescapeDataString(fallback) : string.Empty);

                var switcher = page.QuerySelectorAll("nav.translations a").ToList();
                Assert.Equal(urls.Count - 1, switcher.Count);
                Assert.All(switcher, a =>
                {
                    Assert.Equal(a.GetAttribute("hreflang"), a.GetAttribute("lang"));
                    Assert.Equal(urls[a.GetAttribute("hreflang")!], a.GetAttribute("href"));
                });
                Assert.Contains(switcher, a => a.TextContent is "English" or "Español" or "العربية");
            }
        }
    }

    [Fact]
    public void An_article_in_one_language_only_links_the_other_languages_home_pages_in_the_header_alone()
    {
        var single = Content.Published.First(a => a.FrontMatter.Lang == "ar" && a.FrontMatter.TranslationKey is null);
        var page = Site.Page(single.Url);

        Assert.Empty(page.QuerySelectorAll("link[hreflang]"));
        Assert.Empty(page.QuerySelectorAll("nav.translations"));
        Assert.Equal(["/", "/es/", "/ar/"], page.QuerySelectorAll("nav.site-languages a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/ar/", page.QuerySelector("nav.site-languages a[aria-current]")!.GetAttribute("href"));
    }

    [Fact]
    public void A_section_is_published_under_its_name_in_each_language()
    {
        Assert.True(Site.Has("/sections/labor/"));
        Assert.True(Site.Has("/es/sections/trabajo/"));
        Assert.True(Site.Has("/ar/sections/العمل/"));
        Assert.False(Site.Has("/es/sections/labor/"));
        var spanish = Site.Page("/es/sections/");
        Assert.Contains(spanish.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "Trabajo");
    }

    [Fact]
    public void A_demand_of_demands_yml_shows_each_languages_wording_and_links_its_page_in_the_others()
    {
        var spanish = Site.Page("/es/demands/sanctuary/");
        Assert.Equal("¡Santuario para todos!", spanish.QuerySelector("h1")!.TextContent.Trim());
        var versions = spanish.QuerySelectorAll("nav.translations a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/demands/sanctuary/", versions);
        Assert.Contains("/ar/demands/sanctuary/", versions);
        Assert.Equal("ملاذ للجميع!", Site.Page("/ar/demands/sanctuary/").QuerySelector("h1")!.TextContent.Trim());

        // A wording of another language in aliases joins the demand: the Spanish winter article's.
        Assert.False(Site.Has("/es/demands/ningún-desalojo-durante-el-invierno/"));
        Assert.True(Site.Has("/es/demands/eviction-moratorium/"));
    }

    [Fact]
    public void The_sitemap_lists_every_version_of_a_page_with_its_alternates()
    {
        var sitemap = XDocument.Load(Path.Combine(Site.Folder, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var entries = sitemap.Root!.Elements(ns + "url").ToDictionary(u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath, u => u.Elements(xhtml + "link").ToList());

        var homes = entries["/"];
        Assert.Equal(["en", "es", "ar"], homes.Select(l => l.Attribute("hreflang")!.Value));
        foreach (var language in Languages)
        {
            Assert.Equal(Folder(language), entries.Keys.Single(k => k == Folder(language)));
        }

        var sanctuary = Content.Published.Where(a => a.FrontMatter.TranslationKey == "sanctuary-ordinance").ToList();
        Assert.Equal(3, sanctuary.Count);
        foreach (var version in sanctuary)
        {
            var links = entries.Single(e => Uri.UnescapeDataString(e.Key) == version.Url).Value;
            Assert.Equal(sanctuary.Select(a => a.Url).Order(StringComparer.Ordinal), links.Select(l => Uri.UnescapeDataString(new Uri(l.Attribute("href")!.Value).AbsolutePath)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Netlify_answers_a_missing_page_below_a_language_with_that_languages_404_page()
    {
        var rules = File.ReadAllLines(Path.Combine(Site.Folder, "_redirects"));

        Assert.Contains("/es/* /es/404.html 404", rules);
        Assert.Contains("/ar/* /ar/404.html 404", rules);
        Assert.Equal("ar", Site.Page("/ar/404.html").DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Dates_follow_the_language_of_the_page()
    {
        var spanish = Site.Page(Content.Published.First(a => a.FrontMatter.Lang == "es" && a.FrontMatter.Date.Month == 5 && a.FrontMatter.Date.Day == 12).Url);

        Assert.Equal("12 de mayo de 2026", spanish.QuerySelector("article time")!.TextContent.Trim());
    }
}
