using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
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

        var files = declarations.Values.SelectMany(lists => lists.SelectMany(l => l.Files)).ToList();
        foreach (var listing in siteListings)
        {
            var declaredHere = listing.Declare(files).ToImmutableArray();
            declarations[listing] = declaredHere;
            files.AddRange(declaredHere.SelectMany(l => l.Files));
        }

        // Two files at one path (in any case), or a file where another needs a folder, is a problem the
        // checks of a full build report with the files that make it.
        var declared = new HashSet<string>(files.Count, StringComparer.Ordinal);
        var caseless = new HashSet<string>(files.Count, StringComparer.OrdinalIgnoreCase);
        var twice = files.FirstOrDefault(f => !caseless.Add(f.Path)).Path
            ?? files.Where(f => !published.ContainsKey(f.Path)).Select(f => f.Path).FirstOrDefault(path => Folders(path).Any(caseless.Contains));
        declared.UnionWith(files.Select(f => f.Path));
        var why = full
            ?? (earlier is null ? new WhyFull(FullReason.NoState) : null)
            ?? (earlier!.SiteKey != site.Key ? new WhyFull(FullReason.Site, "the menu or the year") : null)
            ?? (twice is not null ? new WhyFull(FullReason.Site, $"two files at {twice}") : null);

        // Each article's view is made again only when its context changed; the page shows it when its view did.
        var articles = new Dictionary<string, ArticleRecord>(index.Index.Articles.Length, StringComparer.Ordinal);
        var showing = new HashSet<string>(StringComparer.Ordinal);
        var shown = new HashSet<Article>(ReferenceEqualityComparer.Instance);
        foreach (var article in index.Index.Articles)
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

        var ids = new Dictionary<Article, UInt128>(index.Index.Articles.Length, ReferenceEqualityComparer.Instance);
        foreach (var article in index.Index.Articles)
        {
            ids[article] = Id(article);
        }

        var lists = new Dictionary<string, ListRecord>(StringComparer.Ordinal);
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in declarations.Values.SelectMany(l => l))
        {
            var record = new ListRecord(Members(list.Articles, ids), list.Header);
            lists[list.Id] = record;
            if (why is not null)
            {
                continue;
            }

            var changed = !earlier!.Lists.TryGetValue(list.Id, out var before) || before != record;
            foreach (var file in list.Files)
            {
                if (changed || !published.ContainsKey(file.Path) || Shows(list, file, showing, shown, ids))
                {
                    made.Add(file.Path);
                }
            }
        }

        var plan = new OutputPlan { All = why is not null, Files = made, Declared = declared, Declarations = declarations };
        return [plan, new BuildPlan(why, lists, articles, showing.Count)];
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
    private static bool Shows(ListDeclaration list, ListFile file, HashSet<string> showing, HashSet<Article> shown, Dictionary<Article, UInt128> ids)
    {
        if (showing.Count == 0)
        {
            return false;
        }

        for (var i = file.Start; i < file.Start + file.Count; i++)
        {
            var article = list.Articles[i];
            if (shown.Contains(article) || (!ids.ContainsKey(article) && showing.Contains(article.Source!)))
            {
                return true;
            }
        }

        return false;
    }

    // Which articles a list holds, in order: the hash of each one's hash of its file's name, made
    // once per build (a site's lists hold each article a dozen times over).
    private static UInt128 Members(ImmutableArray<Article> articles, Dictionary<Article, UInt128> ids)
    {
        var hashes = ArrayPool<UInt128>.Shared.Rent(Math.Max(1, articles.Length));
        try
        {
            for (var i = 0; i < articles.Length; i++)
            {
                hashes[i] = ids.TryGetValue(articles[i], out var id) ? id : Id(articles[i]);
            }

            return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(hashes.AsSpan(0, articles.Length)));
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
