using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Build;

/// <summary>
/// Decides which files the build makes. Every listing declares its lists (<see cref="IListing"/>); when
/// the build starts from an earlier one's state, each list is compared with the one of the same name
/// then: a list that is new, or whose articles, their order or header changed, has all its files made; a
/// list that is as it was has made only the files that show an article whose view changed. A file the
/// published site does not have is made whatever its list says, and a file the site has that no list
/// declares any more is deleted. Without a state, or when <paramref name="full"/> says why not to use
/// it, every file is made. No listing is named here: a new one is planned the day it is added.
/// </summary>
/// <param name="listings">Every listing of the build, in pipeline order.</param>
/// <param name="siteListings">Listings made from the files of every other (the sitemap).</param>
/// <param name="earlier">The state the build starts from, or null.</param>
/// <param name="full">Why the build makes every file although there is a state, or null.</param>
/// <param name="published">What the published site holds, by file, as its manifest records it.</param>
/// <param name="indexPipeline">The pipeline of the index.</param>
/// <param name="sitePipeline">The pipeline of the site.</param>
internal sealed class PlanOutputs(
    IReadOnlyList<IListing> listings,
    IReadOnlyList<ISiteListing> siteListings,
    BuildState? earlier,
    WhyFull? full,
    IReadOnlyDictionary<string, OutputRecord> published,
    string indexPipeline,
    string sitePipeline) : IModule
{
    // What no article hashes to.
    private static readonly UInt128 Empty = XxHash128.HashToUInt128([]);

    // Each list of articles hashed, by the array that holds it, for as long as the array lives.
    private static readonly ConditionalWeakTable<Article[], StrongBox<UInt128>> Hashed = new();

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline);
        var site = SiteDocument.In(context, sitePipeline);
        var declarations = new Dictionary<object, ImmutableArray<ListDeclaration>>(ReferenceEqualityComparer.Instance);
        foreach (var listing in listings)
        {
            declarations[listing] = [.. listing.Declare(context)];
        }

        var files = new List<ListFile>(published.Count + 64);
        foreach (var declaredLists in declarations.Values)
        {
            foreach (var list in declaredLists)
            {
                files.AddRange(list.Files);
            }
        }

        foreach (var listing in siteListings)
        {
            var declaredHere = listing.Declare(files).ToImmutableArray();
            declarations[listing] = declaredHere;
            foreach (var list in declaredHere)
            {
                files.AddRange(list.Files);
            }
        }

        // Which files the published site lacks; two files at one path, which the checks of a full build
        // report with the files that make it.
        var declared = new HashSet<string>(files.Count, StringComparer.Ordinal);
        var lacking = new bool[files.Count];
        var added = new List<string>();
        string? twice = null;
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            var once = declared.Add(path);
            twice ??= once ? null : path;
            if (lacking[i] = !published.ContainsKey(path))
            {
                if (once)
                {
                    added.Add(path);
                }
            }
        }

        // Two paths that differ in case only, or a file where another needs a folder, can only be new:
        // the published site had neither. Every file declared is published or added: when they are as
        // many as the published site's, it has none that is not declared.
        twice ??= added.Count > 0 ? Caseless(files, lacking) : null;
        var removed = declared.Count - added.Count == published.Count ? [] : published.Keys.Where(file => !declared.Contains(file)).ToList();
        var why = full
            ?? (earlier is null ? new WhyFull(FullReason.NoState) : null)
            ?? (earlier!.SiteKey != site.Key ? new WhyFull(FullReason.Site, "the menu or the year") : null)
            ?? (twice is not null ? new WhyFull(FullReason.Site, $"two files at {twice}") : null);

        // Each article's view is made again only when its context changed; the page shows it when its view
        // did. When the index says which articles' contexts may have changed, the others are as they were.
        var touched = why is null && index.Touched is { } few && earlier!.Articles is Dictionary<string, ArticleRecord> known ? few : null;
        var articles = touched is null
            ? new Dictionary<string, ArticleRecord>(index.Index.Articles.Length, StringComparer.Ordinal)
            : new Dictionary<string, ArticleRecord>((Dictionary<string, ArticleRecord>)earlier!.Articles, StringComparer.Ordinal);
        foreach (var gone in touched is null ? [] : index.Gone)
        {
            articles.Remove(gone);
        }

        var showing = new HashSet<string>(StringComparer.Ordinal);
        var shown = new HashSet<Article>(ReferenceEqualityComparer.Instance);
        foreach (var article in touched ?? (IReadOnlyList<Article>)index.Index.Articles)
        {
            var source = article.Source!;
            var around = index.Contexts[source];
            var before = why is null ? earlier!.Articles.GetValueOrDefault(source) : default;
            if (why is null && before.Context == around && before.Hash == article.SourceHash)
            {
                articles[source] = before;
                continue;
            }

            var view = index.ViewOf(article).Key;
            articles[source] = new ArticleRecord(article.SourceHash, around, view);
            if (before.View != view)
            {
                showing.Add(source);
                shown.Add(article);
            }
        }

        var own = new HashSet<Article>(index.Index.Articles.Length, ReferenceEqualityComparer.Instance);
        foreach (var article in index.Index.Articles)
        {
            own.Add(article);
        }

        // The lists of this build: those of the last, as they were unless declared otherwise now.
        var lists = why is null && earlier!.Lists is Dictionary<string, ListRecord> lastLists
            ? new Dictionary<string, ListRecord>(lastLists, StringComparer.Ordinal)
            : new Dictionary<string, ListRecord>(earlier?.Lists.Count ?? 0, StringComparer.Ordinal);
        var count = 0;
        var made = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (var declaredLists in declarations.Values)
        {
            foreach (var list in declaredLists)
            {
                var first = at;
                at += list.Files.Length;
                count++;
                var record = new ListRecord(Members(list.Articles), list.Header);
                if (why is not null)
                {
                    lists[list.Id] = record;
                    continue;
                }

                var had = earlier!.Lists.TryGetValue(list.Id, out var before);
                var changed = !had || before != record;
                if (changed)
                {
                    lists[list.Id] = record;
                }

                for (var i = 0; i < list.Files.Length; i++)
                {
                    var file = list.Files[i];
                    if (changed || lacking[first + i] || Shows(list, file, showing, shown, own))
                    {
                        made.Add(file.Path);
                    }
                }
            }
        }

        // Lists the last build had and this one has not declared are left out.
        if (why is null && lists.Count != count)
        {
            var ids = declarations.Values.SelectMany(l => l).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in lists.Keys.Where(id => !ids.Contains(id)).ToList())
            {
                lists.Remove(id);
            }
        }

        var plan = new OutputPlan { All = why is not null, Files = made, Declared = declared, Added = added, Removed = removed, Declarations = declarations };
        return [plan, new BuildPlan(why, lists, articles, showing.Count)];
    }

    // The first path of files that differs from another in case only, or lies where another needs a folder.
    private static string? Caseless(List<ListFile> files, bool[] lacking)
    {
        var caseless = new HashSet<string>(files.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!caseless.Add(file.Path))
            {
                return file.Path;
            }
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (lacking[i] && Folders(files[i].Path).FirstOrDefault(caseless.Contains) is not null)
            {
                return files[i].Path;
            }
        }

        return null;
    }

    // The folders a path lies in, as paths of the site: a/b/c gives a and a/b.
    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    // Whether a file shows an article whose view changed: by the article itself, or by its file's name
    // for one that is not the index's own (none is, today).
    private static bool Shows(ListDeclaration list, ListFile file, HashSet<string> showing, HashSet<Article> shown, HashSet<Article> own)
    {
        if (showing.Count == 0)
        {
            return false;
        }

        for (var i = file.Start; i < file.Start + file.Count; i++)
        {
            var article = list.Articles[i];
            if (shown.Contains(article) || (!own.Contains(article) && showing.Contains(article.Source!)))
            {
                return true;
            }
        }

        return false;
    }

    // Which articles a list holds, in order: the hash of each one's hash of its file's name. A list
    // of the same articles as an earlier build's (a term no article of the edit is in) is the same array,
    // and hashed once.
    private static UInt128 Members(ImmutableArray<Article> articles)
    {
        var array = ImmutableCollectionsMarshal.AsArray(articles);
        if (array is null || array.Length == 0)
        {
            return Empty;
        }

        // A short list is hashed at once: keeping it would cost more.
        var keep = array.Length >= 64;
        if (keep && Hashed.TryGetValue(array, out var known))
        {
            return known.Value;
        }

        var hashes = ArrayPool<UInt128>.Shared.Rent(array.Length);
        try
        {
            for (var i = 0; i < array.Length; i++)
            {
                hashes[i] = Id(array[i]);
            }

            var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(hashes.AsSpan(0, array.Length)));
            if (keep)
            {
                Hashed.AddOrUpdate(array, new StrongBox<UInt128>(hash));
            }

            return hash;
        }
        finally
        {
            ArrayPool<UInt128>.Shared.Return(hashes);
        }
    }

    private static UInt128 Id(Article article) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(article.Source.AsSpan()));
}

/// <summary>What <see cref="PlanOutputs"/> found, for the build to publish and keep.</summary>
/// <param name="Why">Why every file was made; null when only what changed was.</param>
/// <param name="Lists">Each list, for the next build to compare with.</param>
/// <param name="Articles">Each published article, for the next build to compare with.</param>
/// <param name="Showing">How many articles read otherwise than in the earlier build.</param>
internal sealed record BuildPlan(WhyFull? Why, IReadOnlyDictionary<string, ListRecord> Lists, IReadOnlyDictionary<string, ArticleRecord> Articles, int Showing) : Document;
