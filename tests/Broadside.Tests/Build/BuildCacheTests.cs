using Broadside.Build;
using Broadside.Diagnostics;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

public sealed class BuildCacheTests : IDisposable
{
    private readonly TemporaryFolder _input = new();
    private readonly TemporaryFolder _output = new();
    private readonly BuildCache _cache = new();

    public BuildCacheTests()
    {
        Directory.CreateDirectory(_input.Combine("articles"));
        File.WriteAllText(_input.Combine("site.yml"), "title: Cache\nbase_url: https://example.org/\n");
        for (var i = 1; i <= 3; i++)
        {
            Write(i, $"Body of article {i}.");
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }

    [Fact]
    public void A_rebuild_parses_and_renders_only_the_files_that_changed()
    {
        var first = Build();
        Assert.True(first.Succeeded);
        Assert.Equal(0, first.ArticlesReused);

        Assert.Equal(3, Build().ArticlesReused);

        Write(2, "An edited body.");
        var edited = Build();
        Assert.True(edited.Succeeded);
        Assert.Equal(2, edited.ArticlesReused);
        Assert.Contains("An edited body.", File.ReadAllText(Directory.EnumerateFiles(_output.Path, "index.html", SearchOption.AllDirectories).Single(f => f.Contains("article-2", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_to_site_yml_parses_and_renders_every_file_again()
    {
        Assert.True(Build().Succeeded);
        File.AppendAllText(_input.Combine("site.yml"), "time_zone: Europe/Madrid\n");

        var changed = Build();

        Assert.True(changed.Succeeded);
        Assert.Equal(0, changed.ArticlesReused);
    }

    [Fact]
    public void A_cached_body_still_reports_its_warnings()
    {
        Write(1, "# A top heading in the body");

        var first = Build().Diagnostics.Where(d => d.Code == DiagnosticCodes.HeadingLevelOne).ToList();
        var again = Build();
        var second = again.Diagnostics.Where(d => d.Code == DiagnosticCodes.HeadingLevelOne).ToList();

        Assert.Single(first);
        Assert.Equal(first, second);
        Assert.Equal(3, again.ArticlesReused);
    }

    [Fact]
    public void A_change_to_what_raw_html_may_do_renders_the_bodies_again()
    {
        Write(1, "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>");
        Assert.Contains(Build().Diagnostics, d => d.Code == DiagnosticCodes.IframeHost);

        File.AppendAllText(_input.Combine("site.yml"), "raw_html:\n  iframe_hosts: [www.youtube-nocookie.com]\n");

        // The second build parses and renders all three articles again.
        var allowed = Build();
        Assert.True(allowed.Succeeded);
        Assert.Equal(0, allowed.ArticlesReused);
    }

    private BuildResult Build() => Builder.Build(new BuildOptions
    {
        InputFolder = _input.Path,
        ThemeFolder = RepositoryPaths.Theme,
        OutputFolder = _output.Path,
        Cache = _cache,
    });

    private void Write(int number, string body) => File.WriteAllText(
        _input.Combine("articles", $"article-{number}.md"),
        $"---\ntitle: Article {number}\nauthor: Ana\nsection: Labor\ndate: 2026-01-0{number}\n---\n\n{body}\n");
}
