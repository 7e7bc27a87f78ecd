using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Broadside.Content;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Every article's view by source file (<see cref="IndexDocument.Views"/>), each made when first asked
/// for: a build that starts from an earlier one shows a few articles, and makes only their views. Every view is what <see cref="IndexSite"/> would make. Safe on any thread.
/// </summary>
/// <param name="articles">The published articles, by source file.</param>
/// <param name="make">Makes an article's view.</param>
/// <param name="kept">Views made before that hold for this build, by source file.</param>
internal sealed class LazyArticleViews(IReadOnlyDictionary<string, Article> articles, Func<Article, ArticleView> make, IReadOnlyDictionary<string, ArticleView>? kept = null) : IReadOnlyDictionary<string, ArticleView>
{
    private readonly ConcurrentDictionary<string, ArticleView> _made = kept is null
        ? new(StringComparer.Ordinal)
        : new(kept, StringComparer.Ordinal);

    /// <summary>The views made so far, by source file.</summary>
    public IEnumerable<KeyValuePair<string, ArticleView>> MadeSoFar => _made;

    /// <inheritdoc />
    public int Count => articles.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => articles.Keys;

    /// <inheritdoc />
    public IEnumerable<ArticleView> Values => Keys.Select(source => this[source]);

    /// <inheritdoc />
    public ArticleView this[string key] => TryGetValue(key, out var view) ? view : throw new KeyNotFoundException($"no published article {key}");

    /// <inheritdoc />
    public bool ContainsKey(string key) => articles.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ArticleView value)
    {
        if (_made.TryGetValue(key, out value))
        {
            return true;
        }

        if (!articles.TryGetValue(key, out var article))
        {
            return false;
        }

        value = _made.GetOrAdd(key, _ => make(article));
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ArticleView>> GetEnumerator() =>
        Keys.Select(source => KeyValuePair.Create(source, this[source])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
