using System.Globalization;
using System.IO.Compression;
using System.Text;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;
using Xunit.Abstractions;

namespace Broadside.Tests.Quality;

/// <summary>
/// The theme's weight budget: an article page's HTML, stylesheets and scripts, gzip-compressed, come to
/// less than 60 KB, not counting images or the article's own text. Readers on cheap phones and slow
/// networks (and through Tor) pay for every byte before they read a word.
/// </summary>
public sealed class PageWeightTests(SampleSiteFixture fixture, ITestOutputHelper output) : IClassFixture<SampleSiteFixture>
{
    /// <summary>The budget, in bytes.</summary>
    public const int Budget = 60 * 1024;

    public static TheoryData<string> PublishedArticles() =>
        [.. PublicationContent.Read(RepositoryPaths.Input, SampleSiteFixture.Now).Published.Select(a => a.Url)];

    [Theory]
    [MemberData(nameof(PublishedArticles))]
    public void An_article_page_without_its_text_weighs_less_than_60_KB_compressed(string url)
    {
        var (html, assets) = Weigh(url);
        var total = html + assets.Sum(a => a.Bytes);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: {total / 1024.0:F1} KB = HTML {html / 1024.0:F1} KB + {string.Join(" + ", assets.Select(a => $"{a.File} {a.Bytes / 1024.0:F1} KB"))}"));
        Assert.Contains(assets, a => a.File.EndsWith(".css", StringComparison.Ordinal));
        Assert.True(total < Budget, string.Create(CultureInfo.InvariantCulture, $"{url} weighs {total} bytes compressed without its text, over the budget of {Budget}."));
    }

    // The page less its article text, gzip-compressed; and each stylesheet and script it loads, compressed.
    private (int Html, List<(string File, int Bytes)> Assets) Weigh(string url)
    {
        var page = fixture.Site.Page(url);
        var body = page.QuerySelector("article .article-body");
        Assert.NotNull(body);
        body.InnerHtml = string.Empty;
        var html = Gzipped(Encoding.UTF8.GetBytes("<!DOCTYPE html>\n" + page.DocumentElement.OuterHtml));

        var assets = page.QuerySelectorAll("link[rel~=stylesheet][href], script[src]")
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("src")!)
            .Distinct(StringComparer.Ordinal)
            .Select(address =>
            {
                var file = fixture.Site.FileFor(address);
                Assert.True(file is not null, $"{url} loads {address}, which the site does not have.");
                return (address, Gzipped(File.ReadAllBytes(file)));
            })
            .ToList();
        return (html, assets);
    }

    private static int Gzipped(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)compressed.Length;
    }
}
