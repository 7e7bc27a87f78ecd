using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Caching;
using Broadside.Diagnostics;
using Broadside.Output;

namespace Broadside.Build;

/// <summary>
/// Work kept from one build to the next in a long-running process (<c>broadside serve</c>): what a
/// step made of a file (its parsed front matter, its rendered body), with the diagnostics it gave,
/// keyed by the step, the file, a hash of its bytes and the build's <see cref="SiteFingerprint"/>. A
/// rebuild after an edit parses and renders only the files that changed. Safe on any thread.
/// </summary>
public sealed class BuildCache : IStepCache
{
    private readonly ConcurrentDictionary<(string Step, string File, Hash128 Hash), (object? Result, ImmutableArray<Diagnostic> Diagnostics, int Build)> _entries = new();
    private int _build;
    private int _misses;
    private int _hits;

    /// <summary>The articles of the last build, parsed and rendered, from which the next build starts.</summary>
    public ArticleCache? Articles { get; set; }

    /// <summary>Makes the pictures a build had never made after it, when set: the build shows its pages at once.</summary>
    public Pictures.BackgroundPictures? Pictures { get; init; }

    /// <summary>What the last build left for the next to start from (<see cref="BuildState"/>).</summary>
    public MemoryStateStore State { get; } = new();

    /// <summary>Files a step worked on, over the cache's life.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Files whose step result was taken from the cache, over the cache's life.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>
    /// Marks the start of a build; entries no build has used since the previous one are dropped, so a
    /// deleted article does not stay in memory.
    /// </summary>
    public void BeginBuild()
    {
        var previous = Interlocked.Increment(ref _build) - 1;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Build < previous)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    /// <inheritdoc/>
    public T? Reuse<T>(string step, string file, Hash128 hash, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> make)
        where T : class
    {
        var key = (step, file, hash);
        var build = Volatile.Read(ref _build);
        if (_entries.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            _entries[key] = cached with { Build = build };
            diagnostics.AddRange(cached.Diagnostics);
        }
        else
        {
            Interlocked.Increment(ref _misses);
            var (result, reported) = diagnostics.Capture(make);
            cached = (result, reported, build);
            _entries[key] = cached;
        }

        return (T?)cached.Result;
    }
}
