using System.Net;
using Broadside.Build;

namespace Broadside.Cli.Serve;

/// <summary>What to preview, and where to listen.</summary>
internal sealed record PreviewOptions
{
    /// <summary>The build: input, theme, drafts; its output folder is the preview's private folder. Its base URL is replaced by the server's.</summary>
    public required BuildOptions Build { get; init; }

    /// <summary>The address to listen on; loopback unless asked otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = 4000;

    /// <summary>How long changes must pause before a rebuild.</summary>
    /// <summary>Whether each build's report gives the time of every pipeline phase.</summary>
    public bool Verbose { get; init; }

    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);
}
