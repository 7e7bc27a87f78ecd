using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadside.Tests.Browser;

/// <summary>
/// The masthead on a phone and a desktop: a page's own first words near the top of the first screen on
/// every kind of page, and every section and standalone page one tap away through a menu that works by
/// touch, mouse and keyboard without JavaScript, and is open for good on a wide screen.
/// </summary>
public sealed class MenuTests(BrowserSiteFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserSiteFixture>
{
    private const Tool Needs = Tool.Chromium | Tool.Pagefind;

    // The height of a common phone's screen (390 by 844 CSS pixels).
    private const int ScreenHeight = 844;

    // Where a page's first words start, from the top of the document: the first heading a reader sees
    // (on the home page, the lead story's headline) and the first text of the main content (a
    // headline's section, above it); -1 when there is none.
    private const string FirstWords = """
        () => {
          const main = document.querySelector('main');
          const seen = r => r.width > 1 && r.height > 1;
          const heading = [...main.querySelectorAll('h1, h2')].find(h => seen(h.getBoundingClientRect()));
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, { acceptNode: n => n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP });
          let first = null;
          for (let node = walker.nextNode(); node && !first; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            // Text clipped to a pixel (.visually-hidden) is for screen readers, not in sight.
            if (seen(range.getBoundingClientRect()) && seen(node.parentElement.getBoundingClientRect())) first = { top: range.getBoundingClientRect().top, text: node.data.trim() };
          }
          return {
            heading: heading ? heading.getBoundingClientRect().top + scrollY : -1,
            headingText: heading ? heading.textContent.trim().slice(0, 40) : '',
            first: first ? first.top + scrollY : -1,
            firstText: first ? first.text.slice(0, 40) : '',
            wide: document.documentElement.scrollWidth > innerWidth
          };
        }
        """;

    /// <summary>Every kind of page, by the names <see cref="PathOf"/> knows.</summary>
    public static TheoryData<string> Kinds() => ["home", "article", "section", "tag", "author", "year", "demands", "demand", "page", "search", "not-found", "home-ar", "article-ar"];

    [ToolTheory(Needs)]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_first_words_of_every_kind_of_page_are_in_the_top_third_of_a_phones_first_screen(int width)
    {
        // On a wide screen the masthead may be taller, but the page's own words still start in the top half.
        var limit = width < 768 ? ScreenHeight / 3 : ScreenHeight / 2;
        await using var tab = await OpenAsync(width);
        var problems = new List<string>();
        foreach (var kind in Kinds())
        {
            var path = PathOf(kind);
            await tab.GotoAsync(path);
            var words = await tab.Page.EvaluateAsync<JsonElement>(FirstWords);
            var (heading, first) = (words.GetProperty("heading").GetDouble(), words.GetProperty("first").GetDouble());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{width} px, {kind} ({path}): first words at {first:0} px (\"{words.GetProperty("firstText").GetString()}\"), heading at {heading:0} px (\"{words.GetProperty("headingText").GetString()}\")"));
            if (heading < 0 || heading > limit || first < 0 || first > limit)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} ({path}): first words at {first:0} px, heading at {heading:0} px, past {limit} px"));
            }

            if (words.GetProperty("wide").GetBoolean())
            {
                problems.Add($"{kind} ({path}) is wider than the window");
            }

            if (kind is "home" or "article")
            {
                await TourAsync(tab, $"{kind}-{width}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        tab.AssertClean();
    }

    [ToolTheory(Needs)]
    [InlineData(390, "home")]
    [InlineData(320, "article")]
    [InlineData(390, "demand")]
    [InlineData(390, "not-found")]
    [InlineData(390, "home-ar")]
    [InlineData(390, "article-ar")]
    public async Task On_a_phone_without_javascript_one_tap_on_the_menu_shows_every_section_page_and_language(int width, string kind)
    {
        await using var tab = await OpenAsync(width, javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync(PathOf(kind));
        var expected = Reachable(kind.EndsWith("-ar", StringComparison.Ordinal) ? "ar/" : string.Empty);

        // Folded: the title and the control on one row, and none of the links in sight.
        var button = page.Locator("summary.menu-button");
        Assert.True(await button.IsVisibleAsync());
        var (title, control) = (await Box(page.Locator(".site-title a")), await Box(button));
        Assert.True(control.Y < title.Y + title.Height && title.Y < control.Y + control.Height, $"{tab.Path}: the menu control is not on the title's row ({title}, {control})");
        Assert.True(kind.EndsWith("-ar", StringComparison.Ordinal) ? control.X < title.X : control.X > title.X, $"{tab.Path}: the menu control is not at the end of the title's row ({title}, {control})");
        foreach (var href in expected)
        {
            Assert.False(await MenuLink(page, href).IsVisibleAsync(), $"{tab.Path}: {href} shows before the menu is opened");
        }

        await button.ClickAsync();
        Assert.True(await page.Locator("details.site-menu").EvaluateAsync<bool>("d => d.open"));
        foreach (var href in expected)
        {
            Assert.True(await MenuLink(page, href).IsVisibleAsync(), $"{tab.Path}: the open menu does not show {href}");
        }

        Assert.True(await page.Locator(".site-languages a[hreflang='es']").IsVisibleAsync(), $"{tab.Path}: the open menu does not show the languages");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"{tab.Path}: the open menu is wider than the window");

        // The second tap follows the link.
        var target = expected.First(href => href.Contains("/sections/", StringComparison.Ordinal));
        await MenuLink(page, target).ClickAsync();
        // Committed is enough: the section's heading below waits for the page itself.
        await page.WaitForURLAsync(url => Uri.UnescapeDataString(new Uri(url).AbsolutePath) == target, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        if (kind == "home")
        {
            await page.Locator("summary.menu-button").ClickAsync();
            await TourAsync(tab, $"menu-{width}");
        }

        tab.AssertClean();
    }

    [ToolTheory(Needs)]
    [InlineData("home")]
    [InlineData("article")]
    [InlineData("home-ar")]
    public async Task On_a_wide_screen_every_section_and_page_is_in_sight_without_a_tap(string kind)
    {
        await using var tab = await OpenAsync(1280, javaScript: false);
        await tab.GotoAsync(PathOf(kind));

        Assert.False(await tab.Page.Locator("summary.menu-button").IsVisibleAsync());
        foreach (var href in Reachable(kind.EndsWith("-ar", StringComparison.Ordinal) ? "ar/" : string.Empty))
        {
            Assert.True(await MenuLink(tab.Page, href).IsVisibleAsync(), $"{tab.Path}: {href} is not in sight");
        }

        Assert.True(await tab.Page.Locator(".site-languages a[hreflang='es']").IsVisibleAsync());
        Assert.True(await tab.Page.Locator(".site-tagline").IsVisibleAsync());
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task The_menu_control_is_reached_by_tab_and_opens_and_closes_with_enter_and_space()
    {
        await using var tab = await OpenAsync(390);
        var page = tab.Page;
        await tab.GotoAsync(fixture.Pages.Article);

        // The skip link, the site's title, then the control.
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("SUMMARY", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        Assert.Equal("Menu", (await page.Locator("summary.menu-button").InnerTextAsync()).Trim());
        var details = page.Locator("details.site-menu");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        Assert.True(await details.EvaluateAsync<bool>("d => d.open"));
        await page.Keyboard.PressAsync("Space");
        Assert.False(await details.EvaluateAsync<bool>("d => d.open"));
        await page.Keyboard.PressAsync("Space");
        Assert.True(await details.EvaluateAsync<bool>("d => d.open"));

        // The next stop is the menu's first link, in sight.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.site-nav')"));
        Assert.True(await page.Locator(".site-nav a:focus").IsVisibleAsync());
        tab.AssertClean();
    }

    [ToolFact(Needs)]
    public async Task Sections_and_pages_are_set_alike_in_the_menu()
    {
        foreach (var width in new[] { 390, 1280 })
        {
            await using var tab = await OpenAsync(width);
            await tab.GotoAsync(SamplePages.Home);
            if (width < 768)
            {
                await tab.Page.Locator("summary.menu-button").ClickAsync();
            }

            var styles = await tab.Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.site-nav li:not(.nav-demands) a')].map(a => {
                  const s = getComputedStyle(a);
                  return `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.textTransform} ${s.letterSpacing}`;
                })
                """);
            Assert.True(styles.Length > 6);
            Assert.Single(styles.Distinct());
            Assert.Contains(" none ", styles[0], StringComparison.Ordinal);
        }
    }

    [ToolTheory(Needs | Tool.Axe)]
    [InlineData("home", ColorScheme.Light)]
    [InlineData("home", ColorScheme.Dark)]
    [InlineData("article-ar", ColorScheme.Light)]
    public async Task Axe_finds_no_violation_in_the_open_menu_on_a_phone(string kind, ColorScheme scheme)
    {
        // axe is injected as an inline script, which the site's policy rightly blocks: this tab alone bypasses it.
        await using var tab = await BrowserTab.OpenAsync(fixture, 390, scheme, o => o.BypassCSP = true);
        await tab.GotoAsync(PathOf(kind));
        await tab.Page.Locator("summary.menu-button").ClickAsync();

        await tab.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = QualityTools.AxeScript });
        var violations = await tab.Page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map(v => `${v.id}: ${v.help}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);

        Assert.True(violations.Length == 0, string.Join('\n', violations));
        tab.AssertClean();
    }

    // Opens a tab the height of a phone's screen, with or without scripts.
    private Task<BrowserTab> OpenAsync(int width, bool javaScript = true) =>
        BrowserTab.OpenAsync(fixture, width, options: o =>
        {
            o.ViewportSize = new ViewportSize { Width = width, Height = ScreenHeight };
            o.JavaScriptEnabled = javaScript;
        });

    private string PathOf(string kind) => kind switch
    {
        "year" => "/" + fixture.Pages.Article.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] + "/",
        "page" => Reachable(string.Empty).First(href => !href.Contains("/sections/", StringComparison.Ordinal) && href is not (SamplePages.Demands or SamplePages.Search)),
        "not-found" => "/404.html",
        _ => fixture.Pages.ByName[kind],
    };

    // What the menu of a language's pages must reach, from the built files: its demands and search
    // pages, every section page, and every standalone page.
    private List<string> Reachable(string language)
    {
        var site = fixture.Site;
        var sections = site.HtmlFiles.Where(f => Regex.IsMatch(f, $"^{language}sections/[^/]+/index.html$"));
        var pages = site.HtmlFiles.Where(f => f.StartsWith(language, StringComparison.Ordinal)
            && (language.Length > 0 || !Regex.IsMatch(f, "^(es|ar)/"))
            && !site.IsRedirect(f)
            && site.Parse(f).Body?.ClassList.Contains("kind-page") == true);
        List<string> reachable = [$"/{language}demands/", $"/{language}search/", .. sections.Concat(pages).Select(f => "/" + f[..^"index.html".Length])];
        Assert.True(reachable.Count > 4, string.Join(", ", reachable));
        return reachable;
    }

    private static ILocator MenuLink(IPage page, string href) => page.Locator($".site-nav a[href='{href}']");

    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not shown.");

    // A screenshot of the window as a reader sees it, for the reader's tour (docs/tour/, scripts/tour.sh).
    private static async Task TourAsync(BrowserTab tab, string name)
    {
        var folder = Path.Combine(BrowserSiteFixture.ScreenshotFolder, "tour");
        Directory.CreateDirectory(folder);
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
