using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Broadside.Content;
using Broadside.Templates.Views;

namespace Broadside.Modules;

/// <summary>
/// Every article's view by source file (<see cref="IndexDocument.Views"/>), each made when first asked
/// for: a build that starts from the state the last one left on disk shows a few articles, and makes
/// only their views. Every view is what <see cref="IndexSite"/> would make. Safe on any thread.
/// </summary>
/// <param name="articles">The published articles, by source file.</param>
/// <param name="make">Makes an article's view.</param>
internal sealed class LazyArticleViews(IReadOnlyDictionary<string, Article> articles, Func<Article, ArticleView> make) : IReadOnlyDictionary<string, ArticleView>
{
    private readonly ConcurrentDictionary<string, ArticleView> _made = new(StringComparer.Ordinal);

    /// <summary>Views made so far.</summary>
    public int Made => _made.Count;

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

/// <summary>
/// The views of an edit (<see cref="IndexDocument.Views"/>): the last build's, with those the edit made
/// again in their place and those of deleted articles gone, without copying the last build's.
/// </summary>
internal sealed class EditedArticleViews : IReadOnlyDictionary<string, ArticleView>
{
    private readonly IReadOnlyDictionary<string, ArticleView> _last;
    private readonly Dictionary<string, ArticleView> _changed;
    private readonly HashSet<string> _removed;

    private EditedArticleViews(IReadOnlyDictionary<string, ArticleView> last, Dictionary<string, ArticleView> changed, HashSet<string> removed)
    {
        (_last, _changed, _removed) = (last, changed, removed);
        Count = last.Count + changed.Keys.Count(source => !last.ContainsKey(source)) - removed.Count(last.ContainsKey);
    }

    /// <summary>
    /// The views of <paramref name="last"/> with <paramref name="changed"/> in place and
    /// <paramref name="removed"/> (source files) gone. An edit of an edit starts from the same base, so a
    /// long <c>serve</c> session looks a view up in two dictionaries at most.
    /// </summary>
    /// <param name="last">The views before the edit.</param>
    /// <param name="changed">The views the edit made again, and those of new articles, by source file.</param>
    /// <param name="removed">The source files of the articles deleted.</param>
    public static EditedArticleViews Of(IReadOnlyDictionary<string, ArticleView> last, IReadOnlyDictionary<string, ArticleView> changed, IEnumerable<string> removed)
    {
        var (bottom, allChanged, allRemoved) = last is EditedArticleViews edited
            ? (edited._last, new Dictionary<string, ArticleView>(edited._changed, StringComparer.Ordinal), new HashSet<string>(edited._removed, StringComparer.Ordinal))
            : (last, new Dictionary<string, ArticleView>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var source in removed)
        {
            allChanged.Remove(source);
            allRemoved.Add(source);
        }

        foreach (var (source, view) in changed)
        {
            allChanged[source] = view;
            allRemoved.Remove(source);
        }

        allRemoved.RemoveWhere(source => !bottom.ContainsKey(source));
        return new EditedArticleViews(bottom, allChanged, allRemoved);
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public IEnumerable<string> Keys => _last.Keys.Where(source => !_removed.Contains(source) && !_changed.ContainsKey(source)).Concat(_changed.Keys);

    /// <inheritdoc />
    public IEnumerable<ArticleView> Values => Keys.Select(source => this[source]);

    /// <inheritdoc />
    public ArticleView this[string key] => TryGetValue(key, out var view) ? view : throw new KeyNotFoundException($"no published article {key}");

    /// <inheritdoc />
    public bool ContainsKey(string key) => _changed.ContainsKey(key) || (!_removed.Contains(key) && _last.ContainsKey(key));

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ArticleView value)
    {
        if (_changed.TryGetValue(key, out value))
        {
            return true;
        }

        if (_removed.Contains(key))
        {
            value = null;
            return false;
        }

        return _last.TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ArticleView>> GetEnumerator() =>
        Keys.Select(source => KeyValuePair.Create(source, this[source])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
