using System.Text.Json;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// Demands on a phone 390 by 844 pixels: the page of the demand with the longest headline shows its
/// headline, its counts and its first article before the reader scrolls, and the demand box of the
/// article with the longest demands is well under a screen tall, its headlines bolder than its explanations.
/// </summary>
public sealed class DemandTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    private const int Width = 390;

    private const int Height = 844;

    [ToolFact(Needs)]
    public async Task The_page_of_the_longest_demand_shows_its_headline_counts_and_first_article_above_the_fold()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, Width, options: Phone);
        await tab.GotoAsync(LongestDemandPage());

        var bottoms = await tab.Page.EvaluateAsync<JsonElement>("""
            () => ({
              headline: document.querySelector('h1').getBoundingClientRect().bottom,
              counts: document.querySelector('.demand-count').getBoundingClientRect().bottom,
              firstArticle: document.querySelector('.entry-grid .card-title').getBoundingClientRect().bottom,
              scrollWidth: document.documentElement.scrollWidth
            })
            """);

        foreach (var part in new[] { "headline", "counts", "firstArticle" })
        {
            Assert.True(bottoms.GetProperty(part).GetDouble() <= Height, $"{tab.Path}: the {part} ends {bottoms.GetProperty(part).GetDouble():F0} px down, below the first screen of {Height} px");
        }

        Assert.True(bottoms.GetProperty("scrollWidth").GetInt32() <= Width, $"{tab.Path} is wider than the phone");
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task The_demand_box_of_the_article_with_the_longest_demands_fits_well_under_a_screen()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, Width, options: Phone);
        await tab.GotoAsync(LongestDemandsArticle());

        var box = await tab.Page.EvaluateAsync<JsonElement>("""
            () => {
              const aside = document.querySelector('aside.demands');
              const weight = selector => Math.min(...[...aside.querySelectorAll(selector)].map(e => +getComputedStyle(e).fontWeight));
              return {
                height: aside.getBoundingClientRect().height,
                headline: weight('.demand-headline'),
                explanation: weight('.demand-explanation'),
                body: +getComputedStyle(document.querySelector('.article-body p')).fontWeight
              };
            }
            """);

        var height = box.GetProperty("height").GetDouble();
        Assert.True(height <= Height * 0.8, $"{tab.Path}: the demand box is {height:F0} px tall on a {Height} px screen");
        Assert.True(box.GetProperty("headline").GetDouble() >= 700, $"{tab.Path}: headlines are not bold");
        Assert.Equal(box.GetProperty("body").GetDouble(), box.GetProperty("explanation").GetDouble());
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task A_won_demand_says_when_and_after_how_long_and_its_timeline_is_drawn()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, Width, options: Phone);
        var won = fixture.Site.Page(SamplePages.Demands).QuerySelector("#topic-won ~ ol .demand-item-title a")?.GetAttribute("href");
        Assert.NotNull(won);
        await tab.GotoAsync(won);

        var facts = await tab.Page.EvaluateAsync<JsonElement>("""
            () => ({
              victory: document.querySelector('.victory')?.textContent.trim() ?? '',
              bars: [...document.querySelectorAll('svg.timeline-chart rect.timeline-bar')].map(r => r.getBoundingClientRect().height),
              won: !!document.querySelector('svg.timeline-chart .timeline-won'),
              caption: document.querySelector('.timeline figcaption')?.textContent.trim() ?? ''
            })
            """);

        Assert.Matches(@"^Won on .+, after \d+ articles? and .+ campaigning\.", facts.GetProperty("victory").GetString());
        Assert.True(facts.GetProperty("bars").GetArrayLength() >= 2, $"{tab.Path}: fewer than two bars in the timeline");
        Assert.All(facts.GetProperty("bars").EnumerateArray(), bar => Assert.True(bar.GetDouble() > 0, "a bar is not drawn"));
        Assert.True(facts.GetProperty("won").GetBoolean(), $"{tab.Path}: the day it was won is not marked");
        Assert.NotEqual(string.Empty, facts.GetProperty("caption").GetString());
        tab.AssertClean();
    }

    private static void Phone(BrowserNewContextOptions options)
    {
        options.ViewportSize = new ViewportSize { Width = Width, Height = Height };
        options.DeviceScaleFactor = 3;
        options.IsMobile = true;
        options.HasTouch = true;
    }

    // The demand page whose headline is longest.
    private string LongestDemandPage() =>
        fixture.Site.HtmlFiles
            .Where(file => file.StartsWith("demands/", StringComparison.Ordinal) && file.Count(c => c == '/') == 2)
            .Select(file => (File: file, Headline: fixture.Site.Parse(file).QuerySelector("h1.placard-demand")?.TextContent.Length ?? 0))
            .OrderByDescending(p => p.Headline)
            .Select(p => "/" + p.File[..^"index.html".Length])
            .First();

    // The article whose demands are the most words.
    private string LongestDemandsArticle() =>
        fixture.Site.HtmlFiles
            .Select(file => (File: file, Demands: fixture.Site.Parse(file).QuerySelector("article aside.demands ol")?.TextContent.Length ?? 0))
            .OrderByDescending(p => p.Demands)
            .Select(p => "/" + p.File[..^"index.html".Length])
            .First();
}
