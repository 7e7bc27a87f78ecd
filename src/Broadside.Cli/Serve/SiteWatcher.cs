using System.Threading.Channels;

namespace Broadside.Cli.Serve;

/// <summary>
/// Watches folders (recursively) and calls back with the paths that changed once the changes have
/// paused for the debounce interval, so saving ten files rebuilds once. Callbacks never overlap:
/// changes made during a rebuild lead to one more rebuild after it.
/// </summary>
internal sealed class SiteWatcher : IAsyncDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts watching the existing folders among <paramref name="folders"/>.</summary>
    /// <param name="folders">The folders to watch, with everything below them.</param>
    /// <param name="debounce">How long changes must pause before <paramref name="changed"/> is called.</param>
    /// <param name="changed">Called with the full paths that changed, and a token cancelled when the watcher stops.</param>
    public SiteWatcher(IEnumerable<string> folders, TimeSpan debounce, Action<IReadOnlyCollection<string>, CancellationToken> changed)
    {
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Queue(folder, e.FullPath);
            watcher.Created += (_, e) => Queue(folder, e.FullPath);
            watcher.Deleted += (_, e) => Queue(folder, e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Queue(folder, e.OldFullPath);
                Queue(folder, e.FullPath);
            };

            // Too many changes at once for the system's buffer: rebuild anyway.
            watcher.Error += (_, _) => _changes.Writer.TryWrite(folder);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }

        _loop = Task.Run(() => RunAsync(debounce, changed, _stop.Token));
    }

    /// <summary>
    /// True for files that editors write beside the real one and that never affect the site: Vim's
    /// swap files and its <c>4913</c> probe, backups ending in <c>~</c>, Emacs' <c>.#</c> locks, and
    /// anything hidden (a name starting with <c>.</c> anywhere below <paramref name="root"/>).
    /// </summary>
    public static bool IsIgnored(string root, string path)
    {
        var name = Path.GetFileName(path);
        if (name is "4913" || name.EndsWith('~') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swo", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal))
        {
            return true;
        }

        var relative = Path.GetRelativePath(root, path);
        return relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(segment => segment.StartsWith('.') && segment is not ".." and not ".");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        _changes.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            // A rebuild under way sees the cancellation; don't wait long for it.
            await _loop.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private void Queue(string root, string path)
    {
        if (!IsIgnored(root, path))
        {
            _changes.Writer.TryWrite(path);
        }
    }

    private async Task RunAsync(TimeSpan debounce, Action<IReadOnlyCollection<string>, CancellationToken> changed, CancellationToken stop)
    {
        var reader = _changes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop))
            {
                var paths = new SortedSet<string>(StringComparer.Ordinal);
                do
                {
                    while (reader.TryRead(out var path))
                    {
                        paths.Add(path);
                    }

                    await Task.Delay(debounce, stop);
                }
                while (reader.TryPeek(out _));

                changed(paths, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
