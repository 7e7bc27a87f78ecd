using System.Text.Json;
using System.Text.RegularExpressions;
using Broadside.Build;
using Broadside.Content;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The sample publication built with two articles a page, so that every archive, the home page and
/// the demand pages paginate, then read as a reader would: by following links.
/// </summary>
public sealed partial class ArchiveTests : IClassFixture<ArchiveTests.Fixture>
{
    private readonly Fixture _fixture;

    public ArchiveTests(Fixture fixture) => _fixture = fixture;

    private SiteOutput Site => _fixture.Site;

    private PublicationContent Content => _fixture.Content;

    [Fact]
    public void The_build_succeeds_with_small_pages()
    {
        Assert.Empty(_fixture.Result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(Site.Has("/page/2/"), "The home page is not paginated.");
    }

    [Fact]
    public void Every_section_tag_author_and_year_has_a_page_that_links_each_of_its_articles()
    {
        var expected = Content.Published
            .SelectMany(a => Terms(a).Select(url => (Archive: url, Article: a)))
            .GroupBy(x => x.Archive, StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        var missing = new List<string>();
        foreach (var archive in expected)
        {
            Assert.True(Site.Has(archive.Key), $"There is no archive page at {archive.Key}.");
            var linked = LinksAcrossPages(archive.Key);
            missing.AddRange(archive.Where(x => !linked.Contains(x.Article.Url)).Select(x => $"{archive.Key} does not link {x.Article.Url}"));
            Assert.Equal(archive.Select(x => x.Article.Url).Distinct().Count(), linked.Count(l => Content.Published.Any(a => a.Url == l)));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Archives_list_articles_newest_first_across_pages()
    {
        var dates = Content.Published.ToDictionary(a => a.Url, a => a.FrontMatter.Date, StringComparer.Ordinal);
        foreach (var archive in new[] { "/", "/sections/housing/", "/tags/strikes/", "/authors/marisol-vega/", "/2025/" })
        {
            var order = ArticleLinksInOrder(archive).Where(dates.ContainsKey).Distinct().Select(u => dates[u]).ToList();
            Assert.True(order.Count > 2, $"{archive} lists too few articles to check their order.");
            Assert.Equal(order.OrderByDescending(d => d), order);
        }
    }

    [Fact]
    public void Overviews_link_every_tag_author_and_section()
    {
        foreach (var (overview, urls) in new[]
        {
            ("/tags/", Content.PublishedIn("en").SelectMany(a => a.FrontMatter.Tags).Select(t => $"/tags/{Slug.From(TermKey.Of(t))}/")),
            ("/authors/", Content.PublishedIn("en").SelectMany(a => a.FrontMatter.Authors).Select(n => $"/authors/{Slug.From(TermKey.Of(n))}/")),
            ("/sections/", Content.PublishedIn("en").Select(a => $"/sections/{Slug.From(TermKey.Of(a.FrontMatter.Section))}/")),
            ("/es/tags/", Content.PublishedIn("es").SelectMany(a => a.FrontMatter.Tags).Select(t => $"/es/tags/{Slug.From(TermKey.Of(t))}/")),
            ("/ar/sections/", Content.PublishedIn("ar").Select(a => $"/ar/sections/{Slug.From(TermKey.Of(Content.SectionShown(a)))}/")),
        })
        {
            var links = Site.Page(overview).QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);
            var missing = urls.Distinct().Where(u => !links.Contains(u)).ToList();
            Assert.True(missing.Count == 0, $"{overview} does not link {string.Join(", ", missing)}.");
        }
    }

    [Fact]
    public void Case_variants_of_a_tag_share_one_page_in_the_most_used_spelling()
    {
        var variants = Content.Published.SelectMany(a => a.FrontMatter.Tags)
            .GroupBy(TermKey.Of, StringComparer.Ordinal)
            .First(g => g.Distinct(StringComparer.Ordinal).Count() > 1);
        var expected = variants.GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        var page = Site.Page($"/tags/{Slug.From(variants.Key)}/");
        Assert.Equal(expected, page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public void Every_demand_page_links_each_article_that_raised_it_and_shows_its_wording()
    {
        var demands = Json().GetProperty("demands").EnumerateArray().ToList();
        Assert.NotEmpty(demands);
        foreach (var demand in demands)
        {
            var url = new Uri(demand.GetProperty("url").GetString()!).AbsolutePath;
            var articles = demand.GetProperty("articles").EnumerateArray().ToList();
            Assert.Equal(demand.GetProperty("count").GetInt32(), articles.Count);

            var linked = LinksAcrossPages(url);
            foreach (var article in articles)
            {
                var articleUrl = new Uri(article.GetProperty("url").GetString()!).AbsolutePath;
                Assert.Contains(articleUrl, linked);
            }

            var text = string.Join(" ", PagesOf(url).Select(p => Site.Page(p).QuerySelector("main")!.TextContent));
            Assert.All(articles, a => Assert.Contains(a.GetProperty("wording").GetString()!, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_demand_of_every_article_leads_to_a_demand_page_that_links_back()
    {
        foreach (var article in Content.Published.Where(a => !a.FrontMatter.Demands.IsEmpty))
        {
            var links = Site.Page(article.Url).QuerySelectorAll("aside.demands li a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(article.FrontMatter.Demands.Length, links.Count);
            Assert.All(links, demand => Assert.Contains(article.Url, LinksAcrossPages(demand)));
        }
    }

    [Fact]
    public void Wordings_that_differ_only_in_case_and_punctuation_are_one_demand_and_aliases_join_their_canonical_demand()
    {
        var demands = Json().GetProperty("demands").EnumerateArray().ToDictionary(d => d.GetProperty("slug").GetString()!, StringComparer.Ordinal);

        // "Tax the rich!", "Tax the rich" and "TAX THE RICH!" in the sample.
        var taxTheRich = demands["tax-the-rich"];
        Assert.True(taxTheRich.GetProperty("wordings").GetArrayLength() > 1);
        Assert.Equal(JsonValueKind.Null, taxTheRich.GetProperty("id").ValueKind);

        // Every alias of demands.yml that an article used is gathered under its canonical demand.
        foreach (var canonical in Content.CanonicalDemands)
        {
            var demand = demands[canonical.Id];
            Assert.Equal(canonical.Text, demand.GetProperty("headline").GetString());
            Assert.Equal(canonical.Topic, demand.GetProperty("topic").GetString());
            // A wording joins by its whole text or by its headline (a long demand's first sentence).
            var wordings = demand.GetProperty("wordings").EnumerateArray().Select(w => w.GetProperty("text").GetString()!);
            var allowed = canonical.Aliases.Append(canonical.Text).Select(DemandText.Normalize).ToHashSet(StringComparer.Ordinal);
            Assert.All(wordings, w => Assert.True(allowed.Contains(DemandText.Normalize(w)) || allowed.Contains(DemandText.Normalize(DemandHeadline.Split(w).Headline)), w));
        }

        Assert.Equal(demands.Count, Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public void The_demands_index_has_three_orders_that_are_readable_without_javascript()
    {
        var json = Json().GetProperty("demands").EnumerateArray().ToDictionary(
            d => new Uri(d.GetProperty("url").GetString()!).AbsolutePath,
            d => (Count: d.GetProperty("count").GetInt32(), Last: DateTimeOffset.Parse(d.GetProperty("last").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);

        foreach (var page in new[] { "/demands/", "/demands/most-raised/", "/demands/recent/" })
        {
            var document = Site.Page(page);
            Assert.Empty(document.QuerySelectorAll("script"));
            var listed = document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(json.ContainsKey).Distinct().ToList();
            Assert.Equal(json.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

            if (page.EndsWith("most-raised/", StringComparison.Ordinal))
            {
                Assert.Equal(listed.Select(u => json[u].Count).OrderByDescending(c => c), listed.Select(u => json[u].Count));
            }
            else if (page.EndsWith("recent/", StringComparison.Ordinal))
            {
                Assert.Equal(listed.Select(u => json[u].Last).OrderByDescending(d => d), listed.Select(u => json[u].Last));
            }
        }
    }

    [Fact]
    public void Demands_json_is_valid_and_uses_absolute_urls()
    {
        var root = Json();
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        foreach (var demand in root.GetProperty("demands").EnumerateArray())
        {
            Assert.StartsWith(Content.Config.BaseUrl.AbsoluteUri, demand.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.True(DateTimeOffset.Parse(demand.GetProperty("first").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                <= DateTimeOffset.Parse(demand.GetProperty("last").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotEqual(0, demand.GetProperty("sections").GetArrayLength());
        }
    }

    [Fact]
    public void Authors_with_a_profile_show_it_and_authors_without_one_still_have_a_page()
    {
        var withProfile = Site.Page("/authors/keisha-dunbar/");
        Assert.NotNull(withProfile.QuerySelector("main img[src]"));
        Assert.Contains("Keisha Dunbar", withProfile.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);

        var without = Content.Published.SelectMany(a => a.FrontMatter.Authors).First(n => n == "Jun Park");
        Assert.True(Site.Has($"/authors/{Slug.From(without)}/"));
    }

    [Fact]
    public void Article_pages_link_related_articles()
    {
        var related = Content.Published
            .Select(a => Site.Page(a.Url).QuerySelectorAll(".related a[href]").Select(l => l.GetAttribute("href")!).ToList())
            .ToList();
        Assert.Contains(related, links => links.Count > 0);
        Assert.All(related.SelectMany(l => l), url => Assert.True(Site.Has(url), $"A related link to {url} leads nowhere."));
    }

    // The archives an article is listed in, in its language's site: below /es/ for a Spanish one, its section under its name there.
    private IEnumerable<string> Terms(SourceArticle article)
    {
        var front = article.FrontMatter;
        var folder = Folder(article);
        yield return $"{folder}sections/{Slug.From(TermKey.Of(Content.SectionShown(article)))}/";
        foreach (var tag in front.Tags)
        {
            yield return $"{folder}tags/{Slug.From(TermKey.Of(tag))}/";
        }

        foreach (var author in front.Authors)
        {
            yield return $"{folder}authors/{Slug.From(TermKey.Of(author))}/";
        }

        yield return folder + article.Url[folder.Length..(folder.Length + 5)];
    }

    // The root of the site of an article's language: / or /es/.
    private static string Folder(SourceArticle article) =>
        char.IsDigit(article.Url[1]) ? "/" : article.Url[..(article.Url.IndexOf('/', 1) + 1)];

    private JsonElement Json() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Site.Folder, "demands.json"))).RootElement;

    /// <summary>The pages of a paginated list, followed by its rel=next links.</summary>
    private List<string> PagesOf(string first)
    {
        var pages = new List<string> { first };
        while (Site.Page(pages[^1]).QuerySelector("a[rel~=next][href]")?.GetAttribute("href") is { } next)
        {
            Assert.True(pages.Count < 100, $"{first} paginates without end.");
            Assert.True(Site.Has(next), $"{pages[^1]} links a next page {next} that does not exist.");
            pages.Add(next);
        }

        return pages;
    }

    private HashSet<string> LinksAcrossPages(string first) =>
        ArticleLinksInOrder(first).ToHashSet(StringComparer.Ordinal);

    private IEnumerable<string> ArticleLinksInOrder(string first) =>
        PagesOf(first).SelectMany(page => Site.Page(page).QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0]));

    /// <summary>The sample publication with two articles a page, built once for the class.</summary>
    public sealed partial class Fixture : IDisposable
    {
        private readonly TemporaryFolder _input = new();
        private readonly TemporaryFolder _output = new();

        public Fixture()
        {
            Copy(RepositoryPaths.Input, _input.Path);
            var siteFile = Path.Combine(_input.Path, "site.yml");
            File.WriteAllText(siteFile, PageSize().Replace(File.ReadAllText(siteFile), "page_size: 2"));
            Result = Builder.Build(SampleSiteFixture.OptionsFor(_output.Path) with { InputFolder = _input.Path });
            Site = new SiteOutput(_output.Path);
            Content = PublicationContent.Read(_input.Path, SampleSiteFixture.Now);
        }

        public BuildResult Result { get; }

        public SiteOutput Site { get; }

        public PublicationContent Content { get; }

        public void Dispose()
        {
            _input.Dispose();
            _output.Dispose();
        }

        private static void Copy(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        [GeneratedRegex(@"(?m)^page_size:.*$")]
        private static partial Regex PageSize();
    }
}
