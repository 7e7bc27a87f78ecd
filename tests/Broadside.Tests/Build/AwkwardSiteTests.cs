using System.Text;
using Broadside.Build;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Build;

/// <summary>
/// The <c>Fixtures/awkward</c> publication: files that are unusual but correct (names with spaces and
/// non-Latin letters, an article that is only front matter, raw HTML with an embed from a listed host),
/// and, made at test time, an article saved with a byte-order mark and CRLF line endings. Every one
/// is published at the URL its name gives.
/// </summary>
public sealed class AwkwardSiteTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly BuildResult _result;
    private readonly SiteOutput _site;

    public AwkwardSiteTests()
    {
        var input = _folder.Combine("input");
        TemporaryFolder.CopyFolder(RepositoryPaths.Fixture("awkward"), input);
        File.WriteAllBytes(
            Path.Combine(input, "articles", "windows.md"),
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: \"Saved on Windows\"\r\nauthor: Ana Ruiz\r\nsection: Labor\r\ndate: 2026-03-06\r\n---\r\n\r\nFirst line,\r\nsecond line.\r\n\r\n## A heading\r\n")]);
        _result = Builder.Build(new BuildOptions
        {
            InputFolder = input,
            ThemeFolder = RepositoryPaths.Theme,
            OutputFolder = _folder.Combine("output"),
            Now = SampleSiteFixture.Now,
        });
        _site = new SiteOutput(_folder.Combine("output"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Builds_without_a_problem()
    {
        Assert.Empty(_result.Diagnostics.Select(d => d.ToString()));
        Assert.True(_result.Succeeded);
        Assert.Equal(6, _result.Documents);
    }

    [Theory]
    [InlineData("/2026/03/grève-générale-à-montréal/", "General strike in Montréal")]
    [InlineData("/2026/03/%D0%B7%D0%B0%D0%B1%D0%B0%D1%81%D1%82%D0%BE%D0%B2%D0%BA%D0%B0-%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D0%B5%D0%B9/", "Забастовка водителей")]
    [InlineData("/tags/транспорт/", "Транспорт")]
    [InlineData("/о-нас/", "О нас")]
    [InlineData("/2026/03/only-front-matter/", "Front matter and nothing else")]
    [InlineData("/2026/03/windows/", "Saved on Windows")]
    public void Each_file_is_published_at_the_url_its_name_gives(string url, string heading)
    {
        var page = _site.Page(url);

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public void An_article_of_front_matter_alone_has_an_empty_body_and_its_summary()
    {
        var page = _site.Page("/2026/03/only-front-matter/");

        Assert.Equal("An article whose body is still to be written.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(string.Empty, page.QuerySelector(".article-body")!.InnerHtml.Trim());
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_leave_no_trace_in_the_page()
    {
        var html = File.ReadAllText(Path.Combine(_folder.Path, "output", "2026", "03", "windows", "index.html"));

        Assert.DoesNotContain('\uFEFF', html);
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
        Assert.Equal("a-heading", _site.Page("/2026/03/windows/").QuerySelector("main h2")!.Id);
    }

    [Fact]
    public void Raw_HTML_is_published_as_written_with_the_listed_embed()
    {
        var page = _site.Page("/2026/03/embedded-video/");

        Assert.Equal("https://www.youtube-nocookie.com/embed/strike", page.QuerySelector("figure.wide iframe")!.GetAttribute("src"));
        Assert.Equal("Union photo desk", page.QuerySelector("figure.wide")!.GetAttribute("data-credit"));
        Assert.NotNull(page.QuerySelector("details summary"));
    }
}
