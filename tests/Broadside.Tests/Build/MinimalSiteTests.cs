using System.Text.RegularExpressions;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>The smallest publication the contract allows (<c>Fixtures/minimal</c>), built with the default theme.</summary>
public sealed class MinimalSiteTests : IDisposable
{
    private const string ArticlePath = "2026/01/first-issue/";

    private readonly TemporaryFolder _output = new();

    [Fact]
    public void Builds_and_the_home_page_links_the_article()
    {
        var result = Builder.Build(Options());
        var site = new SiteOutput(_output.Path);
        var home = site.Page("/");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Documents);
        Assert.Contains(home.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "/" + ArticlePath && a.TextContent.Trim() == "Our first issue");
        Assert.Equal("Our first issue", Assert.Single(site.Page("/" + ArticlePath).QuerySelectorAll("h1")).TextContent.Trim());
        Assert.Empty(site.BrokenLinks());
        Assert.Empty(site.ThirdPartyRequests("minimal.example.org"));
        Assert.DoesNotContain(site.Files, f => f.StartsWith("media/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_url_with_a_path_puts_every_link_under_it()
    {
        var result = Builder.Build(Options() with { BaseUrl = new Uri("https://example.org/news/") });
        var site = new SiteOutput(_output.Path, "/news/");
        var home = site.Page("/news/");
        var links = site.HtmlFiles
            .SelectMany(file => site.Parse(file).QuerySelectorAll("[href], [src]"))
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith('/'))
            .ToList();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_output.Path, ArticlePath, "index.html")), "The site's files are not at the root of the output folder.");
        Assert.Contains(home.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "/news/" + ArticlePath);
        Assert.Contains(links, l => Regex.IsMatch(l, @"^/news/assets/css/site\.[0-9a-f]{8}\.css$"));
        Assert.NotEmpty(links);
        Assert.All(links, url => Assert.StartsWith("/news/", url, StringComparison.Ordinal));
        Assert.Empty(site.BrokenLinks());
        Assert.Equal("https://example.org/news/" + ArticlePath, site.Page("/news/" + ArticlePath).QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    public void Dispose() => _output.Dispose();

    private BuildOptions Options() => new()
    {
        InputFolder = RepositoryPaths.Fixture("minimal"),
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = _output.Path,
        Now = SampleSiteFixture.Now,
        DisplayRoot = RepositoryPaths.Fixture("minimal"),
    };
}
