using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Broadside.Build;
using Broadside.Cli.Serve;
using Microsoft.AspNetCore.Connections;

namespace Broadside.Cli.Commands;

/// <summary><c>broadside serve</c>: previews the publication, rebuilding and reloading the browser on every change.</summary>
public static class ServeCommand
{
    /// <summary>The port the preview listens on unless <c>--port</c> says otherwise.</summary>
    public const int DefaultPort = 4000;

    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<DirectoryInfo>("--input", "-i")
        {
            Description = "The publication folder, with site.yml and articles/.",
            DefaultValueFactory = _ => new DirectoryInfo("input"),
        };
        var theme = new Option<DirectoryInfo>("--theme", "-t")
        {
            Description = "The theme folder, with layouts/, templates/, partials/ and assets/.",
            DefaultValueFactory = _ => new DirectoryInfo("theme"),
        };
        var port = new Option<int>("--port", "-p")
        {
            Description = "The port to listen on (0 picks a free one).",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError($"--port {result.GetValueOrDefault<int>()} is not a port: use a number from 1 to 65535, such as {DefaultPort} (or 0 for any free port).");
            }
        });
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on: 127.0.0.1 is this computer only; 0.0.0.0 lets other devices on the network see the preview.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        host.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TryParseHost(value, out _))
            {
                result.AddError($"--host '{value}' is not an IP address: use 127.0.0.1, 0.0.0.0 or an address of this computer.");
            }
        });
        var noDrafts = new Option<bool>("--no-drafts") { Description = "Preview the site as it would be published: without drafts and articles dated in the future." };

        var verbose = new Option<bool>("--verbose", "-v") { Description = "After each build, show the time each pipeline phase took." };

        var command = new Command("serve", "Preview the publication in a browser; rebuilds and reloads the page on every change.")
        {
            input, theme, port, host, noDrafts, verbose,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var inputFolder = parsed.GetRequiredValue(input).FullName;
            var everything = !parsed.GetValue(noDrafts);
            var options = new PreviewOptions
            {
                Build = new BuildOptions
                {
                    InputFolder = inputFolder,
                    ThemeFolder = parsed.GetRequiredValue(theme).FullName,
                    OutputFolder = OutputFolderFor(inputFolder),
                    IncludeDrafts = everything,
                    IncludeFuture = everything,
                    Editor = EditorCheck.Locate(inputFolder),
                },
                Address = TryParseHost(parsed.GetValue(host), out var address) ? address : IPAddress.Loopback,
                Port = parsed.GetValue(port),
                Verbose = parsed.GetValue(verbose),
            };
            return await RunAsync(options, new Reporter(output, error), cancellationToken);
        });
        return command;
    }

    /// <summary>The private folder the preview of <paramref name="inputFolder"/> is built into: never the real output folder.</summary>
    internal static string OutputFolderFor(string inputFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(inputFolder));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        return Path.Combine(Path.GetTempPath(), "broadside-serve", hash);
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (Ctrl+C); returns the exit code.</summary>
    internal static async Task<int> RunAsync(PreviewOptions options, Reporter reporter, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Build.InputFolder))
        {
            reporter.ErrorLine($"The input folder {options.Build.InputFolder} does not exist: run from the repository root or pass --input with the folder that holds site.yml.");
            return 1;
        }

        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(options, reporter, cancellationToken);
        }
        catch (PreviewLockedException ex)
        {
            reporter.ErrorLine($"Cannot serve: {ex.Message}.");
            return 1;
        }
        catch (IOException ex)
        {
            var where = $"{options.Address}:{options.Port}";
            reporter.ErrorLine(ex.InnerException is AddressInUseException
                ? $"Cannot serve on {where}: the port is already in use. Stop the other server or pass another --port."
                : $"Cannot serve on {where}: {ex.InnerException?.Message ?? ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }

        await using (server)
        {
            var audience = options.Address.Equals(IPAddress.Loopback) || options.Address.Equals(IPAddress.IPv6Loopback) ? string.Empty : $" (listening on {options.Address})";
            var drafts = options.Build.IncludeDrafts ? ", with drafts and scheduled articles" : string.Empty;
            reporter.Line($"Serving {server.Url}{audience}{drafts}. Watching for changes; press Ctrl+C to stop.");
            if (EditorCheck.Off(options.Build) is { } off)
            {
                reporter.Line(off, "yellow");
            }
            else if (options.Build.Editor is not null && EditorCheck.Wanted(options.Build.InputFolder))
            {
                reporter.Line($"The web editor is at {server.Url}admin/: run `npx decap-server` in the repository, and it saves to the files here.");
            }
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }

        reporter.Line("Stopped.");
        return 0;
    }

    private static bool TryParseHost(string? value, [NotNullWhen(true)] out IPAddress? address)
    {
        if (string.Equals(value, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        return IPAddress.TryParse(value, out address);
    }
}
