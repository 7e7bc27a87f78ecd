using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates.Views;

namespace Broadside.Site;

/// <summary>
/// What <c>broadside serve</c> makes again after an edit to front matter that decides lists (the tags,
/// demands, section, authors, or a date that keeps the article's URL), or after articles are written or
/// deleted. The index is built again from the last build's, with the new versions in place, the new
/// articles added and the deleted ones gone (the index a full build makes, by the same code), and
/// compared with the last one: the lists whose articles, order or header changed are made again page by
/// page, the views that show something that changed (a related article, a term's name, a demand's text)
/// are made again, with the pages of new articles; the pages and feeds of lists that shrank or went away,
/// and the pages of deleted articles, are removed. Anything the
/// comparison cannot carry over, such as a new year or section in the site's menu, is left to a full build.
/// </summary>
internal static class ListEdit
{
    /// <summary>The plan of the edit of <paramref name="edited"/>, or null when it needs a full build.</summary>
    /// <param name="last">The last build.</param>
    /// <param name="edited">The new versions of the edited articles, and the new articles, published and without problems.</param>
    /// <param name="deleted">The articles deleted, by source file.</param>
    /// <param name="articles">Every published article after the edit, by source file.</param>
    /// <param name="diagnostics">Where the index reports problems; any is left to a full build.</param>
    public static EditPlan? Plan(SiteState last, ImmutableArray<Article> edited, ImmutableArray<string> deleted, IReadOnlyDictionary<string, Article> articles, DiagnosticBag diagnostics)
    {
        var (services, old) = (last.Services, last.Index.Index);
        var views = services.Views;
        var ordered = Ordered(old.Articles, edited, deleted, last);
        var changed = new Dictionary<string, Article?>(StringComparer.Ordinal);
        foreach (var source in edited.Select(e => e.Source!).Concat(deleted))
        {
            changed[source] = last.Articles.GetValueOrDefault(source);
        }

        var reuse = new SiteIndexBuilder.Reuse(old, changed);
        var index = SiteIndexBuilder.Build(ordered, services.Config, last.Profiles, last.Catalog, diagnostics, reuse);
        if (diagnostics.Count > 0)
        {
            return null;
        }

        // Every page shows the site's menu of sections and years; when it changed, every page did.
        var site = views.Site([], index, last.Options.Now);
        if (!site.Sections.SequenceEqual(last.Site.View.Sections) || !site.Years.SequenceEqual(last.Site.View.Years))
        {
            return null;
        }

        // A card the theme fails to make, when a list shows it, is reported with the edit's other problems.
        var (articleViews, showing) = Views(last, edited, deleted, index, diagnostics);
        var lists = new HashSet<string>(StringComparer.Ordinal);
        var files = new ListFiles(services.Config.PageSize);

        // The pages of articles added and deleted; one moved to another file keeps its page.
        var pages = edited.Where(e => !last.Articles.ContainsKey(e.Source!)).Select(e => e.Destination!).ToHashSet(StringComparer.Ordinal);
        var freed = deleted.Select(d => last.Articles[d].Destination!).ToHashSet(StringComparer.Ordinal);
        files.Created.UnionWith(pages.Except(freed));
        files.Removed.UnionWith(freed.Except(pages));

        // The home page: the articles in order, and the demands it leads with and counts.
        if (!SameSources(old.Articles, index.Articles) || Leading(old, views) != Leading(index, views))
        {
            lists.Add(string.Empty);
            files.Compare(string.Empty, old.Articles.Length, index.Articles.Length, feed: false);
        }

        // Sections, tags, authors and years: their articles, and the names they are shown by.
        var oldTerms = Terms(old).ToDictionary(t => t.Path, StringComparer.Ordinal);
        foreach (var term in Terms(index))
        {
            var before = oldTerms.GetValueOrDefault(term.Path);
            oldTerms.Remove(term.Path);
            if (before is null || before.Name != term.Name || !SameSources(before.Articles, term.Articles))
            {
                lists.Add(term.Path);
                files.Compare(term.Path, before?.Articles.Length, term.Articles.Length, feed: term.Kind != TermKind.Year);
            }
        }

        foreach (var gone in oldTerms.Values)
        {
            lists.Add(gone.Path);
            files.Compare(gone.Path, gone.Articles.Length, null, feed: gone.Kind != TermKind.Year);
        }

        // Demands: their articles and wordings, and what their pages say of them.
        var oldDemands = old.Demands.ToDictionary(d => d.Path, StringComparer.Ordinal);
        // Each demand whose part of demands.json the edit leaves as it was, with the demand of the last index it is taken from.
        var reused = new Dictionary<Demand, Demand>(ReferenceEqualityComparer.Instance);
        var factsChanged = edited.Where(e => !last.Articles.TryGetValue(e.Source!, out var before) || DemandsJson.Facts(e, views) != DemandsJson.Facts(before, views))
            .Select(e => e.Source!).ToHashSet(StringComparer.Ordinal);
        // A demand no edited article raises is the last index's, and shows as it did unless a section it
        // came up in is shown otherwise.
        bool SectionShown(string name)
        {
            var (was, now) = (old.Section(name), index.Section(name));
            return was?.Name == now?.Name && was?.Path == now?.Path;
        }

        foreach (var demand in index.Demands)
        {
            var before = oldDemands.GetValueOrDefault(demand.Path);
            oldDemands.Remove(demand.Path);
            if (ReferenceEquals(before, demand) && demand.Sections.All(SectionShown))
            {
                reused[demand] = before;
            }
            else if (before is null || !SameEntries(before, demand) || KeyBuilder.Of(views.Demand(before, old)) != KeyBuilder.Of(views.Demand(demand, index)))
            {
                lists.Add(demand.Path);
                files.Compare(demand.Path, before?.Count, demand.Count, feed: true);
            }
            else if (!demand.Entries.Any(e => factsChanged.Contains(e.Article.Source!)) && last.DemandsJson.ContainsKey(before))
            {
                reused[demand] = before;
            }
        }

        foreach (var gone in oldDemands.Values)
        {
            lists.Add(gone.Path);
            files.Compare(gone.Path, gone.Count, null, feed: true);
        }

        // A new page where the last build wrote another file would collide with it: the full build says so.
        // One that a link led nowhere to may mend the link, and one removed may break one: the full build
        // reports the links as they are then.
        if (files.Created.Any(last.Records.ContainsKey)
            || (files.Created.Count > 0 && last.Diagnostics.Any(d => d.Code == DiagnosticCodes.BrokenLink))
            || (files.Removed.Count > 0 && BreaksLinks(last, articles.Values, files.Removed)))
        {
            return null;
        }

        var sitemap = new Dictionary<string, DateTimeOffset?>(last.Sitemap, StringComparer.Ordinal);
        foreach (var file in files.Removed)
        {
            sitemap.Remove(file);
        }

        return new EditPlan(
            new IndexDocument(index, articleViews),
            [.. showing.OrderBy(a => a.Source, StringComparer.Ordinal)],
            new EditScope(showing, lists),
            Json: reused.Count != index.Demands.Length || index.Demands.Length != old.Demands.Length,
            new ReusedParts(reused, last.DemandsJson),
            sitemap,
            files.Removed);
    }

    /// <summary>
    /// The articles newest first, then by source file (<see cref="OrderArticles"/>), after the edit: the
    /// last index's order without the deleted articles, the edited articles whose dates changed moved to
    /// their new places, and the new ones put in theirs.
    /// </summary>
    private static ImmutableArray<Article> Ordered(ImmutableArray<Article> before, ImmutableArray<Article> edited, ImmutableArray<string> deleted, SiteState last)
    {
        var versions = new Dictionary<Article, Article?>(ReferenceEqualityComparer.Instance);
        foreach (var article in edited.Where(e => last.Articles.ContainsKey(e.Source!)))
        {
            versions[last.Articles[article.Source!]] = article;
        }

        foreach (var source in deleted)
        {
            versions[last.Articles[source]] = null;
        }

        // Moved: the new articles, and those whose dates changed.
        var moved = edited.Where(e => !last.Articles.TryGetValue(e.Source!, out var old) || e.FrontMatter.Date != old.FrontMatter.Date).ToHashSet<Article>(ReferenceEqualityComparer.Instance);
        var order = new List<Article>(before.Length + moved.Count);
        foreach (var article in before)
        {
            var now = versions.TryGetValue(article, out var version) ? version : article;
            if (now is not null && !moved.Contains(now))
            {
                order.Add(now);
            }
        }

        foreach (var article in moved.OrderBy(a => a.Source, StringComparer.Ordinal))
        {
            var at = order.BinarySearch(article, NewestFirst.Instance);
            order.Insert(at < 0 ? ~at : at, article);
        }

        return [.. order];
    }

    /// <summary>The order of <see cref="OrderArticles"/>: newest first, then by source file.</summary>
    private sealed class NewestFirst : IComparer<Article>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(Article? x, Article? y)
        {
            var byDate = y!.FrontMatter.Date.CompareTo(x!.FrontMatter.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Source, y.Source);
        }
    }

    /// <summary>
    /// Every article's view after the edit: the last build's, unless the article was edited or shows
    /// something of another that changed (a related article, the name of a term it is filed under, the
    /// text of a demand it raises) and its view came out different; those are the articles shown anew.
    /// </summary>
    private static (IReadOnlyDictionary<string, ArticleView> Views, HashSet<Article> Showing) Views(SiteState last, ImmutableArray<Article> edited, ImmutableArray<string> deleted, SiteIndex index, DiagnosticBag diagnostics)
    {
        var (old, factory) = (last.Index.Index, last.Services.Views);
        var recheck = edited.Select(e => e.Source!).ToHashSet(StringComparer.Ordinal);
        var relinked = edited.Where(e => last.Articles.TryGetValue(e.Source!, out var before) && factory.ArticleLink(e) != factory.ArticleLink(before)).Select(e => e.Source!).ToHashSet(StringComparer.Ordinal);
        foreach (var article in index.Articles)
        {
            var (before, after) = (old.RelatedTo(article), index.RelatedTo(article));
            if (!SameSources(before, after) || after.Any(r => relinked.Contains(r.Source!)))
            {
                recheck.Add(article.Source!);
            }
        }

        var oldTerms = Terms(old).ToDictionary(t => t.Path, StringComparer.Ordinal);
        foreach (var term in Terms(index).Where(t => oldTerms.GetValueOrDefault(t.Path) is { } before && before.Name != t.Name))
        {
            recheck.UnionWith(term.Articles.Select(a => a.Source!));
        }

        var oldDemands = old.Demands.ToDictionary(d => d.Path, StringComparer.Ordinal);
        foreach (var demand in index.Demands.Where(d => oldDemands.GetValueOrDefault(d.Path) is { } before && before.Text != d.Text))
        {
            recheck.UnionWith(demand.Entries.Select(e => e.Article.Source!));
        }

        var views = new Dictionary<string, ArticleView>(StringComparer.Ordinal);
        var showing = new HashSet<Article>(ReferenceEqualityComparer.Instance);
        var bySource = index.Articles.ToDictionary(a => a.Source!, StringComparer.Ordinal);
        foreach (var source in recheck)
        {
            var article = bySource[source];
            var view = IndexSite.View(factory, last.Services.Theme, article, index, diagnostics);
            if (!last.Index.Views.TryGetValue(source, out var before) || view.Key != before.Key)
            {
                views[source] = view;
                showing.Add(article);
            }
        }

        return (EditedArticleViews.Of(last.Index.Views, views, deleted), showing);
    }

    /// <summary>True when some article or page links to one of the <paramref name="removed"/> files.</summary>
    private static bool BreaksLinks(SiteState last, IEnumerable<Article> articles, IReadOnlySet<string> removed)
    {
        var found = new DiagnosticBag();
        new CheckLinks(last.Services.Config.RootPath, asErrors: false).Check([.. articles, .. last.Pages], path => last.Records.ContainsKey(path) && !removed.Contains(path), found);
        return found.Count > last.Diagnostics.Count(d => d.Code == DiagnosticCodes.BrokenLink);
    }

    private static IEnumerable<Term> Terms(SiteIndex index) => index.Sections.Concat(index.Tags).Concat(index.Authors).Concat(index.Years);

    // The home page leads with the most raised demands and gives how many there are.
    private static UInt128 Leading(SiteIndex index, Templates.ViewFactory views)
    {
        var key = new KeyBuilder().Add(index.Demands.Length);
        foreach (var demand in index.Demands.Take(RenderHome.FrontDemands))
        {
            key.AddView(views.Demand(demand, index));
        }

        return key.Finish();
    }

    private static bool SameSources(ImmutableArray<Article> before, ImmutableArray<Article> after) =>
        before.Length == after.Length && before.AsSpan().SequenceEqual(after.AsSpan(), SourceComparer.Instance);

    private static bool SameEntries(Demand before, Demand after) =>
        before.Count == after.Count && before.Entries.Zip(after.Entries).All(p => p.First.Article.Source == p.Second.Article.Source && p.First.Wording == p.Second.Wording);

    private sealed class SourceComparer : IEqualityComparer<Article>
    {
        public static readonly SourceComparer Instance = new();

        public bool Equals(Article? x, Article? y) => x?.Source == y?.Source;

        public int GetHashCode(Article obj) => obj.Source!.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>
    /// The parts of demands.json an edit takes from the last build, by demand of the new index, each read
    /// from <paramref name="last"/> only when demands.json is written.
    /// </summary>
    private sealed class ReusedParts(Dictionary<Demand, Demand> reused, IReadOnlyDictionary<Demand, byte[]> last) : IReadOnlyDictionary<Demand, byte[]>
    {
        public int Count => reused.Count;

        public IEnumerable<Demand> Keys => reused.Keys;

        public IEnumerable<byte[]> Values => reused.Values.Select(before => last[before]);

        public byte[] this[Demand key] => last[reused[key]];

        public bool ContainsKey(Demand key) => reused.ContainsKey(key);

        public bool TryGetValue(Demand key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value)
        {
            value = reused.TryGetValue(key, out var before) ? last[before] : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<Demand, byte[]>> GetEnumerator() =>
            reused.Select(pair => KeyValuePair.Create(pair.Key, last[pair.Value])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The pages and feed files of the lists an edit changed, as the last build and this one make them.</summary>
    private sealed class ListFiles(int pageSize)
    {
        public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        /// <summary>Compares the files of the list at <paramref name="path"/> with <paramref name="before"/> and <paramref name="after"/> items (null: no list).</summary>
        public void Compare(string path, int? before, int? after, bool feed)
        {
            var (pagesBefore, pagesAfter) = (Pages(before), Pages(after));
            for (var number = Math.Min(pagesBefore, pagesAfter) + 1; number <= Math.Max(pagesBefore, pagesAfter); number++)
            {
                (number <= pagesBefore ? Removed : Created).Add(UrlScheme.File(UrlScheme.Paged(path, number)));
            }

            if (feed && before is null != after is null)
            {
                (after is null ? Removed : Created).Add(path + RenderFeeds.Rss);
            }
        }

        // An empty list still has one page (ListingPages.Split); no list has none.
        private int Pages(int? count) => count is { } n ? Math.Max(1, (n + pageSize - 1) / pageSize) : 0;
    }
}

/// <summary>What an edit in <c>broadside serve</c> makes again (<see cref="EditBuild"/>).</summary>
/// <param name="Index">The index after the edit, with every article's view.</param>
/// <param name="Pages">The articles whose own pages are made again.</param>
/// <param name="Scope">The pages and feeds of lists made again.</param>
/// <param name="Json">True when demands.json is written again.</param>
/// <param name="JsonParts">Each demand's object in demands.json that the edit left as it was, by demand of the new index.</param>
/// <param name="Sitemap">The pages the sitemap lists besides those this edit makes, when it is made again; null when it is not.</param>
/// <param name="Removed">The files of the published site that no list makes any more.</param>
internal sealed record EditPlan(
    IndexDocument Index,
    ImmutableArray<Article> Pages,
    EditScope Scope,
    bool Json,
    IReadOnlyDictionary<Demand, byte[]> JsonParts,
    IReadOnlyDictionary<string, DateTimeOffset?>? Sitemap,
    IReadOnlySet<string> Removed);
