using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// What a long read offers a reader, on a small phone, a common phone and a desktop: the table of
/// contents, a series' parts, the corrections, a video's player before it is clicked and what the
/// publication asks of readers each fit the width with nothing cut off or scrolled sideways; the table
/// of contents leaves the first line of the first paragraph on the first screen. Each is photographed
/// for the reader's tour (docs/tour/, scripts/tour.sh).
/// </summary>
public sealed class ReaderTourTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;
    private const int ScreenHeight = 844;

    public static TheoryData<string, string, int> Parts()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 320, 390, 1280 })
        {
            data.Add("contents", "details.toc", width);
            data.Add("series", ".series", width);
            data.Add("corrections", "section.corrections", width);
            data.Add("call-to-action", "aside.call-to-action", width);
            data.Add("player", "figure.player", width);
        }

        return data;
    }

    [ToolTheory(Needs)]
    [MemberData(nameof(Parts))]
    public async Task Each_part_of_a_long_read_fits_the_screen(string name, string selector, int width)
    {
        await fixture.StartAsync();
        var path = FirstArticleWith(selector);
        await using var tab = await BrowserTab.OpenAsync(fixture, width, options: o => o.ViewportSize = new ViewportSize { Width = width, Height = ScreenHeight });
        await tab.GotoAsync(path);

        var part = tab.Page.Locator(selector).First;
        if (name == "contents")
        {
            await part.Locator("summary").ClickAsync();
            Assert.True(await part.Locator("a[href^='#']").CountAsync() >= 2, $"{path}: the table of contents lists fewer than two headings.");
        }

        await part.ScrollIntoViewIfNeededAsync();
        var box = await part.BoundingBoxAsync() ?? throw new InvalidOperationException($"{path}: {selector} is not shown.");
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"{path} at {width} px: {name} runs from {box.X} to {box.X + box.Width}.");
        var overflow = await tab.Page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} at {width} px scrolls sideways by {overflow} px.");

        var folder = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "tour");
        Directory.CreateDirectory(folder);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png") });
        tab.AssertClean();
    }

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    public async Task The_table_of_contents_leaves_the_first_paragraph_on_the_first_screen(int width)
    {
        await fixture.StartAsync();
        var pages = fixture.Site.HtmlFiles.Where(f => fixture.Site.Parse(f).QuerySelector("details.toc") is not null).Select(f => "/" + f[..^"index.html".Length]).ToList();
        Assert.NotEmpty(pages);
        await using var tab = await BrowserTab.OpenAsync(fixture, width, options: o => o.ViewportSize = new ViewportSize { Width = width, Height = ScreenHeight });
        foreach (var path in pages.Where(p => !HasLeadPicture(p)))
        {
            await tab.GotoAsync(path);
            // The bottom of the first paragraph's first line, on the page as it opens.
            var firstLine = await tab.Page.EvaluateAsync<double>("""
                () => {
                  const p = document.querySelector('.article-body > p');
                  return p.getBoundingClientRect().top + parseFloat(getComputedStyle(p).lineHeight);
                }
                """);
            Assert.True(firstLine <= ScreenHeight, $"{path} at {width} px: the first line of the first paragraph ends at {firstLine} px, below the first screen.");
        }
    }

    // A lead photograph fills a phone's first screen by itself, table of contents or not.
    private bool HasLeadPicture(string path) =>
        fixture.Site.Page(path).QuerySelector("figure.lead-image") is not null;

    private string FirstArticleWith(string selector) =>
        fixture.Site.HtmlFiles
            .Where(f => !f.StartsWith("es/", StringComparison.Ordinal) && !f.StartsWith("ar/", StringComparison.Ordinal))
            .Select(f => (File: f, Page: fixture.Site.Parse(f)))
            .Where(p => p.Page.QuerySelector(selector) is not null)
            .Where(p => p.Page.Body?.ClassList.Contains("kind-article") == true)
            .Select(p => "/" + p.File[..^"index.html".Length])
            .OrderBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No article of the sample has {selector}.");
}
