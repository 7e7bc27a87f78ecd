using System.Net;
using Broadside.Cli.Serve;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli.Serve;

/// <summary>What the preview server answers, against one server on an unchanged copy of the sample publication.</summary>
public sealed class PreviewServerTests(PreviewServerTests.Server server) : IClassFixture<PreviewServerTests.Server>
{
    private const string Article = "/2026/03/cap-rents-in-every-city/";
    private const string Sound = "/media/2026/solidarity-forever-tune.mp3";

    private PreviewSite Site => server.Site;

    [Fact]
    public async Task The_home_page_answers_with_the_live_reload_script_and_no_store()
    {
        using var response = await Site.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "The response may be cached.");
        Assert.Contains("<script src=\"/__broadside/live.js\"></script></body>", body, StringComparison.Ordinal);
        Assert.DoesNotContain(PageInjection.OverlayId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_answers_at_its_url_with_links_to_the_preview()
    {
        var (status, _, body) = await Site.GetAsync(Article);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Cap rents in every city", body, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site.Url}2026/03/cap-rents-in-every-city/\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_previewed()
    {
        var (status, _, body) = await Site.GetAsync("/2026/11/grocery-workers-vote-on-strike-authorization/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Grocery workers vote on strike authorization", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_asked_for_without_its_slash_redirects_to_it()
    {
        using var response = await Site.Client.GetAsync("/about?x=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/about/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_missing_path_answers_404_with_the_sites_404_page()
    {
        var (status, type, body) = await Site.GetAsync("/2026/03/no-such-article/");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", type);
        Assert.Equal(PageInjection.Inject(await File.ReadAllTextAsync(Path.Combine(Site.OutputFolder, "404.html")), []), body);
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=100-", 100, -1)]
    [InlineData("bytes=-10", -10, 10)]
    [InlineData("bytes=5-5", 5, 1)]
    [InlineData("bytes=0-99999999", 0, -1)]
    public async Task A_range_of_a_sound_file_answers_206_with_those_bytes_as_players_ask(string range, int first, int length)
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(Site.OutputFolder, "media", "2026", "solidarity-forever-tune.mp3"));
        var start = first < 0 ? file.Length + first : first;
        var count = length < 0 ? file.Length - start : length;
        using var request = new HttpRequestMessage(HttpMethod.Get, Sound);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await Site.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {start}-{start + count - 1}/{file.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(file.AsSpan(start, count).ToArray(), body);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_whole_file_says_ranges_are_answered_and_a_range_past_its_end_answers_416()
    {
        var length = new FileInfo(Path.Combine(Site.OutputFolder, "media", "2026", "solidarity-forever-tune.mp3")).Length;
        using (var whole = await Site.Client.GetAsync(Sound))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Contains("bytes", whole.Headers.AcceptRanges);
            Assert.Equal(length, (await whole.Content.ReadAsByteArrayAsync()).Length);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, Sound);
        request.Headers.TryAddWithoutValidation("Range", $"bytes={length}-");
        using var past = await Site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, past.StatusCode);
        Assert.Equal($"bytes */{length}", past.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("items=0-9")]
    public async Task Several_ranges_or_another_unit_get_the_whole_file(string range)
    {
        var length = new FileInfo(Path.Combine(Site.OutputFolder, "media", "2026", "solidarity-forever-tune.mp3")).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, Sound);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await Site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("/../input/site.yml")]
    [InlineData("/%2e%2e/input/site.yml")]
    [InlineData("/..%2finput%2fsite.yml")]
    [InlineData("/assets/../../input/site.yml")]
    [InlineData("/..\\input\\site.yml")]
    [InlineData("/.broadside-manifest")]
    [InlineData("/%2Ebroadside-manifest")]
    [InlineData("/2026/../.broadside-manifest")]
    public async Task Traversal_and_hidden_files_answer_404(string target)
    {
        var (status, response) = await Site.RawGetAsync(target);

        Assert.Equal(404, status);
        Assert.DoesNotContain("base_url", response, StringComparison.Ordinal);
        Assert.DoesNotContain("index.html\n", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feed.xml", "application/rss+xml")]
    [InlineData("/sections/labor/feed.xml", "application/rss+xml")]
    [InlineData("/atom.xml", "application/atom+xml")]
    [InlineData("/feed.json", "application/feed+json")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/demands.json", "application/json")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/media/2025/bus-depot.svg", "image/svg+xml")]
    [InlineData("/__broadside/live.js", "text/javascript")]
    public async Task Files_have_their_content_types(string path, string mediaType)
    {
        using var response = await Site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "The response may be cached.");
    }

    [Fact]
    public async Task The_theme_stylesheet_is_served_as_css()
    {
        var home = (await Site.GetAsync("/")).Body;
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;

        using var response = await Site.Client.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Article)]
    [InlineData("/2026/03/no-such-article/")]
    [InlineData(LiveReload.ScriptPath)]
    [InlineData("/media/2026/solidarity-forever-tune.mp3")]
    public async Task Every_response_carries_the_security_headers_the_published_site_sends(string path)
    {
        var published = Broadside.Outputs.SecurityHeaders.Read(await File.ReadAllTextAsync(Path.Combine(Site.OutputFolder, "_headers")));
        Assert.NotEmpty(published);

        using var response = await Site.Client.GetAsync(path);

        foreach (var (name, value) in published)
        {
            Assert.Equal(value, string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name)));
        }

        Assert.Contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;", string.Join(", ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/admin/config.yml")]
    [InlineData("/admin/decap-cms.js")]
    [InlineData("/admin/broadside-widgets.js")]
    public async Task The_web_editor_gets_its_own_policy_which_also_lets_it_reach_decap_server_and_no_live_reload(string path)
    {
        var headers = await File.ReadAllTextAsync(Path.Combine(Site.OutputFolder, "_headers"));
        Assert.NotEmpty(Broadside.Outputs.SecurityHeaders.ReadEditor(headers));

        using var response = await Site.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (name, value) in Broadside.Outputs.SecurityHeaders.ForEditor(localBackend: true))
        {
            Assert.Equal(value, string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name)));
        }

        Assert.Contains(Broadside.Outputs.SecurityHeaders.LocalBackendOrigin, response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(LiveReload.ScriptPath, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sound_files_are_served_with_their_media_type_and_the_overlays_looks_as_a_stylesheet()
    {
        var (status, type, _) = await Site.GetAsync("/media/2026/solidarity-forever-tune.mp3");
        var (cssStatus, cssType, css) = await Site.GetAsync(PageInjection.StylesheetPath);

        Assert.Equal((HttpStatusCode.OK, "audio/mpeg"), (status, type));
        Assert.Equal((HttpStatusCode.OK, "text/css"), (cssStatus, cssType));
        Assert.Contains("#" + PageInjection.OverlayId + "{", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_reload_script_reloads_on_the_reload_event()
    {
        var (status, _, body) = await Site.GetAsync(LiveReload.ScriptPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("new EventSource(\"/__broadside/events\")", body, StringComparison.Ordinal);
        Assert.Contains("addEventListener(\"reload\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void It_listens_on_loopback_only_by_default()
    {
        Assert.Equal(new PreviewOptions { Build = new() { InputFolder = "i", ThemeFolder = "t", OutputFolder = "o" } }.Address, IPAddress.Loopback);
        Assert.Equal("127.0.0.1", Site.Url.Host);
    }

    [Fact]
    public async Task A_burst_of_a_thousand_concurrent_requests_is_answered_correctly()
    {
        const int requests = 1000;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Pages, a missing page, hidden files and climbs out of the site, all at once; a climb is sent
        // over a socket of its own, since HttpClient would resolve the '..' before sending it.
        async Task<string?> Request(int i)
        {
            await start.Task;
            switch (i % 5)
            {
                case 0:
                    var (status, _, body) = await Site.GetAsync(Article);
                    return status == HttpStatusCode.OK && body.Contains("Cap rents in every city", StringComparison.Ordinal) ? null : $"{Article}: {(int)status}";
                case 1:
                    var feed = await Site.GetAsync("/feed.xml");
                    return feed.Status == HttpStatusCode.OK && feed.MediaType == "application/rss+xml" ? null : $"/feed.xml: {(int)feed.Status}";
                case 2:
                    var missing = await Site.GetAsync("/2026/03/no-such-article/");
                    return missing.Status == HttpStatusCode.NotFound && missing.Body.Contains("Page not found", StringComparison.Ordinal) ? null : $"missing: {(int)missing.Status}";
                case 3:
                    var hidden = await Site.GetAsync("/.broadside-manifest");
                    return hidden.Status == HttpStatusCode.NotFound ? null : $"/.broadside-manifest: {(int)hidden.Status}";
                default:
                    var (rawStatus, response) = await Site.RawGetAsync(i % 2 == 0 ? "/../input/site.yml" : "/%2e%2e/%2e%2e/etc/passwd");
                    return rawStatus == 404 && !response.Contains("base_url", StringComparison.Ordinal) && !response.Contains("root:", StringComparison.Ordinal) ? null : $"climb: {rawStatus}";
            }
        }

        var tasks = Enumerable.Range(0, requests).Select(Request).ToList();
        start.SetResult();
        var failures = (await Task.WhenAll(tasks)).OfType<string>().ToList();

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await Site.GetAsync("/")).Status);
    }

    /// <summary>One server for the class: these tests only read.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly TemporaryFolder _decap = new();
        private PreviewSite? _site;

        /// <summary>The running server.</summary>
        internal PreviewSite Site => _site ?? throw new InvalidOperationException("The server has not started.");

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            // A stand-in for Decap CMS's package, so the sample's web editor is published as in production.
            var dist = _decap.Combine("node_modules", "decap-cms", "dist");
            Directory.CreateDirectory(dist);
            await File.WriteAllTextAsync(Path.Combine(dist, Broadside.Editor.DecapBundle.Script), "/* Decap CMS */\n");
            _site = await PreviewSite.StartAsync(editor: Broadside.Editor.DecapBundle.From(_decap.Combine("node_modules", "decap-cms")));
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_site is not null)
            {
                await _site.DisposeAsync();
            }

            _decap.Dispose();
        }
    }
}
