using System.Collections.Concurrent;
using Broadside.Configuration;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>
/// Makes pictures' files after the build that asked for them, for a long-running process (<c>serve</c>):
/// a build shows the pages at once, and the pictures it had never made appear when they are ready, when
/// <paramref name="made"/> is told of their source files and builds again (the files the site lacks are
/// made then, from the store). A picture that fails is remembered, and the next build reports it.
/// </summary>
/// <param name="made">Told of the source files whose pictures are ready, on a thread of its own.</param>
public sealed class BackgroundPictures(Action<IReadOnlyCollection<string>> made)
{
    private readonly ConcurrentDictionary<Hash128, byte> _working = new();
    private readonly ConcurrentDictionary<Hash128, string> _failed = new();
    private readonly object _queue = new();
    private Task _last = Task.CompletedTask;

    /// <summary>Why the files of the picture with <paramref name="key"/> could not be made, when they could not.</summary>
    public string? Failure(Hash128 key) => _failed.GetValueOrDefault(key);

    /// <summary>Waits until every picture asked for so far is made (tests, and a process that stops).</summary>
    public Task Idle
    {
        get
        {
            lock (_queue)
            {
                return _last;
            }
        }
    }

    /// <summary>Makes the files of <paramref name="work"/> into <paramref name="store"/>, after every batch asked for before; those already being made are left to that.</summary>
    public void Make(IReadOnlyList<(SourcePicture Picture, List<PictureVariant> Files)> work, PictureSettings settings, PictureStore store)
    {
        var fresh = work.Where(w => _working.TryAdd(w.Picture.Key, 0)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        lock (_queue)
        {
            _last = _last.ContinueWith(
                previous =>
                {
                    var done = new ConcurrentBag<string>();
                    Parallel.ForEach(fresh, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
                    {
                        try
                        {
                            if (store.Make(item.Picture, settings, item.Files) is { } problem)
                            {
                                _failed[item.Picture.Key] = problem;
                            }
                        }
                        finally
                        {
                            _working.TryRemove(item.Picture.Key, out _);
                            done.Add(item.Picture.FullPath);
                        }
                    });
                    made([.. done.Order(StringComparer.Ordinal)]);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            return;
        }
    }
}
