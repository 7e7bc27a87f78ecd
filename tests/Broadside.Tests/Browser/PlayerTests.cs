using System.Text.Json;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// The sample's article with a video and a sound file, read in Chromium on phones and a desktop: until
/// the reader clicks, the page asks no other site for anything (the still is the site's own picture);
/// a click puts YouTube's privacy-enhanced player in the link's place, told the site's origin and
/// nothing more; without JavaScript the link opens the video on its host; the sound plays in the
/// browser's own player. The video host is a stub served in the test: nothing here needs the network.
/// </summary>
public sealed class PlayerTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    private const string Player = "https://www.youtube-nocookie.com/";

    private const string VideoPage = "https://www.youtube.com/";

    private const string Stub = "<!DOCTYPE html><html lang=\"en\"><title>Stub player</title><p>The player</p></html>";

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Before_a_click_no_other_site_is_asked_and_the_click_plays_the_privacy_enhanced_player(int width)
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, width, options: o => o.IsMobile = width < 1000);
        var requests = Record(tab.Page);
        var played = new List<IRequest>();
        await tab.Page.RouteAsync(Player + "**", async route =>
        {
            lock (played)
            {
                played.Add(route.Request);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = Stub });
        });
        await tab.GotoAsync(fixture.Pages.Media);

        // Scrolled through, so that the still and everything lazy has loaded.
        await tab.Page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += 300) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 40)); } }");
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var link = tab.Page.Locator(".article-body a.player-link").First;
        await link.ScrollIntoViewIfNeededAsync();
        await tab.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.player-link img')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Empty(Elsewhere(requests, tab));
        Assert.Empty(await tab.Page.Locator("iframe").AllAsync());

        // The still fills the column at 16:9, with its play mark in the middle and the host named under it.
        var box = await Box(tab.Page, ".article-body .player-still");
        Assert.InRange(box.Width / box.Height, 16.0 / 9 - 0.02, 16.0 / 9 + 0.02);
        Assert.True(box.Width <= width, $"the still is {box.Width}px wide on a {width}px screen");
        var play = await Box(tab.Page, ".article-body .player-play");
        Assert.InRange(play.X + (play.Width / 2), box.X + (box.Width / 2) - 2, box.X + (box.Width / 2) + 2);
        Assert.Equal("Watch on YouTube", await tab.Page.Locator(".article-body .player-host").First.TextContentAsync());
        var named = await link.GetAttributeAsync("data-title");
        Assert.False(string.IsNullOrEmpty(named));
        Directory.CreateDirectory(BrowserSiteFixture.ScreenshotFolder);
        await tab.Page.Locator(".article-body figure.player").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ScreenshotFolder, $"player-{width}.png") });

        var address = tab.Page.Url;
        await tab.Page.RunAndWaitForRequestFinishedAsync(() => link.ClickAsync(), new PageRunAndWaitForRequestFinishedOptions { Predicate = r => r.Url.StartsWith(Player, StringComparison.Ordinal) });
        var frame = tab.Page.Locator(".article-body figure.player iframe");
        await frame.WaitForAsync();

        // The page stayed; the frame is the privacy-enhanced player of the video's id, playing, with its title.
        Assert.Equal(address, tab.Page.Url);
        var src = new Uri((await frame.GetAttributeAsync("src"))!);
        Assert.Equal("www.youtube-nocookie.com", src.Host);
        Assert.Equal("https", src.Scheme);
        Assert.StartsWith("/embed/", src.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("autoplay=1", src.Query, StringComparison.Ordinal);
        Assert.Equal(named, await frame.GetAttributeAsync("title"));
        Assert.Equal("strict-origin", await frame.GetAttributeAsync("referrerpolicy"));
        Assert.Contains("autoplay", await frame.GetAttributeAsync("allow"), StringComparison.Ordinal);
        Assert.NotNull(await frame.GetAttributeAsync("allowfullscreen"));
        var frameBox = await Box(tab.Page, ".article-body .player-frame");
        Assert.Equal(box.Width, frameBox.Width, 1);
        Assert.Equal(box.Height, frameBox.Height, 1);

        // The player was asked once, told the site's origin and not the article; nothing else left the site.
        var asked = Assert.Single(played);
        Assert.Equal(src.AbsoluteUri, new Uri(asked.Url).AbsoluteUri);
        Assert.Equal(fixture.Url.AbsoluteUri, (await asked.AllHeadersAsync()).GetValueOrDefault("referer"));
        Assert.Equal(["www.youtube-nocookie.com"], Elsewhere(requests, tab).Select(r => new Uri(r).Host).Distinct());
        Assert.True(await tab.Page.Locator(".article-body figure.player figcaption a[href^='https://www.youtube.com/']").IsVisibleAsync());
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task The_keyboard_plays_the_video_too_and_focus_moves_into_the_player()
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, 1280);
        await tab.Page.RouteAsync(Player + "**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = Stub }));
        await tab.GotoAsync(fixture.Pages.Media);

        await tab.Page.Locator(".article-body a.player-link").First.FocusAsync();
        var outline = await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.Page.Locator(".article-body figure.player iframe").WaitForAsync();

        Assert.NotEqual("none", outline);
        Assert.Equal("IFRAME", await tab.Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        tab.AssertClean();
    }

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Without_JavaScript_the_player_is_a_link_that_opens_the_video_on_its_host(int width)
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, width, options: o => o.JavaScriptEnabled = false);
        var opened = new List<string>();
        await tab.Page.RouteAsync(VideoPage + "**", async route =>
        {
            lock (opened)
            {
                opened.Add(route.Request.Url);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = Stub });
        });
        await tab.GotoAsync(fixture.Pages.Media);

        var link = tab.Page.Locator(".article-body a.player-link").First;
        Assert.True(await link.IsVisibleAsync());
        var href = (await link.GetAttributeAsync("href"))!;
        Assert.StartsWith(VideoPage + "watch?v=", href, StringComparison.Ordinal);
        Assert.Empty(tab.RequestsElsewhere);

        await link.ClickAsync();
        await tab.Page.WaitForURLAsync(href);

        Assert.Equal([href], opened);
        Assert.Empty(await tab.Page.Locator("iframe").AllAsync());
    }

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_sound_file_of_the_site_plays_in_the_browsers_own_player(int width)
    {
        await using var tab = await BrowserTab.OpenAsync(fixture, width);
        await tab.GotoAsync(fixture.Pages.Media);

        var audio = tab.Page.Locator(".article-body figure.media audio").First;
        await audio.ScrollIntoViewIfNeededAsync();
        await tab.Page.WaitForFunctionAsync("() => document.querySelector('.article-body audio').readyState >= 1");
        var state = await audio.EvaluateAsync<JsonElement>("a => ({ controls: a.controls, duration: a.duration, src: new URL(a.currentSrc).pathname, label: a.getAttribute('aria-label'), width: a.getBoundingClientRect().width, column: a.closest('.article-body').getBoundingClientRect().width })");

        Assert.True(state.GetProperty("controls").GetBoolean());
        Assert.InRange(state.GetProperty("duration").GetDouble(), 5, 10);
        Assert.StartsWith("/media/", state.GetProperty("src").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(state.GetProperty("label").GetString()));
        Assert.Equal(state.GetProperty("column").GetDouble(), state.GetProperty("width").GetDouble(), 1);
        tab.AssertClean();
    }

    // Every request the page makes, wherever it goes.
    private static List<string> Record(IPage page)
    {
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        return requests;
    }

    private static List<string> Elsewhere(List<string> requests, BrowserTab tab)
    {
        lock (requests)
        {
            return [.. requests.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith(new Uri(tab.Page.Url).GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal))];
        }
    }

    private static async Task<(double X, double Y, double Width, double Height)> Box(IPage page, string selector)
    {
        var box = await page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not shown.");
        return (box.X, box.Y, box.Width, box.Height);
    }
}
