using System.Net;
using System.Text.RegularExpressions;
using Broadside.Cli.Serve;

namespace Broadside.Tests.Cli.Serve;

/// <summary>Editing the publication while the preview runs: rebuilds, the error overlay, and the reload events.</summary>
public sealed partial class LiveRebuildTests : IAsyncLifetime
{
    private const string ArticleUrl = "/2026/03/cap-rents-in-every-city/";
    private const string ArticleFile = "2026-03-14-cap-rents-in-every-city.md";
    private const string Title = "title: \"Cap rents in every city: inside the statewide ballot fight\"";

    private PreviewSite _site = null!;

    private string Article => _site.Input("articles", "2026", ArticleFile);

    public async Task InitializeAsync() => _site = await PreviewSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Editing_an_article_title_is_served_after_the_rebuild()
    {
        var original = await File.ReadAllTextAsync(Article);
        Assert.Contains(Title, original, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Article, original.Replace(Title, "title: \"Rent caps win in eleven cities\"", StringComparison.Ordinal));

        var body = await _site.WaitForAsync(ArticleUrl, (status, body) => body.Contains("Rent caps win in eleven cities", StringComparison.Ordinal), "the new title");
        Assert.Contains(PageInjection.ScriptTag, body, StringComparison.Ordinal);
        await _site.WaitUntilAsync(() => _site.Terminal.Contains($"{ArticleFile} changed. Built ", StringComparison.Ordinal), "the rebuild's line in the terminal");
    }

    [Fact]
    public async Task With_verbose_each_rebuild_gives_the_time_of_every_phase()
    {
        await using var verbose = await PreviewSite.StartAsync(verbose: true);
        var article = verbose.Input("articles", "2026", ArticleFile);
        await File.AppendAllTextAsync(article, "\nA sentence added while the preview runs.\n");

        string Report() => verbose.Terminal.IndexOf($"{ArticleFile} changed. Built ", StringComparison.Ordinal) is var at and >= 0 ? verbose.Terminal[at..] : string.Empty;
        await verbose.WaitUntilAsync(() => Report().Contains("collections:", StringComparison.Ordinal), "the rebuild's report");
        var report = Report();
        Assert.Matches(@"(?m)^  Articles +Process +[0-9.]+ ms +[0-9]+ documents$", report);
        Assert.Matches(@"(?m)^  Memory: [0-9.]+ GiB allocated; collections: ", report);
        Assert.DoesNotMatch(@"(?m)^  Articles +Process", _site.Terminal);
    }

    [Fact]
    public async Task A_broken_article_keeps_the_last_good_site_with_an_overlay_until_it_is_fixed()
    {
        var original = await File.ReadAllTextAsync(Article);
        var closing = original.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        Assert.True(closing > 0, "The article has no closing ---.");

        // Remove the closing --- of the front matter.
        await File.WriteAllTextAsync(Article, original.Remove(closing + 1, 4));

        var broken = await _site.WaitForAsync(ArticleUrl, (_, body) => body.Contains(PageInjection.OverlayId, StringComparison.Ordinal), "the error overlay");
        Assert.Contains("The site has errors", broken, StringComparison.Ordinal);
        Assert.Contains(ArticleFile, broken, StringComparison.Ordinal);
        Assert.Contains("Cap rents in every city", broken, StringComparison.Ordinal);
        Assert.Matches(OverlayAtTopOfBody(), broken);

        var (status, _, home) = await _site.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(PageInjection.OverlayId, home, StringComparison.Ordinal);

        await _site.WaitUntilAsync(() => _site.Errors.Contains(": error BS", StringComparison.Ordinal), "the error in the terminal");
        Assert.Contains(_site.Errors.Split('\n'), line => CompilerFormat().IsMatch(line.TrimEnd('\r')) && line.Contains(ArticleFile, StringComparison.Ordinal));
        Assert.Contains("Build failed: 1 error", _site.Errors, StringComparison.Ordinal);

        // Fixing the file (with a new title, to see the new build) clears the overlay.
        await File.WriteAllTextAsync(Article, original.Replace(Title, "title: \"Rent caps are back\"", StringComparison.Ordinal));

        var fixedPage = await _site.WaitForAsync(ArticleUrl, (_, body) => body.Contains("Rent caps are back", StringComparison.Ordinal), "the fixed article");
        Assert.DoesNotContain(PageInjection.OverlayId, fixedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(PageInjection.OverlayId, (await _site.GetAsync("/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_stream_sends_reload_after_a_rebuild()
    {
        using var timeout = new CancellationTokenSource(PreviewSite.Patience);
        using var response = await _site.Client.GetAsync(LiveReload.EventsPath, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        // The stream opens with a comment and a blank line: from then on this client hears every event.
        while (await events.ReadLineAsync(timeout.Token) is { Length: > 0 })
        {
        }

        await File.AppendAllTextAsync(Article, "\nOne more paragraph.\n", timeout.Token);

        string? line;
        do
        {
            line = await events.ReadLineAsync(timeout.Token);
        }
        while (line is not null and not "event: reload");

        Assert.Equal("event: reload", line);
        Assert.Equal("data: reload", await events.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task A_site_broken_from_the_start_shows_the_overlay_on_a_plain_page_until_it_is_fixed()
    {
        var original = await File.ReadAllTextAsync(Article);
        await using var broken = await PreviewSite.StartAsync(input => File.WriteAllText(Path.Combine(input, "articles", "2026", ArticleFile), original.Replace("\n---\n\n", "\n\n", StringComparison.Ordinal)));

        var (status, _, body) = await broken.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("The site has errors", body, StringComparison.Ordinal);
        Assert.Contains(ArticleFile, body, StringComparison.Ordinal);
        Assert.Contains(PageInjection.ScriptTag, body, StringComparison.Ordinal);

        await File.WriteAllTextAsync(broken.Input("articles", "2026", ArticleFile), original);

        var home = await broken.WaitForAsync("/", (status, _) => status == HttpStatusCode.OK, "the home page");
        Assert.DoesNotContain(PageInjection.OverlayId, home, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^.+\.md\(\d+(,\d+)?\): error BS\d{4}: .+$")]
    private static partial Regex CompilerFormat();

    [GeneratedRegex(@"<body[^>]*><div id=""broadside-errors""")]
    private static partial Regex OverlayAtTopOfBody();
}
