using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Broadside.Content;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Every article's view by source file (<see cref="IndexDocument.Views"/>), each made when first asked
/// for: a build that starts from an earlier one shows a few articles, and makes only their views, and
/// takes the others' from the earlier build. Every view is what <see cref="IndexSite"/> would make.
/// Safe on any thread.
/// </summary>
/// <param name="all">The published articles, by source file, made when first needed.</param>
/// <param name="make">Makes an article's view.</param>
/// <param name="kept">Views made before that hold for this build, by source file, except those of <paramref name="stale"/>.</param>
/// <param name="stale">The source files whose earlier views do not hold.</param>
/// <param name="near">The articles whose views are likeliest to be made, by source file, found without <paramref name="all"/>.</param>
internal sealed class LazyArticleViews(Lazy<IReadOnlyDictionary<string, Article>> all, Func<Article, ArticleView> make, KeptViews? kept = null, IReadOnlySet<string>? stale = null, IReadOnlyDictionary<string, Article>? near = null) : IReadOnlyDictionary<string, ArticleView>
{
    // Past this many builds taken one over another, the views are copied into one dictionary.
    private const int MostLayers = 8;

    private readonly ConcurrentDictionary<string, ArticleView> _made = new(StringComparer.Ordinal);
    private readonly KeptViews? _kept = kept is { Depth: >= MostLayers } deep ? KeptViews.Flat(deep.Flatten()) : kept;

    /// <summary>The views made so far, with those taken from earlier builds, for the next build to take.</summary>
    public KeptViews Kept => new(_kept, stale ?? new HashSet<string>(), _made);

    /// <inheritdoc />
    public int Count => all.Value.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => all.Value.Keys;

    /// <inheritdoc />
    public IEnumerable<ArticleView> Values => Keys.Select(source => this[source]);

    /// <inheritdoc />
    public ArticleView this[string key] => TryGetValue(key, out var view) ? view : throw new KeyNotFoundException($"no published article {key}");

    /// <inheritdoc />
    public bool ContainsKey(string key) => all.Value.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ArticleView value)
    {
        if (_made.TryGetValue(key, out value))
        {
            return true;
        }

        // A view kept is of a published article: those deleted since are stale.
        if (stale?.Contains(key) != true && _kept is not null && _kept.TryGet(key, out value))
        {
            return true;
        }

        if (near?.TryGetValue(key, out var article) != true && !all.Value.TryGetValue(key, out article))
        {
            return false;
        }

        value = _made.GetOrAdd(key, _ => make(article!));
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ArticleView>> GetEnumerator() =>
        Keys.Select(source => KeyValuePair.Create(source, this[source])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The views earlier builds made, one build over another: each build's own, over those it took from the
/// one before, less those that did not hold for it.
/// </summary>
/// <param name="Below">What the build before held, or null.</param>
/// <param name="Stale">The source files whose views below did not hold for this build.</param>
/// <param name="Made">The views this build made.</param>
internal sealed record KeptViews(KeptViews? Below, IReadOnlySet<string> Stale, IReadOnlyDictionary<string, ArticleView> Made)
{
    /// <summary>How many builds are taken one over another.</summary>
    public int Depth { get; } = 1 + (Below?.Depth ?? 0);

    /// <summary>The views of <paramref name="made"/> alone.</summary>
    public static KeptViews Flat(IReadOnlyDictionary<string, ArticleView> made) => new(null, new HashSet<string>(), made);

    /// <summary>The view of <paramref name="source"/> these builds made and that holds, if any.</summary>
    public bool TryGet(string source, [MaybeNullWhen(false)] out ArticleView view)
    {
        for (var layer = this; layer is not null; layer = layer.Below)
        {
            if (layer.Made.TryGetValue(source, out view))
            {
                return true;
            }

            if (layer.Stale.Contains(source))
            {
                break;
            }
        }

        view = null;
        return false;
    }

    /// <summary>Every view that holds, in one dictionary.</summary>
    public Dictionary<string, ArticleView> Flatten()
    {
        var views = Below?.Flatten() ?? new Dictionary<string, ArticleView>(StringComparer.Ordinal);
        foreach (var source in Stale)
        {
            views.Remove(source);
        }

        foreach (var (source, view) in Made)
        {
            views[source] = view;
        }

        return views;
    }
}
