using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Broadside.Build;
using Broadside.Cli;
using Broadside.Cli.Serve;
using Broadside.Tests.TestSupport;

namespace Broadside.Tests.Cli.Serve;

/// <summary>
/// A preview server on a free loopback port, serving a copy of the sample publication (so tests can
/// edit it) built into a temporary folder; all of it stopped and deleted on dispose.
/// </summary>
internal sealed class PreviewSite : IAsyncDisposable
{
    /// <summary>How long a test waits for a rebuild to show before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TemporaryFolder _folder;
    private readonly PreviewServer _server;
    private readonly LogWriter _output;
    private readonly LogWriter _error;

    private PreviewSite(TemporaryFolder folder, PreviewServer server, LogWriter output, LogWriter error)
    {
        _folder = folder;
        _server = server;
        _output = output;
        _error = error;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url, Timeout = Patience };
    }

    /// <summary>A client whose base address is the server's; it does not follow redirects.</summary>
    public HttpClient Client { get; }

    /// <summary>The server's address.</summary>
    public Uri Url => _server.Url;

    /// <summary>The folder the site is built into.</summary>
    public string OutputFolder => _server.OutputFolder;

    /// <summary>What the server printed on standard output and standard error so far.</summary>
    public string Terminal => _output + _error.ToString();

    /// <summary>What the server printed on standard error so far.</summary>
    public string Errors => _error.ToString();

    /// <summary>Copies the sample publication, lets <paramref name="prepare"/> change the copy (its folder is the argument), and starts a server on it.</summary>
    /// <param name="prepare">Changes the copy of the publication before the server starts.</param>
    /// <param name="verbose">Has the server say how long each build took.</param>
    /// <param name="editor">Decap CMS's files, for the web editor the sample's site.yml asks for; null for none.</param>
    public static async Task<PreviewSite> StartAsync(Action<string>? prepare = null, bool verbose = false, Broadside.Editor.DecapBundle? editor = null)
    {
        var folder = new TemporaryFolder();
        try
        {
            TemporaryFolder.CopyFolder(RepositoryPaths.Input, folder.Combine("input"));
            prepare?.Invoke(folder.Combine("input"));
            var output = new LogWriter();
            var error = new LogWriter();
            var options = new PreviewOptions
            {
                Build = new BuildOptions
                {
                    InputFolder = folder.Combine("input"),
                    ThemeFolder = RepositoryPaths.Theme,
                    OutputFolder = folder.Combine("site"),
                    IncludeDrafts = true,
                    IncludeFuture = true,
                    Editor = editor,
                },
                Port = 0,
                Verbose = verbose,
            };
            var server = await PreviewServer.StartAsync(options, new Reporter(output, error), CancellationToken.None);
            return new PreviewSite(folder, server, output, error);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>A path in the copy of the publication.</summary>
    public string Input(params string[] parts) => _folder.Combine(["input", .. parts]);

    /// <summary>GETs <paramref name="path"/>: its status, media type and body.</summary>
    public async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="path"/> until <paramref name="done"/> holds for the answer, for at most <see cref="Patience"/>; returns the body.</summary>
    public async Task<string> WaitForAsync(string path, Func<HttpStatusCode, string, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, _, body) = await GetAsync(path);
            if (done(status, body))
            {
                return body;
            }

            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s for {what} at {path}; the last answer was {(int)status}. The terminal:\n{Terminal}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, for at most <see cref="Patience"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s for {what}. The terminal:\n{Terminal}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Sends <paramref name="target"/> exactly as given (HttpClient would resolve <c>..</c> itself);
    /// returns the status code and the whole response.
    /// </summary>
    public async Task<(int Status, string Response)> RawGetAsync(string target)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Url.Host, Url.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {Url.Authority}\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        return (int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>A text writer that collects what the server prints, safe to read while the watcher's thread writes.</summary>
internal sealed class LogWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
