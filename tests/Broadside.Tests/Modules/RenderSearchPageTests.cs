using Broadside.Build;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Modules;

/// <summary>The search page of a site built with search (<c>build --search</c>), and the marks the indexer reads.</summary>
public sealed class RenderSearchPageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void With_search_the_page_is_at_search_kept_out_of_search_engines_and_linked_from_every_page()
    {
        var site = Build(search: true);

        var page = site.Page("/search/");
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.DoesNotContain("/search/", File.ReadAllText(Path.Combine(site.Folder, "sitemap.xml")), StringComparison.Ordinal);
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ToList();
        Assert.Equal("/pagefind/pagefind-ui.js", scripts[0]);
        Assert.Matches(@"^/assets/js/search\.[0-9a-f]{8}\.js$", scripts[1]);
        Assert.True(site.Has(scripts[1]!), "search.js is published.");
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href='/pagefind/pagefind-ui.css']"));
        Assert.NotNull(page.QuerySelector("#search #search-note"));
        Assert.All(
            site.HtmlFiles.Where(f => !site.IsRedirect(f)),
            file => Assert.True(site.Parse(file).QuerySelector($".site-nav a[href='/{LanguageFolder(file)}search/']") is not null, $"{file} has no link to its language's search page."));
    }

    [Fact]
    public void Without_search_there_is_no_search_page_no_link_to_it_and_no_script_but_a_video_players()
    {
        var site = Build(search: false);

        Assert.False(site.Has("/search/"));
        Assert.All(site.HtmlFiles, file =>
        {
            var page = site.Parse(file);
            Assert.Null(page.QuerySelector("a[href='/search/']"));

            // A page with a video loads the player's script, and no page loads another.
            var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
            Assert.Equal(page.QuerySelector("a.player-link") is null ? [] : [scripts.Single()], scripts);
            Assert.All(scripts, src => Assert.Matches(@"/assets/js/player\.[0-9a-f]{8}\.js$", src));
        });
        Assert.Contains(site.HtmlFiles, file => site.Parse(file).QuerySelector("a.player-link") is not null);
    }

    [Fact]
    public void A_theme_without_a_search_template_has_no_search_page_and_no_link_to_one()
    {
        var theme = _folder.Combine("theme");
        CopyFolder(RepositoryPaths.Theme, theme);
        File.Delete(Path.Combine(theme, "templates", "search.liquid"));

        var site = Build(search: true, theme);

        Assert.False(site.Has("/search/"));
        Assert.Null(site.Page("/").QuerySelector("a[href='/search/']"));
    }

    [Fact]
    public void Article_pages_mark_what_the_indexer_indexes_and_files_them_under_section_author_tag_and_demand()
    {
        var site = Build(search: false);
        var content = PublicationContent.Read(RepositoryPaths.Input, SampleSiteFixture.Now);
        var article = content.Published.First(a => a.FrontMatter.Tags.Length > 0 && a.FrontMatter.Demands.Length > 0);

        var page = site.Page(article.Url);

        var body = Assert.Single(page.QuerySelectorAll("[data-pagefind-body]"));
        Assert.Equal("article", body.LocalName);
        Assert.Equal(article.FrontMatter.Title, page.QuerySelector("[data-pagefind-meta=title]")?.TextContent);
        Assert.Equal(article.FrontMatter.Section, page.QuerySelector("[data-pagefind-filter=section]")?.TextContent);
        Assert.Equal(article.FrontMatter.Authors, page.QuerySelectorAll("[data-pagefind-filter=author]").Select(e => e.TextContent));
        Assert.Equal(article.FrontMatter.Tags.Length, page.QuerySelectorAll("[data-pagefind-filter=tag]").Length);
        var demands = page.QuerySelectorAll("[data-pagefind-filter='demand[data-demand]']");
        Assert.Equal(article.FrontMatter.Demands.Length, demands.Length);
        Assert.All(demands, d => Assert.False(string.IsNullOrWhiteSpace(d.GetAttribute("data-demand"))));
        Assert.Empty(site.Page("/").QuerySelectorAll("[data-pagefind-body]"));
    }

    public void Dispose() => _folder.Dispose();

    private SiteOutput Build(bool search, string? theme = null)
    {
        var output = _folder.Combine("site");
        var options = SampleSiteFixture.OptionsFor(output) with { Search = search, ThemeFolder = theme ?? RepositoryPaths.Theme };
        var result = Builder.Build(options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return new SiteOutput(output);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // The folder of the language a page of the sample is in: empty for the default language, else es/ or ar/.
    private static string LanguageFolder(string file) =>
        Broadside.Configuration.SiteConfigLoader.Load(Path.Combine(RepositoryPaths.Input, "site.yml"), "site.yml", new Broadside.Diagnostics.DiagnosticBag())
            .AllLanguages.Select(l => l.Prefix).FirstOrDefault(p => p.Length > 0 && file.StartsWith(p, StringComparison.Ordinal)) ?? string.Empty;
}
