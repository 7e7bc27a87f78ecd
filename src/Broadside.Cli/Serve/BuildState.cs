using System.Collections.Immutable;
using Broadside.Build;
using Broadside.Diagnostics;

namespace Broadside.Cli.Serve;

/// <summary>
/// The preview's build state, shared by the watcher (which rebuilds) and the requests (which read the
/// built files): a build excludes reads, so a request never sees a half-written site.
/// </summary>
internal sealed class BuildState : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BuildResult? _last;

    /// <summary>Completes when the first build has finished, whatever its outcome.</summary>
    public Task Ready => _firstBuild.Task;

    /// <summary>The latest build's result; null before the first build.</summary>
    public BuildResult? Last => Volatile.Read(ref _last);

    /// <summary>The diagnostics of the latest build when it failed (the site on disk is the last good one); empty when it succeeded.</summary>
    public ImmutableArray<Diagnostic> Errors => Last is { Succeeded: false } failed ? failed.Diagnostics : [];

    /// <summary>Runs <paramref name="build"/> while no request reads the output folder, and records its result.</summary>
    public BuildResult Build(Func<BuildResult> build)
    {
        _lock.EnterWriteLock();
        try
        {
            var result = build();
            Volatile.Write(ref _last, result);
            return result;
        }
        finally
        {
            _lock.ExitWriteLock();
            _firstBuild.TrySetResult();
        }
    }

    /// <summary>Runs <paramref name="read"/> (synchronous file access) while no build writes the output folder.</summary>
    public T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
