using System.Threading.Channels;
using Broadside.Output;
using Microsoft.AspNetCore.Http;

namespace Broadside.Cli.Serve;

/// <summary>
/// The browsers watching the preview: each holds a server-sent event stream open on
/// <see cref="EventsPath"/>, and <see cref="Send"/> tells them all to reload.
/// </summary>
internal sealed class LiveReload
{
    /// <summary>Where <see cref="Script"/> is served.</summary>
    public const string ScriptPath = "/" + ReservedPaths.Preview + "/live.js";

    /// <summary>Where the browsers listen for events.</summary>
    public const string EventsPath = "/" + ReservedPaths.Preview + "/events";

    /// <summary>The event that makes a page reload itself.</summary>
    public const string ReloadEvent = "reload";

    /// <summary>The script every preview page loads.</summary>
    public const string Script = """
        // Broadside preview: reload the page when the site has been rebuilt.
        new EventSource("/__broadside/events").addEventListener("reload", () => location.reload());

        """;

    private readonly Lock _lock = new();
    private readonly HashSet<Channel<string>> _clients = [];
    private bool _closed;

    /// <summary>Sends the event <paramref name="name"/> to every listening browser.</summary>
    public void Send(string name)
    {
        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(name);
            }
        }
    }

    /// <summary>Ends every event stream, so the server can stop; later streams end at once.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            foreach (var client in _clients)
            {
                client.Writer.TryComplete();
            }
        }
    }

    /// <summary>Answers a request for <see cref="EventsPath"/>: an event stream that lasts until the browser leaves or <see cref="Close"/>.</summary>
    public async Task StreamAsync(HttpContext context)
    {
        var client = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            if (_closed)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            _clients.Add(client);
        }

        var response = context.Response;
        var aborted = context.RequestAborted;
        try
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-store";

            // The comment tells the browser (and a test) the stream is open; retry reconnects quickly after a restart.
            await response.WriteAsync(": broadside live reload\nretry: 1000\n\n", aborted);
            await response.Body.FlushAsync(aborted);
            await foreach (var name in client.Reader.ReadAllAsync(aborted))
            {
                await response.WriteAsync($"event: {name}\ndata: {name}\n\n", aborted);
                await response.Body.FlushAsync(aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The browser went away (a reload, a closed tab).
        }
        finally
        {
            lock (_lock)
            {
                _clients.Remove(client);
            }
        }
    }
}
