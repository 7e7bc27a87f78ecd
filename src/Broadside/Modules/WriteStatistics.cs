using System.Collections.Concurrent;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>Counts the files a build wrote and the files it left as they were.</summary>
public sealed class WriteStatistics
{
    private readonly ConcurrentDictionary<string, OutputRecord> _records = new(StringComparer.Ordinal);
    private int _written;
    private int _unchanged;
    private int _reused;

    /// <summary>Files written because they were new or changed.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Files already identical in the output.</summary>
    public int Unchanged => Volatile.Read(ref _unchanged);

    /// <summary>Of the unchanged files, those not even made again: their key was the last build's.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Files the build produced.</summary>
    public int Total => Written + Unchanged;

    /// <summary>Every file the build produced, with what the manifest remembers of it.</summary>
    public IReadOnlyDictionary<string, OutputRecord> Records => _records;

    /// <summary>Counts one file at <paramref name="destination"/>; <paramref name="reused"/> when it was not made again.</summary>
    public void Count(string destination, bool written, OutputRecord record, bool reused = false)
    {
        if (reused)
        {
            Interlocked.Increment(ref _reused);
        }

        _records[destination] = record;
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
