using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// A browser tab on the served site that records what a reader must never meet: console errors
/// (Content-Security-Policy violations among them), uncaught script errors, failed responses from the
/// site, and any request to anywhere but the site, which is blocked before it leaves.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly List<string> _elsewhere = [];
    private readonly Uri _site;

    private BrowserTab(IBrowserContext context, IPage page, Uri site)
    {
        _context = context;
        Page = page;
        _site = site;
    }

    /// <summary>The tab.</summary>
    public IPage Page { get; }

    /// <summary>Console errors, script errors and failed responses, in order.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Requests to other origins, which were blocked.</summary>
    public IReadOnlyList<string> RequestsElsewhere
    {
        get
        {
            lock (_elsewhere)
            {
                return [.. _elsewhere];
            }
        }
    }

    /// <summary>Opens a tab <paramref name="width"/> pixels wide; <paramref name="options"/> adds to the context's options.</summary>
    public static async Task<BrowserTab> OpenAsync(BrowserSiteFixture site, int width, ColorScheme scheme = ColorScheme.Light, Action<BrowserNewContextOptions>? options = null)
    {
        await site.StartAsync();
        var contextOptions = new BrowserNewContextOptions
        {
            BaseURL = site.Url.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme,
            Locale = "en-US",
        };
        options?.Invoke(contextOptions);
        var context = await site.Browser.NewContextAsync(contextOptions);
        // Every step of these pages takes well under a second here; a wait this long means something is broken.
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var tab = new BrowserTab(context, page, site.Url);
        await context.RouteAsync("**/*", tab.RouteAsync);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.Add($"console error on {page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => tab.Add($"script error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                tab.Add($"{response.Status} for {response.Url}");
            }
        };
        return tab;
    }

    /// <summary>Opens a root-relative path and waits until the network is idle; fails the test on an error status.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
    }

    /// <summary>The path of the tab's address, such as <c>/2026/11/slug/</c>.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>Fails the test when the tab met a problem or tried to reach another origin.</summary>
    public void AssertClean()
    {
        Assert.True(Problems.Count == 0, "The reader met these problems:\n" + string.Join('\n', Problems));
        Assert.True(RequestsElsewhere.Count == 0, "These requests tried to leave the site:\n" + string.Join('\n', RequestsElsewhere));
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserSiteFixture.ScreenshotFolder);
        var file = System.IO.Path.Combine(BrowserSiteFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.Scheme is "data" or "blob" || Uri.Compare(url, _site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            await route.ContinueAsync();
            return;
        }

        lock (_elsewhere)
        {
            _elsewhere.Add($"{route.Request.Method} {route.Request.Url} (from {Page.Url})");
        }

        await route.AbortAsync("blockedbyclient");
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
