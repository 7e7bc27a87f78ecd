using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.ExceptionServices;
using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Output;
using Microsoft.Win32.SafeHandles;

namespace Broadside.Caching;

/// <summary>
/// Articles parsed and rendered by earlier builds, kept on disk between runs of <c>broadside build</c>
/// (or in memory between the builds of <c>broadside serve</c>):
/// for each article file its size, modification time and hash, and the rendered <see cref="Article"/>
/// with the diagnostics its parsing and rendering gave. A file whose size and time are those recorded
/// is not read at all; a file whose bytes hash as recorded (a fresh clone touches every file) is read
/// but neither parsed nor rendered. Everything else is parsed and rendered as usual and recorded.
/// </summary>
/// <remarks>
/// The cache is a folder of <see cref="ShardCount"/> files, each holding the articles whose paths hash
/// to it, so a build after one edit rewrites one small file rather than the whole cache. Every file starts
/// with the fingerprint of the configuration it was made under (with the Markdown
/// settings) and ends with a checksum: a file made by another version
/// of Broadside, for another <c>site.yml</c>, or damaged, is ignored and replaced. Files are replaced by
/// renaming a finished temporary file, so a build that is killed never leaves half a cache behind.
/// Safe on any thread while a build runs; <see cref="Save"/> is called once, after it.
/// </remarks>
public sealed class ArticleCache : IDisposable
{
    /// <summary>How many files the cache is split into.</summary>
    public const int ShardCount = 32;

    /// <summary>
    /// A file modified this close to the start of the build may be modified again within the same tick
    /// of the file system's clock without its time changing; its time is not trusted next time.
    /// </summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string? _folder;
    private readonly string _prefix;
    private readonly Hash128 _fingerprint;
    private readonly DateTime _started;
    private readonly Dictionary<string, Entry>[] _loaded;
    private readonly SafeFileHandle?[] _bodies;
    private volatile bool _damaged;
    private readonly bool[] _dirty = new bool[ShardCount];
    private readonly int[] _loadedCounts;

    // What this build keeps: the entries loaded that it found, marked with its generation (the parallel
    // parse takes every article from the cache, and a shared table of what it took was the most
    // contended thing in a build), and the entries it made (few: the articles it rendered).
    private readonly int _generation;
    private readonly ConcurrentDictionary<string, Entry> _made = new(StringComparer.Ordinal);
    private bool _settled;

    // The files whose entries loaded hold diagnostics of rendering: nearly always none, so that
    // reporting them for the others looks nothing up.
    private readonly HashSet<string> _renderReported;
    private readonly ConcurrentDictionary<string, FileStamp> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<Diagnostic>> _parsed = new(StringComparer.Ordinal);

    private ArticleCache(string? folder, string prefix, Hash128 fingerprint, DateTime started, Dictionary<string, Entry>[] loaded, SafeFileHandle?[] bodies, int generation = 1)
    {
        _generation = generation;
        _loadedCounts = [.. loaded.Select(shard => shard.Count)];
        _renderReported = [.. loaded.SelectMany(shard => shard).Where(e => e.Value.RenderDiagnostics.Length > 0).Select(e => e.Key)];
        _bodies = bodies;
        _folder = folder;
        _prefix = prefix;
        _fingerprint = fingerprint;
        _started = started;
        _loaded = loaded;
    }

    /// <summary>The folder the cache is kept in; null for a cache kept in memory only.</summary>
    public string? Folder => _folder;

    /// <summary>
    /// Why the cache's files could not be read, when some could not (the folder or a file is not
    /// readable): it then opened without them. Null otherwise.
    /// </summary>
    public string? Unreadable { get; private init; }

    /// <summary>Articles the cache held when the build started.</summary>
    public int Loaded => _loadedCounts.Sum();

    /// <summary>Articles this build took from the cache instead of parsing and rendering them.</summary>
    public int Reused => _reused;

    private int _reused;

    /// <summary>
    /// Opens the cache in <paramref name="folder"/> for builds made under <paramref name="fingerprint"/>.
    /// A missing, foreign or damaged cache opens empty, and so does one that cannot be read
    /// (<see cref="Unreadable"/> says why); this never throws for what is on disk.
    /// </summary>
    /// <param name="folder">Where the cache is kept.</param>
    /// <param name="fingerprint">What parsing and rendering depend on besides each file's bytes.</param>
    /// <param name="displayFolder">
    /// The articles folder as messages show it (<c>input/articles</c>): the cache keeps paths and messages
    /// relative to it, so it serves a build started from another working folder too.
    /// </param>
    /// <param name="started">When the build started; files modified just before are read again next time.</param>
    public static ArticleCache Open(string folder, Hash128 fingerprint, string displayFolder, DateTime? started = null)
    {
        var prefix = displayFolder + "/";
        var loaded = new Dictionary<string, Entry>[ShardCount];
        var bodies = new SafeFileHandle?[ShardCount];
        ArticleCache? cache = null;
        Exception Damaged(string source)
        {
            cache!._damaged = true;
            return new IOException($"the article cache in {folder} is damaged (the body of {source}): build again, and it is made afresh");
        }

        Exception? unreadable = null;
        Parallel.For(0, ShardCount, shard =>
        {
            (Dictionary<string, Entry> Entries, SafeFileHandle Bodies)? read;
            try
            {
                read = ArticleCacheFormat.Read(ShardPath(folder, shard), fingerprint, prefix, Damaged);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                unreadable = ex;
                read = null;
            }

            (loaded[shard], bodies[shard]) = read is { } found ? (found.Entries, found.Bodies) : (new Dictionary<string, Entry>(StringComparer.Ordinal), null);
        });
        return cache = new ArticleCache(folder, prefix, fingerprint, started ?? DateTime.UtcNow, loaded, bodies)
        {
            Unreadable = unreadable switch
            {
                null => null,
                UnauthorizedAccessException => "permission denied",
                _ => unreadable.Message,
            },
        };
    }

    /// <summary>
    /// A cache kept in memory by a long-running process (<c>broadside serve</c>): it starts with what
    /// <paramref name="previous"/>, the cache of the process's last build, kept, when that build was made
    /// under the same fingerprint.
    /// </summary>
    public static ArticleCache InMemory(Hash128 fingerprint, string displayFolder, ArticleCache? previous, DateTime? started = null)
    {
        var prefix = displayFolder + "/";
        // The last build is over: what it kept is what this one starts from, taken as it is.
        var reused = previous is not null && previous._fingerprint == fingerprint && previous._prefix == prefix;
        var loaded = reused
            ? previous!.Kept()
            : [.. Enumerable.Range(0, ShardCount).Select(_ => new Dictionary<string, Entry>(StringComparer.Ordinal))];
        return new ArticleCache(null, prefix, fingerprint, started ?? DateTime.UtcNow, loaded, new SafeFileHandle?[ShardCount], reused ? previous!._generation + 1 : 1);
    }

    /// <summary>
    /// The hash recorded for <paramref name="source"/> when the file still has the size and time it had
    /// then, so it need not be read; otherwise null.
    /// </summary>
    public Hash128? Unchanged(string source, long length, DateTime modifiedUtc)
    {
        if (!_loaded[Shard(source)].TryGetValue(source, out var entry) || entry.Stamp.Ticks == 0)
        {
            return null;
        }

        return entry.Stamp == new FileStamp(length, modifiedUtc.Ticks) ? entry.Hash : null;
    }

    /// <summary>Notes the size and time of <paramref name="source"/> as this build read it.</summary>
    public void Stamp(string source, long length, DateTime modifiedUtc) =>
        _stamps[source] = new FileStamp(length, modifiedUtc > _started - RacyWindow ? 0 : modifiedUtc.Ticks);

    /// <summary>
    /// The rendered article made from the file <paramref name="source"/> with content
    /// <paramref name="hash"/> by an earlier build, reporting the diagnostics its parsing gave to
    /// <paramref name="diagnostics"/>; null when the cache has none.
    /// </summary>
    public Article? Find(string source, Hash128 hash, DiagnosticBag diagnostics)
    {
        var shard = Shard(source);
        if (!_loaded[shard].TryGetValue(source, out var entry) || entry.Hash != hash)
        {
            return null;
        }

        // Every thread that finds an entry writes the same number to it.
        entry.Seen = _generation;
        if (_stamps.TryGetValue(source, out var stamp) && stamp != entry.Stamp)
        {
            _made[source] = entry with { Stamp = stamp };
            _dirty[shard] = true;
        }

        Interlocked.Increment(ref _reused);
        diagnostics.AddRange(entry.ParseDiagnostics);

        return entry.Article;
    }

    /// <summary>Reports the diagnostics rendering gave for <paramref name="article"/>, taken from the cache.</summary>
    public void ReportRendering(Article article, DiagnosticBag diagnostics)
    {
        // Only an entry loaded holds a rendered article (Find): the others were reported when rendered.
        var source = article.Source!;
        if (_renderReported.Count > 0 && _renderReported.Contains(source)
            && _loaded[Shard(source)].TryGetValue(source, out var entry) && ReferenceEquals(entry.Article, article))
        {
            diagnostics.AddRange(entry.RenderDiagnostics);
        }
    }

    /// <summary>Keeps the diagnostics parsing <paramref name="source"/> gave, to record with its rendered article.</summary>
    public void Parsed(string source, ImmutableArray<Diagnostic> diagnostics) => _parsed[source] = diagnostics;

    /// <summary>Records an article this build parsed and rendered, with the diagnostics rendering gave.</summary>
    public void Rendered(Article article, ImmutableArray<Diagnostic> diagnostics)
    {
        var source = article.Source!;
        _made[source] = new Entry(
            _stamps.TryGetValue(source, out var stamp) ? stamp : default,
            article.SourceHash,
            article,
            _parsed.TryGetValue(source, out var parsed) ? parsed : [],
            diagnostics);
        _dirty[Shard(source)] = true;
    }

    /// <summary>
    /// What this build keeps, by shard: the entries it found and the entries it made. Made once, after
    /// the build, in the tables loaded, which no one reads any more.
    /// </summary>
    private Dictionary<string, Entry>[] Kept()
    {
        if (_settled)
        {
            return _loaded;
        }

        foreach (var (source, entry) in _made)
        {
            entry.Seen = _generation;
            _loaded[Shard(source)][source] = entry;
        }

        foreach (var shard in _loaded)
        {
            var left = new List<string>();
            foreach (var (source, entry) in shard)
            {
                if (entry.Seen != _generation)
                {
                    left.Add(source);
                }
            }

            foreach (var source in left)
            {
                shard.Remove(source);
            }
        }

        _settled = true;
        return _loaded;
    }

    /// <summary>
    /// Writes the parts of the cache this build changed: what it recorded, and the articles it no longer
    /// has (deleted, renamed, unpublished). A cache found damaged is deleted instead. Call once, after
    /// the build; the cache is closed afterwards.
    /// </summary>
    public void Save()
    {
        if (_folder is null)
        {
            // In memory: the next build starts from what this one kept (InMemory).
            return;
        }

        var written = _damaged ? null : Write(_folder);

        // The old files are read until every new one is written (a kept article's body may be read from
        // them); then they are closed and replaced.
        Dispose();
        if (written is null)
        {
            Directory.Delete(_folder, recursive: true);
            return;
        }

        for (var i = 0; i < ShardCount; i++)
        {
            if (written[i] is { } temporary)
            {
                File.Move(temporary, ShardPath(_folder, i), overwrite: true);
            }
        }
    }

    /// <summary>
    /// Writes the files this build changed beside the old ones, and returns them by shard; null when
    /// a body they copy from an old file is damaged.
    /// </summary>
    private string?[]? Write(string folder)
    {
        var shards = Kept();
        Directory.CreateDirectory(folder);
        var written = new string?[ShardCount];
        try
        {
            Parallel.For(0, ShardCount, i =>
            {
                if (_dirty[i] || shards[i].Count != _loadedCounts[i])
                {
                    written[i] = ArticleCacheFormat.Write(ShardPath(folder, i), _fingerprint, _prefix, shards[i]);
                }
            });
        }
        catch (AggregateException) when (_damaged)
        {
            // A body no page needed this build is read for the first time here, to be copied: damaged,
            // the cache goes, as when a build finds one.
            return null;
        }
        catch (AggregateException ex)
        {
            // As it was thrown (a full disk, a file that cannot be written), for the build to report.
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }

        return written;
    }

    /// <summary>Closes the cache's files. Bodies not yet read can no longer be.</summary>
    public void Dispose()
    {
        foreach (var handle in _bodies)
        {
            handle?.Dispose();
        }
    }

    private int Shard(string source)
    {
        var name = source.AsSpan(source.StartsWith(_prefix, StringComparison.Ordinal) ? _prefix.Length : 0);
        var length = Encoding.UTF8.GetMaxByteCount(name.Length);
        Span<byte> bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        return (int)(XxHash32.HashToUInt32(bytes[..Encoding.UTF8.GetBytes(name, bytes)]) % ShardCount);
    }

    private static string ShardPath(string folder, int shard) => Path.Combine(folder, $"articles-{shard:D2}.bin");

    /// <summary>A file's size and modification time in ticks; ticks of 0 match nothing.</summary>
    internal readonly record struct FileStamp(long Length, long Ticks);

    /// <summary>What the cache keeps of one article file.</summary>
    internal sealed record Entry(FileStamp Stamp, Hash128 Hash, Article Article, ImmutableArray<Diagnostic> ParseDiagnostics, ImmutableArray<Diagnostic> RenderDiagnostics)
    {
        /// <summary>The generation of the last build that found or made it: a build keeps the entries of its own.</summary>
        public int Seen;
    }
}
