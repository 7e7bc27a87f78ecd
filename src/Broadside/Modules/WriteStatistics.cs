namespace Broadside.Modules;

/// <summary>Counts the files a build wrote and the files it left as they were.</summary>
public sealed class WriteStatistics
{
    private int _written;
    private int _unchanged;

    /// <summary>Files written because they were new or changed.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Files already identical in the output.</summary>
    public int Unchanged => Volatile.Read(ref _unchanged);

    /// <summary>Files the build produced.</summary>
    public int Total => Written + Unchanged;

    /// <summary>Counts one file.</summary>
    public void Count(bool written)
    {
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
