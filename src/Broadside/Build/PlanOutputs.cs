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
/// <param name="indexPipelines">The pipelines of the index of each of the site's languages.</param>
/// <param name="sitePipelines">The pipelines of the site of each of the site's languages.</param>
/// <param name="translationsPipeline">The pipeline that links the versions of each article and page in the site's languages; null for none.</param>
internal sealed class PlanOutputs(
    IReadOnlyList<IListing> listings,
    IReadOnlyList<ISiteListing> siteListings,
    BuildState? earlier,
    WhyFull? full,
    IReadOnlyDictionary<string, OutputRecord> published,
    IReadOnlyList<string> indexPipelines,
    IReadOnlyList<string> sitePipelines,
    string? translationsPipeline = null) : IModule
{
    // What no article hashes to.
    private static readonly Hash128 Empty = Hash128.Of([]);

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var indexes = indexPipelines.Select(pipeline => IndexDocument.In(context, pipeline)).ToList();
        var siteKey = SitePipelines.SiteKey(sitePipelines.Select(pipeline => SiteDocument.In(context, pipeline)));
        // Each listing declares its lists from the finished index alone, so they declare side by side.
        var declaredBy = new ImmutableArray<ListDeclaration>[listings.Count];
        Parallel.For(0, listings.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i => declaredBy[i] = [.. listings[i].Declare(context)]);
        var declarations = new Dictionary<object, ImmutableArray<ListDeclaration>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < listings.Count; i++)
        {
            declarations[listings[i]] = declaredBy[i];
        }

        // When every listing declares the files it declared in the last build, which the published site
        // holds, the listings made from them (the sitemap) declare what they declared then, no file is
        // lacking and none is leaving.
        var lastPlan = full is null ? earlier?.Warm?.Plan : null;
        var then = lastPlan?.Declarations.Values.ToList();
        var translations = TranslationsDocument.In(context, translationsPipeline).Key;
        var asBefore = then is not null && then.Count == declarations.Count + siteListings.Count && lastPlan!.Declared.Count == published.Count && lastPlan.TranslationsKey == translations
            && SameFiles(then, [.. declarations.Values]);

        // Every file declared, in order; not needed when they are those of the last build.
        var files = new List<ListFile>(asBefore ? 0 : published.Count + 64);
        void Gather(ImmutableArray<ListDeclaration> lists)
        {
            foreach (var list in lists)
            {
                foreach (var file in list.Files)
                {
                    files.Add(file);
                }
            }
        }

        if (!asBefore)
        {
            foreach (var declaredLists in declarations.Values)
            {
                Gather(declaredLists);
            }
        }

        for (var k = 0; k < siteListings.Count; k++)
        {
            var declaredHere = asBefore ? then![listings.Count + k] : siteListings[k].Declare(files, context).ToImmutableArray();
            declarations[siteListings[k]] = declaredHere;
            if (!asBefore)
            {
                Gather(declaredHere);
            }
        }

        // Which files the published site lacks; two files at one path, which the checks of a full build
        // report with the files that make it.
        IReadOnlySet<string> declared;
        var lacking = new bool[files.Count];
        bool Lacking(int i) => i < lacking.Length && lacking[i];
        List<string> added = [];
        IReadOnlyList<string> removed = [];
        string? twice = null;
        if (asBefore)
        {
            declared = lastPlan!.Declared;
        }
        else
        {
            var paths = new HashSet<string>(files.Count, StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                var path = files[i].Path;
                var once = paths.Add(path);
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
            removed = paths.Count - added.Count == published.Count ? [] : published.Keys.Where(file => !paths.Contains(file)).ToList();
            declared = paths;
        }

        var why = full
            ?? (earlier is null ? new WhyFull(FullReason.NoState) : null)
            ?? (earlier!.SiteKey != siteKey ? new WhyFull(FullReason.Site, "the menu or the year") : null)
            ?? (twice is not null ? new WhyFull(FullReason.Site, $"two files at {twice}") : null);

        // Each article's view is made again only when its context changed; the page shows it when its view
        // did. When the index says which articles' contexts may have changed, the others are as they were.
        // An article that moved from one language to another is gone from one index and touched in the other.
        var touched = why is null && indexes.All(i => i.Touched is not null) && earlier!.Articles is Dictionary<string, ArticleRecord> known
            ? indexes.SelectMany(i => i.Touched!.Select(article => (Index: i, Article: article))).ToList()
            : null;
        var articles = touched is null
            ? new Dictionary<string, ArticleRecord>(indexes.Sum(i => i.Index.Articles.Length), StringComparer.Ordinal)
            : new Dictionary<string, ArticleRecord>((Dictionary<string, ArticleRecord>)earlier!.Articles, StringComparer.Ordinal);
        foreach (var gone in touched is null ? [] : indexes.SelectMany(i => i.Gone))
        {
            articles.Remove(gone);
        }

        var showing = new HashSet<string>(StringComparer.Ordinal);
        var shown = new List<Article>();
        foreach (var (index, article) in touched ?? indexes.SelectMany(i => i.Index.Articles.Select(article => (Index: i, Article: article))))
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

        var shows = Showing(shown);

        // The lists of this build: those of the last, as they were unless declared otherwise now. The
        // last build's declarations, in the same order, tell which lists hold the same articles as then.
        var copied = why is null && earlier!.Lists is Dictionary<string, ListRecord>;
        var lists = copied
            ? new Dictionary<string, ListRecord>((Dictionary<string, ListRecord>)earlier!.Lists, StringComparer.Ordinal)
            : new Dictionary<string, ListRecord>(earlier?.Lists.Count ?? 0, StringComparer.Ordinal);
        var last = copied && then is not null && then.Count == declarations.Count ? then : null;

        // Without the last build's lists to compare with, every list's members are hashed: ahead, in parallel.
        Hash128[]? hashed = null;
        if (last is null)
        {
            var every = declarations.Values.SelectMany(l => l).ToArray();
            hashed = new Hash128[every.Length];
            Parallel.For(0, every.Length, i => hashed[i] = Members(every[i].Articles));
        }

        Hash128 MembersOf(int number, ListDeclaration list) => hashed?[number] ?? Members(list.Articles);
        var count = 0;
        var made = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        var position = 0;
        foreach (var declaredLists in declarations.Values)
        {
            var thenLists = last?[position++] ?? [];
            Dictionary<string, ListDeclaration>? thenById = null;
            for (var j = 0; j < declaredLists.Length; j++)
            {
                var list = declaredLists[j];
                var first = at;
                at += list.Files.Length;
                var number = count++;
                if (why is not null)
                {
                    lists[list.Id] = new ListRecord(MembersOf(number, list), list.Header);
                    continue;
                }

                // The very list of the last build (a listing that keeps its lists of what did not
                // change): as it was, and recorded so.
                // The same list of the last build: at the same place, or, when lists came or went before
                // it, found by its name.
                var previous = j < thenLists.Length && string.Equals(thenLists[j].Id, list.Id, StringComparison.Ordinal) ? thenLists[j] : null;
                if (previous is null && thenLists.Length > 0)
                {
                    thenById ??= ById(thenLists);
                    previous = thenById.GetValueOrDefault(list.Id);
                }

                if (ReferenceEquals(previous, list))
                {
                    for (var i = 0; i < list.Files.Length; i++)
                    {
                        if (Lacking(first + i) || shows(list.Articles.AsSpan(list.Files[i].Start, list.Files[i].Count)))
                        {
                            made.Add(list.Files[i].Path);
                        }
                    }

                    continue;
                }

                var had = earlier!.Lists.TryGetValue(list.Id, out var before);
                var same = had && previous is not null && SameArticles(previous, list);
                var record = new ListRecord(same ? before.Members : MembersOf(number, list), list.Header);
                var changed = !had || before != record;
                if (changed)
                {
                    lists[list.Id] = record;
                }

                for (var i = 0; i < list.Files.Length; i++)
                {
                    var file = list.Files[i];
                    if (changed || Lacking(first + i) || shows(list.Articles.AsSpan(file.Start, file.Count)))
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

        // The files are those of the last build when none came or went: its key holds.
        var declaredKey = why is null && added.Count == 0 && removed.Count == 0 && lastPlan is not null ? lastPlan.DeclaredKey : PathsKey.Of(declared);
        var plan = new OutputPlan { All = why is not null, Files = made, Declared = declared, DeclaredKey = declaredKey, Added = added, Removed = removed, Declarations = declarations, TranslationsKey = translations };
        return [plan, new BuildPlan(why, lists, articles, showing.Count)];
    }

    // Lists by name; of two with one name (which the checks report), the first.
    private static Dictionary<string, ListDeclaration> ById(ImmutableArray<ListDeclaration> lists)
    {
        var byId = new Dictionary<string, ListDeclaration>(lists.Length, StringComparer.Ordinal);
        foreach (var list in lists)
        {
            byId.TryAdd(list.Id, list);
        }

        return byId;
    }

    // The first path of files that differs from another in case only, lies where another needs a folder,
    // or is a folder another lies in, when it is one of the files the published site lacks.
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

        var added = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            if (lacking[i])
            {
                if (Folders(files[i].Path).FirstOrDefault(caseless.Contains) is not null)
                {
                    return files[i].Path;
                }

                added.Add(files[i].Path);
            }
        }

        // A few files added are looked for among the others' folders; many, among every folder.
        if (added.Count > 16)
        {
            var folders = files.SelectMany(f => Folders(f.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return added.FirstOrDefault(folders.Contains);
        }

        foreach (var file in files)
        {
            foreach (var folder in added)
            {
                if (file.Path.Length > folder.Length && file.Path[folder.Length] == '/' && file.Path.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
                {
                    return folder;
                }
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

    // Whether some of a file's articles read otherwise than in the last build: the articles are the
    // index's objects, told apart by reference alone, so that the articles of the lists are not read.
    private static Func<ReadOnlySpan<Article>, bool> Showing(List<Article> shown)
    {
        if (shown.Count == 0)
        {
            return _ => false;
        }

        if (shown.Count <= 16)
        {
            var few = shown.ToArray();
            return articles =>
            {
                foreach (var article in articles)
                {
                    foreach (var one in few)
                    {
                        if (ReferenceEquals(article, one))
                        {
                            return true;
                        }
                    }
                }

                return false;
            };
        }

        var many = new HashSet<Article>(shown, ReferenceEqualityComparer.Instance);
        return articles =>
        {
            foreach (var article in articles)
            {
                if (many.Contains(article))
                {
                    return true;
                }
            }

            return false;
        };
    }

    // Whether the listings declare the files they declared in the last build, in the same order, each
    // as it was (its place in its list, its date, whether the sitemap lists it).
    private static bool SameFiles(List<ImmutableArray<ListDeclaration>> then, List<ImmutableArray<ListDeclaration>> now)
    {
        for (var k = 0; k < now.Count; k++)
        {
            var (before, lists) = (then[k], now[k]);
            if (before.Length != lists.Length)
            {
                return false;
            }

            for (var i = 0; i < lists.Length; i++)
            {
                if (ReferenceEquals(before[i], lists[i]))
                {
                    continue;
                }

                var (a, b) = (before[i].Files, lists[i].Files);
                if (a.Length != b.Length)
                {
                    return false;
                }

                for (var j = 0; j < a.Length; j++)
                {
                    if (!Same(a[j], b[j]))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    // A date is the same when written the same: its offset too, which the sitemap shows.
    private static bool Same(ListFile a, ListFile b) =>
        a with { LastModified = null } == b with { LastModified = null }
        && (a.LastModified, b.LastModified) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.EqualsExact(y),
            _ => false,
        };

    // Whether a list holds the articles it held in the last build, in order, as the same objects or
    // other versions of the same files: its members are as they were, and need not be hashed again.
    private static bool SameArticles(ListDeclaration then, ListDeclaration now)
    {
        if (!string.Equals(then.Id, now.Id, StringComparison.Ordinal) || then.Articles.Length != now.Articles.Length)
        {
            return false;
        }

        var a = then.Articles.AsSpan();
        var b = now.Articles.AsSpan();
        for (var i = 0; i < a.Length; i++)
        {
            // A changed article is another object of the same file.
            if (!ReferenceEquals(a[i], b[i]) && !string.Equals(a[i].Source, b[i].Source, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Which articles a list holds, in order: the hash of each one's hash of its file's name.
    private static Hash128 Members(ImmutableArray<Article> articles)
    {
        if (articles.IsDefaultOrEmpty)
        {
            return Empty;
        }

        var hashes = ArrayPool<Hash128>.Shared.Rent(articles.Length);
        try
        {
            for (var i = 0; i < articles.Length; i++)
            {
                hashes[i] = Id(articles[i]);
            }

            return Hash128.Of(MemoryMarshal.AsBytes(hashes.AsSpan(0, articles.Length)));
        }
        finally
        {
            ArrayPool<Hash128>.Shared.Return(hashes);
        }
    }

    private static Hash128 Id(Article article) => Hash128.Of(MemoryMarshal.AsBytes(article.Source.AsSpan()));
}

/// <summary>What <see cref="PlanOutputs"/> found, for the build to publish and keep.</summary>
/// <param name="Why">Why every file was made; null when only what changed was.</param>
/// <param name="Lists">Each list, for the next build to compare with.</param>
/// <param name="Articles">Each published article, for the next build to compare with.</param>
/// <param name="Showing">How many articles read otherwise than in the earlier build.</param>
internal sealed record BuildPlan(WhyFull? Why, IReadOnlyDictionary<string, ListRecord> Lists, IReadOnlyDictionary<string, ArticleRecord> Articles, int Showing) : Document;
