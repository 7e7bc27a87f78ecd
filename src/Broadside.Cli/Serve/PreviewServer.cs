using System.Globalization;
using System.Net;
using System.Text;
using Broadside.Build;
using Broadside.Caching;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Pictures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Broadside.Cli.Serve;

/// <summary>
/// <c>broadside serve</c>'s server: builds the site into a private folder, serves it with Kestrel,
/// rebuilds when the input or the theme changes, and tells the browsers to reload. Every response
/// carries the security headers of the <c>_headers</c> file the build wrote, its content security
/// policy among them, so that editors see what readers will: a picture or a frame the published site
/// would block is blocked here too.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private const string NotFoundFallback =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
        + "<body><h1>Not found</h1><p>The site has no page at this address.</p></body></html>";

    private readonly WebApplication _app;
    private readonly Reporter _reporter;
    private readonly BuildState _state = new();
    private readonly LiveReload _reload = new();
    private readonly bool _verbose;
    private readonly CancellationTokenSource _stopping = new();
    private BuildOptions _build;
    private volatile IReadOnlyList<(string Name, string Value)> _headers = [];
    private volatile IReadOnlyList<(string Name, string Value)> _editorHeaders = [];
    private SiteWatcher? _watcher;
    private OutputLock? _lock;

    private PreviewServer(PreviewOptions options, Reporter reporter)
    {
        _reporter = reporter;
        _verbose = options.Verbose;
        _build = options.Build;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));

        // Ctrl+C belongs to the command line, which cancels the command and disposes the server.
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The address the site is served at, such as <c>http://127.0.0.1:4000/</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The folder the site is built into.</summary>
    public string OutputFolder => _build.OutputFolder;

    /// <summary>
    /// Starts listening, builds the site once, and watches the input and theme folders.
    /// Throws <see cref="IOException"/> when the address cannot be bound (the port is in use).
    /// </summary>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, Reporter reporter, CancellationToken cancellationToken)
    {
        var server = new PreviewServer(options, reporter);
        try
        {
            await server._app.StartAsync(cancellationToken);
            var bound = new Uri(server._app.Urls.First());
            var wildcard = options.Address.Equals(IPAddress.Any) || options.Address.Equals(IPAddress.IPv6Any);
            server.Url = new UriBuilder(Uri.UriSchemeHttp, wildcard ? "localhost" : bound.Host, bound.Port, "/").Uri;

            // Held for as long as the server runs: a second preview of the same input would build into the same folder.
            server._lock = OutputLock.TryAcquire(options.Build.OutputFolder, "broadside serve", TimeSpan.Zero, out var holder)
                ?? throw new PreviewLockedException($"the preview of {options.Build.InputFolder} is already being built, by {holder}: use that preview, or stop it first");

            // Pages link to the preview, not to the published site.
            // Pictures the preview has never made are made after the build that asked for them: the pages show at once.
            var pictures = new BackgroundPictures(paths => server.PicturesReady(paths));
            server._build = options.Build with { BaseUrl = server.Url, Cache = new BuildCache { Pictures = pictures }, Lock = server._lock };
            server._watcher = new SiteWatcher([options.Build.InputFolder, options.Build.ThemeFolder], options.Debounce, server.Rebuild);
            server.Build(changed: null, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        _reload.Close();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _app.DisposeAsync();
        _state.Dispose();
        _lock?.Dispose();
        _stopping.Dispose();
    }

    private void Rebuild(IReadOnlyCollection<string> changed, CancellationToken cancellationToken) => Build(changed, cancellationToken);

    // The pictures of these files are made: the build that follows publishes them, and the open pages reload.
    private void PicturesReady(IReadOnlyCollection<string> files)
    {
        try
        {
            if (!_stopping.IsCancellationRequested)
            {
                Build(files, _stopping.Token, "made in the background");
            }
        }
        catch (ObjectDisposedException)
        {
            // The preview stopped while the pictures were being made.
        }
    }

    // Builds, prints one summary line and the diagnostics, and after a rebuild tells the browsers to reload.
    private void Build(IReadOnlyCollection<string>? changed, CancellationToken cancellationToken, string why = "changed")
    {
        var prefix = changed is null
            ? string.Empty
            : $"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {Describe(changed)} {why}. ";
        BuildResult result;
        try
        {
            var options = _build with { Now = DateTimeOffset.UtcNow };
            result = _state.Build(() => changed is null ? Builder.Build(options, cancellationToken) : Builder.Rebuild(options, changed, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _reporter.ErrorLine($"{prefix}The build stopped: {ex.Message}");
            return;
        }

        var warnings = result.WarningCount > 0 ? $", {Reporter.Count(result.WarningCount, "warning")}" : string.Empty;
        if (result.Succeeded)
        {
            var seconds = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
            _reporter.Line(
                $"{prefix}Built {Reporter.Count(result.Documents, "document")}: {Reporter.Count(result.FilesProduced, "file")} ({result.FilesWritten} written, {result.FilesProduced - result.FilesWritten} unchanged){warnings} in {seconds} s.",
                "green");
            if (changed is not null && result.Full is { } full)
            {
                _reporter.Line($"  Every file was made again: {full}.");
            }

            if (_verbose)
            {
                _reporter.Timings(result);
            }
        }
        else
        {
            _reporter.ErrorLine($"{prefix}Build failed: {Reporter.Count(result.ErrorCount, "error")}{warnings}. Serving the last good version until it is fixed.");
        }

        (_headers, _editorHeaders) = _state.Read(() => SecurityHeadersOf(_build.OutputFolder));
        _reporter.Diagnostics(result.Diagnostics);
        if (changed is not null)
        {
            _reload.Send(LiveReload.ReloadEvent);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        response.Headers.CacheControl = "no-store";
        var editor = IsEditor(path) && _editorHeaders.Count > 0;
        foreach (var (name, value) in editor ? _editorHeaders : _headers)
        {
            response.Headers[name] = value;
        }

        if (path == LiveReload.EventsPath)
        {
            await _reload.StreamAsync(context);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        if (path == LiveReload.ScriptPath)
        {
            await SendAsync(context, StatusCodes.Status200OK, SiteFiles.ContentType("live.js"), Encoding.UTF8.GetBytes(LiveReload.Script));
            return;
        }

        if (path == PageInjection.StylesheetPath)
        {
            await SendAsync(context, StatusCodes.Status200OK, SiteFiles.ContentType("errors.css"), Encoding.UTF8.GetBytes(PageInjection.Stylesheet));
            return;
        }

        await _state.Ready.WaitAsync(context.RequestAborted);
        var page = _state.Read(() => Find(path));
        if (page.Redirect is { } location)
        {
            response.Redirect(location.ToUriComponent() + request.QueryString);
            return;
        }

        // The web editor is left as it is: a reload would throw away what an editor is writing.
        var body = page.ContentType.StartsWith("text/html", StringComparison.Ordinal) && !editor
            ? Encoding.UTF8.GetBytes(PageInjection.Inject(Encoding.UTF8.GetString(page.Body), _state.Errors))
            : page.Body;
        if (page.Status == StatusCodes.Status200OK)
        {
            await SendRangeAsync(context, page.ContentType, body);
            return;
        }

        await SendAsync(context, page.Status, page.ContentType, body);
    }

    // A file, or the one range of it a request asks for (a browser's audio and video players ask for
    // ranges, and Safari plays nothing from a server that does not answer them). Several ranges in one
    // request, or a range conditional on a version (If-Range), get the whole file, as the standard allows.
    private static async Task SendRangeAsync(HttpContext context, string contentType, byte[] body)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        if (request.Headers.IfRange.Count > 0 || request.GetTypedHeaders().Range is not { } range
            || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            await SendAsync(context, StatusCodes.Status200OK, contentType, body);
            return;
        }

        var asked = range.Ranges.First();
        long first, last;
        if (asked.From is { } from)
        {
            (first, last) = (from, Math.Min(asked.To ?? long.MaxValue, body.Length - 1L));
        }
        else
        {
            // "bytes=-N": the last N bytes.
            (first, last) = (Math.Max(0, body.Length - (asked.To ?? 0)), body.Length - 1L);
        }

        if (first > last || first >= body.Length || (asked.From is null && asked.To is null or 0))
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{body.Length}");
            return;
        }

        response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {first}-{last}/{body.Length}");
        await SendAsync(context, StatusCodes.Status206PartialContent, contentType, body[(int)first..(int)(last + 1)]);
    }

    // Runs under the build state's read lock: the files are complete and stay so while they are read.
    private Page Find(string requestPath)
    {
        if (SiteFiles.Locate(_build.OutputFolder, requestPath) is { } file)
        {
            if (TryRead(file) is { } bytes)
            {
                return new(StatusCodes.Status200OK, SiteFiles.ContentType(file), bytes);
            }

            // A folder asked for without its slash: relative links only work with it.
            if (!requestPath.EndsWith('/') && File.Exists(Path.Combine(file, "index.html")))
            {
                return new(StatusCodes.Status302Found, string.Empty, [], new PathString(requestPath + "/"));
            }
        }

        // Below a language's folder, its own 404 page, as the rules of _redirects have Netlify answer.
        var folder = requestPath.TrimStart('/').Split('/', 2)[0];
        var notFound = (folder.Length > 0 && !folder.Contains("..", StringComparison.Ordinal) && requestPath.TrimStart('/').Contains('/', StringComparison.Ordinal)
                ? TryRead(Path.Combine(_build.OutputFolder, folder, "404.html"))
                : null)
            ?? TryRead(Path.Combine(_build.OutputFolder, "404.html"))
            ?? Encoding.UTF8.GetBytes(NotFoundFallback);
        return new(StatusCodes.Status404NotFound, SiteFiles.ContentType("404.html"), notFound);
    }

    // The headers the published site sends: those of the build's _headers for the site and for the web editor
    // at /admin/, whose policy here also lets it reach decap-server on this computer; none before a build wrote one.
    private static (IReadOnlyList<(string Name, string Value)> Site, IReadOnlyList<(string Name, string Value)> Editor) SecurityHeadersOf(string folder)
    {
        if (TryRead(Path.Combine(folder, ReservedPaths.Headers)) is not { } file)
        {
            return ([], []);
        }

        var text = Encoding.UTF8.GetString(file);
        return (SecurityHeaders.Read(text), SecurityHeaders.ReadEditor(text).IsEmpty ? [] : SecurityHeaders.ForEditor(localBackend: true));
    }

    // A path of the web editor, which _headers gives a rule of its own.
    private static bool IsEditor(string path) =>
        path.Equals("/" + ReservedPaths.Admin, StringComparison.Ordinal) || path.StartsWith("/" + ReservedPaths.Admin + "/", StringComparison.Ordinal);

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task SendAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // "input/articles/a.md", "input/a.md and theme/b.liquid", "input/a.md and 3 more files".
    private static string Describe(IReadOnlyCollection<string> changed)
    {
        static string Display(string path)
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
        }

        var first = Display(changed.First());
        return changed.Count switch
        {
            1 => first,
            2 => $"{first} and {Display(changed.Last())}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{first} and {changed.Count - 1} more files"),
        };
    }

    private sealed record Page(int Status, string ContentType, byte[] Body, PathString? Redirect = null);

    // Leaves Ctrl+C and SIGTERM to System.CommandLine (the host's console lifetime would also claim them).
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
