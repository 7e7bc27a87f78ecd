using System.Collections.Concurrent;

namespace Broadside.Modules;

/// <summary>Counts the files a build wrote and the files it left as they were.</summary>
public sealed class WriteStatistics
{
    private readonly ConcurrentBag<string> _paths = [];
    private int _written;
    private int _unchanged;

    /// <summary>Files written because they were new or changed.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Files already identical in the output.</summary>
    public int Unchanged => Volatile.Read(ref _unchanged);

    /// <summary>Files the build produced.</summary>
    public int Total => Written + Unchanged;

    /// <summary>The output paths of every file the build produced.</summary>
    public IReadOnlyCollection<string> Paths => [.. _paths];

    /// <summary>Counts one file at <paramref name="destination"/>.</summary>
    public void Count(string destination, bool written)
    {
        _paths.Add(destination);
        if (written)
        {
            Interlocked.Increment(ref _written);
        }
        else
        {
            Interlocked.Increment(ref _unchanged);
        }
    }
}
