using System.Globalization;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// A reader on the sample site in headless Chromium, under the published Content-Security-Policy:
/// following links from the home page to a demand's feed, searching, reading on a phone, without
/// JavaScript. Every step must be free of console errors and of requests to anywhere but the site.
/// </summary>
public sealed class ReaderJourneyTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    [ToolFact(Needs)]
    public async Task A_reader_follows_the_home_page_to_an_article_its_topic_one_of_its_demands_and_that_demands_feed()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        var page = tab.Page;
        await tab.GotoAsync(SamplePages.Home);

        var lead = page.Locator(".front-lead .lead-title a");
        var headline = (await lead.InnerTextAsync()).Trim();
        await lead.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(headline, (await page.Locator("main h1").InnerTextAsync()).Trim());
        var article = tab.Path;

        var tag = page.Locator("article .tags a.tag").First;
        var topic = (await tag.InnerTextAsync()).Trim();
        await tag.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(topic, (await page.Locator("main h1").InnerTextAsync()).Trim());

        // Back to the article through the topic's own list of articles.
        await page.Locator($"main .card-title a[href='{article}']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(article, tab.Path);

        var demandLink = page.Locator("article aside.demands li a").First;
        await demandLink.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith("/demands/", tab.Path, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"main a[href='{article}']").CountAsync());

        var feedHref = await page.Locator("main .feed-link a").GetAttributeAsync("href");
        Assert.NotNull(feedHref);
        var feed = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), feedHref).AbsoluteUri);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("application/rss+xml", feed.Headers["content-type"], StringComparison.Ordinal);
        var xml = await feed.TextAsync();
        Assert.Contains("<rss", xml, StringComparison.Ordinal);
        Assert.Contains(article + "</link>", xml, StringComparison.Ordinal);

        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task A_search_opened_from_a_link_offers_every_filter_every_time()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 390);
        var page = tab.Page;
        var names = new[] { "section", "author", "tag", "demand" };

        // Pagefind draws a search's filters from the filter indexes it has loaded when the search runs:
        // the search in the address runs while they load. On a slow network (each filter index a moment
        // late, some later than others), thirty loads in a row, each with every filter.
        var random = new Random(30);
        await page.RouteAsync("**/pagefind/filter/**", async route =>
        {
            await Task.Delay(random.Next(50, 600));
            await route.ContinueAsync();
        });
        for (var load = 1; load <= 30; load++)
        {
            await tab.GotoAsync(SamplePages.Search + "?q=rent");
            await page.Locator(".pagefind-ui__result-link").First.WaitForAsync();
            await page.WaitForFunctionAsync(
                "names => names.every(n => [...document.querySelectorAll('.pagefind-ui__filter-name')].some(e => e.textContent.trim().toLowerCase().startsWith(n)))",
                names,
                new() { Timeout = 20_000 });
            var shown = await page.Locator(".pagefind-ui__filter-name").AllInnerTextsAsync();
            Assert.True(names.All(n => shown.Any(s => s.Trim().StartsWith(n, StringComparison.OrdinalIgnoreCase))), $"load {load}: filters {string.Join(", ", shown)}");
        }

        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task Search_finds_an_article_by_a_word_of_its_headline_and_offers_every_filter()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        var page = tab.Page;
        var article = fixture.Site.Page(fixture.Pages.Article);
        var headline = article.QuerySelector("main h1")!.TextContent.Trim();
        var result = page.Locator($".pagefind-ui__result-link[href='{fixture.Pages.Article}']");
        var names = new[] { "section", "author", "tag", "demand" };

        // Words typed as soon as the page opens, on a slow network: the filter indexes arrive after the
        // first results, and every filter is still offered.
        var random = new Random(60);
        await page.RouteAsync("**/pagefind/filter/**", async route =>
        {
            await Task.Delay(random.Next(50, 600));
            await route.ContinueAsync();
        });
        await tab.GotoAsync(SamplePages.Search);
        await page.Locator(".pagefind-ui__search-input").FillAsync(headline);
        await result.First.WaitForAsync();
        Assert.Equal(headline, (await result.First.InnerTextAsync()).Trim());
        await page.WaitForFunctionAsync(
            "names => names.every(n => [...document.querySelectorAll('.pagefind-ui__filter-name')].some(e => e.textContent.trim().toLowerCase().startsWith(n)))",
            names,
            new() { Timeout = 60_000 });

        var filters = await page.Locator(".pagefind-ui__filter-name").AllInnerTextsAsync();
        Assert.All(names, name => Assert.Contains(filters, text => text.Trim().StartsWith(name, StringComparison.OrdinalIgnoreCase)));

        await result.First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(fixture.Pages.Article, tab.Path);
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task A_search_in_the_address_runs_when_the_page_opens()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        var demand = fixture.Site.Page(fixture.Pages.Demand).QuerySelector("main h1")!.TextContent.Trim();

        await tab.GotoAsync(SamplePages.Search + "?q=" + Uri.EscapeDataString(demand));

        await tab.Page.Locator(".pagefind-ui__result-link").First.WaitForAsync();
        Assert.Equal(demand, await tab.Page.Locator(".pagefind-ui__search-input").InputValueAsync());
        Assert.Equal(0, await tab.Page.Locator("#search-note").CountAsync());
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task Without_JavaScript_the_search_page_says_so_and_every_page_still_reads()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280, options: o => o.JavaScriptEnabled = false);

        await tab.GotoAsync(SamplePages.Search);
        Assert.Contains("needs JavaScript", await tab.Page.Locator("#search-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await tab.Page.Locator(".search-browse a").CountAsync() > 3);

        await tab.GotoAsync(fixture.Pages.Article);
        Assert.True(await tab.Page.Locator("article .article-body p").First.IsVisibleAsync());
        tab.AssertClean();
    }

    [ToolTheory(Needs)]
    [MemberData(nameof(SamplePages.Kinds), MemberType = typeof(SamplePages))]
    public async Task Each_kind_of_page_fits_a_320px_screen_and_is_photographed_at_phone_and_desktop_widths(string name)
    {
        foreach (var width in new[] { 320, 360, 1280 })
        {
            await using var tab = await BrowserTab.OpenAsync(fixture, width);
            await tab.GotoAsync(fixture.Pages.ByName[name]);
            if (name == "search")
            {
                await tab.Page.Locator(".pagefind-ui__search-input").FillAsync("rent");
                await tab.Page.Locator(".pagefind-ui__result-link").First.WaitForAsync();
            }

            var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name} is {overflow}px wider than a {width}px screen: readers would scroll sideways.");
            if (width != 320)
            {
                var file = await tab.ScreenshotAsync(string.Create(CultureInfo.InvariantCulture, $"{name}-{width}"));
                Assert.True(new FileInfo(file).Length > 0);
            }

            tab.AssertClean();
        }
    }

    [ToolFact(Needs)]
    public async Task The_dark_theme_follows_the_readers_setting()
    {
        async Task<string> Background(ColorScheme scheme)
        {
            await using var tab = await BrowserTab.OpenAsync(fixture, 1280, scheme);
            await tab.GotoAsync(fixture.Pages.Article);
            return await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        }

        var light = await Background(ColorScheme.Light);
        var dark = await Background(ColorScheme.Dark);

        Assert.NotEqual(light, dark);
        Assert.True(Luminance(dark) < 0.2 && Luminance(light) > 0.8, $"light {light}, dark {dark}");
    }

    [ToolFact(Needs)]
    public async Task A_printed_article_carries_its_address_and_date_and_leaves_out_the_menus()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        await tab.GotoAsync(fixture.Pages.Article);
        await tab.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var source = tab.Page.Locator(".print-source");
        Assert.True(await source.IsVisibleAsync());
        var text = await source.InnerTextAsync();
        var date = await tab.Page.Locator("article .article-meta time").First.InnerTextAsync();
        Assert.Contains(fixture.Pages.Article, text, StringComparison.Ordinal);
        Assert.Contains(date.Trim(), text, StringComparison.Ordinal);
        Assert.False(await tab.Page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await tab.Page.Locator(".share").IsVisibleAsync());
        var pdf = await tab.Page.PdfAsync();
        Assert.True(pdf.Length > 1000);
        tab.AssertClean();
    }

    // Relative luminance of "rgb(r, g, b)", from 0 (black) to 1 (white).
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',')
            .Take(3)
            .Select(part => double.Parse(part, CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}
