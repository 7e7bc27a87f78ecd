using System.Net;
using Broadside.Cli.Serve;
using Broadside.Tests.Deploy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Serves a built site on the loopback address as Netlify serves it: <c>/a/</c> from
/// <c>a/index.html</c>, <c>/a</c> sent on to <c>/a/</c>, <c>404.html</c> with status 404 for a path with
/// no file, and every response with the headers <c>netlify.toml</c> and the site's <c>_headers</c> give
/// its path, so pages run under the published Content-Security-Policy.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly NetlifyConfig _netlify;

    private StaticSiteServer(string folder)
    {
        _folder = folder;
        _netlify = NetlifyConfig.Load().WithHeadersFile(folder);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The site's address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts serving <paramref name="folder"/> on a free port.</summary>
    public static async Task<StaticSiteServer> StartAsync(string folder)
    {
        var server = new StaticSiteServer(folder);
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.First() + "/");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var response = context.Response;
        var file = SiteFiles.Locate(_folder, path);
        if (file is not null && !path.EndsWith('/') && Directory.Exists(file) && File.Exists(Path.Combine(file, "index.html")))
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = path + "/";
            return;
        }

        var found = file is not null && File.Exists(file);
        var served = found ? file! : Path.Combine(_folder, "404.html");
        response.StatusCode = found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
        response.ContentType = SiteFiles.ContentType(served);
        foreach (var (name, value) in _netlify.HeadersFor(path))
        {
            response.Headers[name] = value;
        }

        if (File.Exists(served))
        {
            await response.SendFileAsync(served, context.RequestAborted);
        }
    }
}
