using Broadside.Build;
using Broadside.Output;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Output;

public sealed class ReservedPathsTests
{
    [Theory]
    [InlineData("robots.txt", "'/robots.txt'")]
    [InlineData("ROBOTS.txt", "'/robots.txt'")]
    [InlineData("robots.txt/index.html", "'/robots.txt'")]
    [InlineData("sitemap.xml", "'/sitemap.xml'")]
    [InlineData("sitemap-1.xml", "sitemaps")]
    [InlineData("sitemap-50000.xml", "sitemaps")]
    [InlineData("_redirects", "'/_redirects'")]
    [InlineData("_headers", "'/_headers'")]
    [InlineData("feed.xml", "'/feed.xml'")]
    [InlineData("atom.xml", "'/atom.xml'")]
    [InlineData("feed.json", "'/feed.json'")]
    [InlineData("demands.json", "'/demands.json'")]
    [InlineData("404.html", "'/404.html'")]
    [InlineData(".broadside-manifest", "'/.broadside-manifest'")]
    [InlineData("assets/site.css", "'/assets/'")]
    [InlineData("assets", "'/assets/'")]
    [InlineData("media/a.jpg", "'/media/'")]
    [InlineData("search/index.html", "'/search/'")]
    [InlineData("pagefind/pagefind.js", "'/pagefind/'")]
    [InlineData("__broadside/live.js", "'/__broadside/'")]
    [InlineData("admin/index.html", "'/admin/'")]
    [InlineData("Admin/config.yml", "'/admin/'")]
    public void Names_the_build_keeps_for_itself(string path, string fragment) =>
        Assert.Contains(fragment, ReservedPaths.Problem(path), StringComparison.Ordinal);

    [Theory]
    [InlineData("index.html")]
    [InlineData("2026/03/strike/index.html")]
    [InlineData("old/feed.xml")]
    [InlineData("tags/robots.txt/index.html")]
    [InlineData("sitemap-x.xml")]
    [InlineData("sitemap-.xml")]
    [InlineData("sitemaps.xml")]
    [InlineData("mediation/index.html")]
    [InlineData("assets-old/index.html")]
    [InlineData("administration/index.html")]
    public void Leaves_other_paths_to_content(string path) =>
        Assert.Null(ReservedPaths.Problem(path));

    [Fact]
    public void Every_file_a_build_writes_at_the_root_is_reserved()
    {
        using var output = new TemporaryFolder();
        var result = Builder.Build(SampleSiteFixture.OptionsFor(output.Path) with { Search = true });

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var files = Directory.EnumerateFiles(output.Path).Select(Path.GetFileName).Where(f => f != "index.html").ToList();
        Assert.Contains(ReservedPaths.Redirects, files);
        Assert.All(files, file => Assert.True(ReservedPaths.Problem(file!) is not null, $"The build writes /{file}, which ReservedPaths does not list."));
        Assert.All(
            [ReservedPaths.Assets, ReservedPaths.Media, ReservedPaths.Search],
            folder => Assert.True(Directory.Exists(Path.Combine(output.Path, folder)), $"The build wrote no /{folder}/."));
    }
}
