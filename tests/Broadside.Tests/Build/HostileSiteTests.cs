using System.Text.Json;
using System.Xml.Linq;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The <c>Fixtures/hostile</c> publication: markup, quotes, CDATA terminators and control characters in
/// every front matter value. Everything lands escaped: no page gains an element, every feed parses.
/// </summary>
public sealed class HostileSiteTests : IDisposable
{
    private const string Title = "</title><script>alert(1)</script> & \"quotes\" ]]> Забастовка";

    private readonly TemporaryFolder _output = new();
    private readonly BuildResult _result;
    private readonly SiteOutput _site;

    public HostileSiteTests()
    {
        _result = Builder.Build(new BuildOptions
        {
            InputFolder = RepositoryPaths.Fixture("hostile"),
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _output.Path,
            Now = SampleSiteFixture.Now,
        });
        _site = new SiteOutput(_output.Path);
    }

    public void Dispose() => _output.Dispose();

    [Fact]
    public void The_build_succeeds()
    {
        Assert.Empty(_result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.True(_result.Succeeded);
    }

    [Fact]
    public void No_page_gains_a_script_or_an_event_handler()
    {
        Assert.All(_site.HtmlFiles, file =>
        {
            var page = _site.Parse(file);
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.Empty(page.QuerySelectorAll("main b, main img[src=x]"));
        });
    }

    [Fact]
    public void The_title_is_text_wherever_it_lands()
    {
        var page = _site.Page("/2026/03/hostile/");
        Assert.Equal(Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(Title, page.Title, StringComparison.Ordinal);
        Assert.Equal(Title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(Title, data.GetProperty("headline").GetString());
        Assert.Equal("<img src=x onerror=alert(1)>", data.GetProperty("author")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Every_feed_and_the_sitemap_parse_and_carry_the_text_intact()
    {
        var xmlFiles = _site.Files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.Contains("feed.xml", xmlFiles);
        Assert.All(xmlFiles, file => XDocument.Parse(File.ReadAllText(Path.Combine(_output.Path, file))));

        var rss = XDocument.Parse(File.ReadAllText(Path.Combine(_output.Path, "feed.xml")));
        Assert.Contains(Title, rss.Descendants("title").Select(t => t.Value));
        Assert.Contains(rss.Descendants("description"), d => d.Value.Contains("]]>", StringComparison.Ordinal) && !d.Value.Contains('\u0007', StringComparison.Ordinal));

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output.Path, "feed.json"))).RootElement;
        Assert.Contains(Title, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        var demands = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output.Path, "demands.json"))).RootElement;
        Assert.Contains("</a><script>alert(2)</script> now!", demands.GetProperty("demands").EnumerateArray().Select(d => d.GetProperty("headline").GetString()));
    }

    [Fact]
    public void The_json_ld_script_cannot_be_closed_from_inside()
    {
        var html = File.ReadAllText(Path.Combine(_output.Path, "2026/03/hostile/index.html"));
        var start = html.IndexOf("application/ld+json", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var json = html[(html.IndexOf('>', start) + 1)..end];
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
    }
}
