using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Markdown;

namespace Broadside.Site;

/// <summary>
/// Work kept from one build to the next in a long-running process (<c>broadside serve</c>): each
/// body's rendered Markdown, with the diagnostics it gave, keyed by a hash of the file, its line offset
/// and its text. A rebuild after an edit renders only the bodies that changed. Safe on any thread.
/// </summary>
public sealed class BuildCache
{
    private readonly ConcurrentDictionary<string, (RenderedMarkdown Result, ImmutableArray<Diagnostic> Diagnostics, int Build)> _markdown = new(StringComparer.Ordinal);
    private int _build;
    private int _misses;
    private int _hits;

    /// <summary>Bodies rendered, over the cache's life.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Bodies taken from the cache, over the cache's life.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>
    /// Marks the start of a build; entries no build has used since the previous one are dropped, so a
    /// deleted article's body does not stay in memory.
    /// </summary>
    public void BeginBuild()
    {
        var previous = Interlocked.Increment(ref _build) - 1;
        foreach (var (key, entry) in _markdown)
        {
            if (entry.Build < previous)
            {
                _markdown.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// The rendering of <paramref name="markdown"/>, from the cache or from <paramref name="render"/>; its
    /// diagnostics are reported to <paramref name="diagnostics"/> either way. <paramref name="variant"/>
    /// names the renderer's settings (<see cref="MarkdownRenderer.Variant"/>): a change to site.yml's
    /// settings renders every body again.
    /// </summary>
    public RenderedMarkdown Markdown(string markdown, string file, int lineOffset, string variant, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedMarkdown> render)
    {
        var key = Key(file, lineOffset, variant, markdown);
        var build = Volatile.Read(ref _build);
        if (_markdown.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            _markdown[key] = cached with { Build = build };
        }
        else
        {
            Interlocked.Increment(ref _misses);
            var own = new DiagnosticBag();
            cached = (render(own), own.ToImmutableSorted(), build);
            _markdown[key] = cached;
        }

        foreach (var diagnostic in cached.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return cached.Result;
    }

    private static string Key(string file, int lineOffset, string variant, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{file}\0{lineOffset}\0{variant}\0{text}")));
}
