using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Broadside.Build;
using Broadside.Content;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>The sample publication built end to end with the default theme, checked as readers and browsers see it.</summary>
public sealed partial class SampleSiteTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private SiteOutput Site => fixture.Site;

    private PublicationContent Content => fixture.Content;

    public static TheoryData<string> PublishedArticles() =>
        [.. PublicationContent.Read(RepositoryPaths.Input, SampleSiteFixture.Now).Published.Select(a => a.File)];

    [Fact]
    public void Build_succeeds_without_errors()
    {
        Assert.Empty(fixture.Result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(fixture.Result.Succeeded);
        Assert.Equal(Content.Published.Count() + Content.Pages.Count, fixture.Result.Documents);
        Assert.Equal(Site.Files.Count, fixture.Result.FilesProduced);
    }

    [Fact]
    public void Every_published_article_and_nothing_else_has_a_page_at_its_year_month_slug_url()
    {
        var expected = Content.Published.Select(a => a.Url).Order(StringComparer.Ordinal);
        var actual = Site.HtmlFiles
            .Where(file => ArticleFile().IsMatch(file))
            .Select(file => "/" + file[..^"index.html".Length])
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Drafts_are_not_published()
    {
        var drafts = Content.Articles.Where(a => a.FrontMatter.Draft).ToList();

        Assert.NotEmpty(drafts);
        Assert.All(drafts, draft => Assert.False(Site.Has(draft.Url), $"The draft {draft.File} was published at {draft.Url}."));
        Assert.All(drafts, draft => Assert.DoesNotContain(draft.FrontMatter.Title, File.ReadAllText(Path.Combine(Site.Folder, "index.html")), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublishedArticles))]
    public void Article_page_shows_its_front_matter(string file)
    {
        var article = Content.Articles.Single(a => a.File == file);
        var front = article.FrontMatter;
        var page = Site.Page(article.Url);

        var headings = page.QuerySelectorAll("h1");
        Assert.Equal(front.Title, Text(Assert.Single(headings)));

        var time = page.QuerySelector("article header time[datetime]");
        Assert.NotNull(time);
        var date = DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.Equal(front.Date, date);
        Assert.Equal(front.Date.Offset, date.Offset);

        Assert.Equal(front.Authors, page.QuerySelectorAll("article header .byline .author").Select(Text));
        Assert.Equal(Content.SectionShown(article), Text(page.QuerySelector("article header .kicker")));
        // A tag is shown in the spelling most articles use, so case may differ from this article's.
        Assert.Equal(front.Tags.Select(TermKey.Of), page.QuerySelectorAll("article .tags .tag").Select(e => TermKey.Of(Text(e))));
        Assert.Equal(front.Lang ?? Content.Config.Language, page.DocumentElement.GetAttribute("lang"));

        // A demand is shown in the article's own words, an {id: …} demand in its canonical wording and
        // explanation (in the article's language), and each links to the demand's page.
        var demands = page.QuerySelector("article aside.demands");
        if (front.Demands.IsEmpty)
        {
            Assert.Null(demands);
        }
        else
        {
            Assert.NotNull(demands);
            // In another of the site's languages, a demand of demands.yml shows its wording there, where it has one.
            var language = (front.Lang ?? Content.Config.Language).Split('-')[0];
            var canonical = Content.CanonicalDemands.ToDictionary(
                d => d.Id,
                d => language != Content.Config.Language && d.Translations.TryGetValue(language, out var translated) ? translated : d.Explanation.Length > 0 ? $"{d.Text} {d.Explanation}" : d.Text,
                StringComparer.Ordinal);
            Assert.Equal(front.Demands.Select(d => d.Text ?? canonical[d.Id!]), demands.QuerySelectorAll("li").Select(Text));
            Assert.All(front.Demands.Where(d => d.Id is not null), d => Assert.NotNull(demands.QuerySelector($"li#demand-{d.Id}")));
            Assert.All(demands.QuerySelectorAll("li a[href]"), a => Assert.True(Site.Has(a.GetAttribute("href")!), $"The demand link {a.GetAttribute("href")} leads nowhere."));
            Assert.Equal(front.Demands.Length, demands.QuerySelectorAll("li a[href]").Length);
        }
    }

    [Theory]
    [InlineData("/2025/01/bus-drivers-walk-out-at-three-depots/", "2025-01-18T00:00:00-06:00")]
    [InlineData("/2025/06/heat-kills-warehouse-workers-demand-cooling/", "2025-06-22T00:00:00-05:00")]
    [InlineData("/2025/04/raids-at-the-eastside-packing-plant/", "2025-04-10T07:45:00-05:00")]
    [InlineData("/2026/03/cap-rents-in-every-city/", "2026-03-14T18:30:00-05:00")]
    [InlineData("/2026/04/dockworkers-refuse-to-load/", "2026-04-02T09:15:00+02:00")]
    public void A_bare_date_is_midnight_in_the_site_time_zone_and_a_date_time_keeps_its_offset(string url, string datetime)
    {
        var time = Site.Page(url).QuerySelector("article header time[datetime]");

        Assert.NotNull(time);
        Assert.Equal(datetime, time.GetAttribute("datetime"));
    }

    [Fact]
    public void Home_page_lists_the_newest_articles_first_with_working_links()
    {
        var home = Site.Page("/");
        var expected = Content.PublishedIn(Content.Config.Language).Take(Content.Config.PageSize).ToList();
        var links = home.QuerySelectorAll("main a[href]")
            .Where(a => ArticleUrl().IsMatch(a.GetAttribute("href")!))
            .ToList();

        Assert.Equal(expected.Select(a => a.Url), links.Select(a => a.GetAttribute("href")).Distinct());
        Assert.All(links, link => Assert.True(Site.Has(link.GetAttribute("href")!), $"{link.GetAttribute("href")} is served by no file."));
        Assert.All(expected, article => Assert.Equal(
            article.FrontMatter.Title,
            Text(links.First(link => link.GetAttribute("href") == article.Url))));
        Assert.All(expected, article => Assert.Equal(
            article.FrontMatter.Lang ?? Content.Config.Language,
            links.First(link => link.GetAttribute("href") == article.Url).Closest("[lang]")?.GetAttribute("lang")));

        var first = home.QuerySelector("main time[datetime]");
        Assert.NotNull(first);
        Assert.Equal(Content.Published.Max(a => a.FrontMatter.Date), DateTimeOffset.Parse(first.GetAttribute("datetime")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void About_page_is_published_at_about_with_its_title_as_the_only_h1()
    {
        var about = Content.Pages.Single(p => p.File == "pages/about.md");
        var page = Site.Page("/about/");

        Assert.Equal("/about/", about.Url);
        Assert.Equal(about.FrontMatter.Title, Text(Assert.Single(page.QuerySelectorAll("h1"))));
    }

    [Fact]
    public void Every_standalone_page_is_published_at_its_file_name()
    {
        Assert.NotEmpty(Content.Pages);
        Assert.All(Content.Pages, source => Assert.Equal(
            source.FrontMatter.Title,
            Text(Assert.Single(Site.Page(source.Url).QuerySelectorAll("h1")))));
    }

    [Fact]
    public void Every_root_relative_link_and_fragment_points_to_something_that_exists()
    {
        Assert.NotEmpty(Site.HtmlFiles);
        Assert.Empty(Site.BrokenLinks());
    }

    [Fact]
    public void No_page_makes_a_request_to_another_host()
    {
        Assert.Empty(Site.ThirdPartyRequests(Content.Config.BaseUrl.Host));
    }

    [Fact]
    public void The_stylesheet_is_copied_and_every_page_links_it()
    {
        var source = File.ReadAllBytes(Path.Combine(RepositoryPaths.Theme, "assets", "css", "site.css"));
        // Published under a name that carries the first 8 hex digits of its SHA-256, for long caching.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(source))[..8];
        var copy = Path.Combine(Site.Folder, "assets", "css", $"site.{hash}.css");

        Assert.True(File.Exists(copy), $"assets/css/site.{hash}.css was not copied.");
        Assert.Equal(source, File.ReadAllBytes(copy));
        Assert.DoesNotMatch(ExternalCss(), File.ReadAllText(copy));
        Assert.All(Site.HtmlFiles.Where(file => !Site.IsRedirect(file)), file => Assert.Contains(
            Site.Parse(file).QuerySelectorAll("link[rel~=stylesheet]"),
            link => Site.FileFor(link.GetAttribute("href")!) == copy));
    }

    [Fact]
    public void Every_article_page_is_marked_with_its_language()
    {
        Assert.Contains(Content.Published, a => a.FrontMatter.Lang == "es");
        Assert.Contains(Content.Published, a => a.FrontMatter.Lang == "ar");
        Assert.All(
            Content.Published,
            a => Assert.Equal(a.FrontMatter.Lang ?? "en", Site.Page(a.Url).DocumentElement.GetAttribute("lang")));
    }

    [Fact]
    public void A_second_build_into_another_folder_is_byte_identical()
    {
        using var other = new TemporaryFolder();
        var result = Builder.Build(SampleSiteFixture.OptionsFor(other.Path));
        var first = Site.Snapshot();
        var second = new SiteOutput(other.Path).Snapshot();

        Assert.True(result.Succeeded);
        var different = first.Keys.Where(file => !second.TryGetValue(file, out var bytes) || !first[file].AsSpan().SequenceEqual(bytes)).ToList();

        Assert.Equal(first.Keys, second.Keys);
        Assert.Empty(different);
    }

    [Fact]
    public void A_second_build_into_the_same_folder_writes_nothing_and_keeps_modification_times()
    {
        // A stamp no write made: any file the build rewrote would carry the time of the rewrite instead.
        var stamp = new DateTime(DateTime.UtcNow.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Site.Files)
        {
            File.SetLastWriteTimeUtc(Path.Combine(Site.Folder, file), stamp);
        }

        var before = Site.Snapshot();
        var result = Builder.Build(fixture.Options);

        Assert.True(result.Succeeded);
        Assert.Equal(fixture.Result.FilesProduced, result.FilesProduced);
        Assert.Equal(0, result.FilesWritten);
        var touched = Site.Files.Where(file => File.GetLastWriteTimeUtc(Path.Combine(Site.Folder, file)) != stamp).ToList();

        Assert.Equal(before.Keys, Site.Files);
        Assert.Empty(touched);
    }

    [Fact]
    public void Drafts_are_published_when_asked_for()
    {
        using var output = new TemporaryFolder();
        var result = Builder.Build(SampleSiteFixture.OptionsFor(output.Path) with { IncludeDrafts = true });
        var site = new SiteOutput(output.Path);
        var drafts = Content.Articles.Where(a => a.FrontMatter.Draft).ToList();

        Assert.True(result.Succeeded);
        Assert.NotEmpty(drafts);
        Assert.Equal(fixture.Result.Documents + drafts.Count, result.Documents);
        Assert.All(drafts, draft => Assert.Equal(draft.FrontMatter.Title, Text(Assert.Single(site.Page(draft.Url).QuerySelectorAll("h1")))));
    }

    [Fact]
    public void Articles_dated_after_the_build_time_are_not_published()
    {
        using var output = new TemporaryFolder();
        var now = new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero);
        var result = Builder.Build(SampleSiteFixture.OptionsFor(output.Path) with { Now = now });
        var site = new SiteOutput(output.Path);

        Assert.True(result.Succeeded);
        Assert.Contains(Content.Published, a => a.FrontMatter.Date > now);
        Assert.All(Content.Published, a => Assert.Equal(a.FrontMatter.Date <= now, site.Has(a.Url)));
    }

    [Fact]
    public void Aliases_keep_old_urls_working()
    {
        var aliased = Content.Published.Select(a => (Url: a.Url, a.FrontMatter.Aliases))
            .Concat(Content.Pages.Select(p => (Url: p.Url, p.FrontMatter.Aliases)))
            .SelectMany(x => x.Aliases.Select(alias => (Alias: alias, Target: x.Url)))
            .ToList();

        Assert.NotEmpty(aliased);
        Assert.All(aliased, x =>
        {
            Assert.True(Site.Has(x.Alias), $"Nothing is served at the alias {x.Alias} of {x.Target}.");
            var page = Site.Page(x.Alias);
            Assert.Contains(
                page.QuerySelectorAll("a[href], link[rel=canonical][href], meta[http-equiv=refresh][content]"),
                e => (e.GetAttribute("href") ?? e.GetAttribute("content") ?? string.Empty).Contains(x.Target, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void An_id_demand_shows_its_canonical_wording()
    {
        var page = Site.Page("/2025/06/heat-kills-warehouse-workers-demand-cooling/");
        var demand = page.QuerySelector("aside.demands li#demand-just-transition");

        Assert.NotNull(demand);
        Assert.Equal("A just transition with union jobs!", Text(demand));
    }

    [Fact]
    public void A_draft_published_by_a_preview_stays_unpublished_after_the_next_build()
    {
        using var output = new TemporaryFolder();
        var options = SampleSiteFixture.OptionsFor(output.Path);
        var draft = Content.Articles.First(a => a.FrontMatter.Draft);

        Assert.True(Builder.Build(options with { IncludeDrafts = true }).Succeeded);
        Assert.True(new SiteOutput(output.Path).Has(draft.Url));
        Assert.True(Builder.Build(options).Succeeded);
        Assert.False(new SiteOutput(output.Path).Has(draft.Url), $"The draft {draft.File} is still published at {draft.Url}.");
    }

    [Fact]
    public void Every_published_article_can_be_reached_from_the_home_page()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var pending = new Queue<string>(seen);
        while (pending.TryDequeue(out var url))
        {
            var links = Site.Page(url).QuerySelectorAll("a[href]")
                .Select(a => a.GetAttribute("href")!.Split('#')[0])
                .Where(href => href.StartsWith('/') && href.EndsWith('/') && Site.Has(href));
            foreach (var link in links.Where(seen.Add))
            {
                pending.Enqueue(link);
            }
        }

        Assert.Empty(Content.Published.Select(a => a.Url).Where(url => !seen.Contains(url)).ToList());
    }

    private static string Text(IElement? element) =>
        element is null ? string.Empty : Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"^(?:[a-z]{2,3}(?:-[a-z0-9]+)?/)?\d{4}/\d{2}/[^/]+/index\.html$")]
    private static partial Regex ArticleFile();

    [GeneratedRegex(@"^/(?:[a-z]{2,3}(?:-[a-z0-9]+)?/)?\d{4}/\d{2}/[^/]+/$")]
    private static partial Regex ArticleUrl();

    [GeneratedRegex(@"@import|url\(\s*['""]?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalCss();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
