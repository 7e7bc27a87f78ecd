using Broadside.Build;
using Broadside.Tests.Build;
using Broadside.Tests.TestSupport;
using Microsoft.Playwright;

namespace Broadside.Tests.Browser;

/// <summary>
/// The sample publication built with search, indexed by Pagefind, served on the loopback address
/// with netlify.toml's headers, and a headless Debian Chromium to read it with. Nothing starts until
/// a test asks (<see cref="StartAsync"/>), so that tests skipped for want of the tools need none.
/// </summary>
public sealed class BrowserSiteFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _output = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticSiteServer? _server;
    private SamplePages? _pages;

    /// <summary>The headless browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>The served site's address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => _server?.Url ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>A page of each kind, found by following the built site's own links.</summary>
    public SamplePages Pages => _pages ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>The built site on disk.</summary>
    public SiteOutput Site { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>screenshots/</c> next to the test binaries.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Builds, indexes and serves the site and starts the browser, once; fails the test when a tool is missing.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return;
            }

            QualityTools.Require(Tool.Chromium | Tool.Pagefind);
            var result = Builder.Build(SampleSiteFixture.OptionsFor(_output.Path) with { Search = true });
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            var indexed = QualityTools.Pagefind!.Index(_output.Path, Broadside.Search.PagefindIndexer.LanguageFor(Broadside.Configuration.SiteConfigLoader.Load(Path.Combine(RepositoryPaths.Input, "site.yml"), "site.yml", new Broadside.Diagnostics.DiagnosticBag())));
            Assert.True(indexed.Succeeded, indexed.Message);

            Site = new SiteOutput(_output.Path);
            _pages = SamplePages.Find(Site);
            _server = await StaticSiteServer.StartAsync(_output.Path);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = QualityTools.Chromium,
                Headless = true,
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
        _output.Dispose();
    }
}
