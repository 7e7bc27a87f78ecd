using System.Collections.Immutable;
using System.Diagnostics;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;

namespace Broadside.Site;

/// <summary>
/// <c>broadside build</c> after a few articles were edited, written or deleted: the edit
/// <c>serve</c> makes (<see cref="EditBuild"/>), started from the state the last build left on disk
/// (<see cref="StoredState"/>) rather than from one kept in memory. The last build's articles come from
/// the article cache, and its index is made again from them; its article views are made only for the
/// articles the edit shows. A build in which no file changed writes nothing and makes nothing.
/// </summary>
/// <remarks>
/// The state is used only when it describes the published site exactly and nothing but articles
/// changed: the same options, Broadside, <c>site.yml</c>, data files and theme (<see cref="StoredState.KeyOf"/>),
/// the same files in <c>pages/</c> and <c>media/</c>, the manifest the state was saved with, every
/// published file as that manifest records it, no scheduled article come due and the same year.
/// Anything else, or an edit <see cref="EditBuild"/> cannot make, is a full build.
/// </remarks>
internal static class StoredEdit
{
    /// <summary>Changed article files beyond which a full build is made instead (a fresh clone touches them all).</summary>
    public const int MostChanged = 100;

    /// <summary>
    /// Builds on top of the state the last build left in <paramref name="options"/>' cache folder;
    /// null when the build must be a full one. On null, the article cache is as it was opened.
    /// </summary>
    /// <param name="options">The build's options.</param>
    /// <param name="services">The build's configuration, theme and article cache.</param>
    /// <param name="stopwatch">Started when the build was.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public static BuildResult? TryBuild(BuildOptions options, SiteServices services, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (options.CacheFolder is not { } folder || options.Fresh || options.CheckOnly || options.Cache is not null || services.Articles is not { } cache)
        {
            return null;
        }

        try
        {
            if (Build(options, services, cache, folder, stopwatch, cancellationToken) is { } result)
            {
                return result;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The full build reports it.
        }

        cache.Restart();
        return null;
    }

    private static BuildResult? Build(BuildOptions options, SiteServices services, ArticleCache cache, string folder, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (StoredState.Read(folder) is not { } state
            || state.Key != StoredState.KeyOf(options, services.Fingerprint)
            || state.NextPublication <= options.Now
            || TimeZoneInfo.ConvertTime(options.Now, services.Config.TimeZone).Year != state.Year
            || state.Manifest == UInt128.Zero
            || state.Manifest != StoredState.HashManifest(options.OutputFolder)
            || !StoredState.Stamp(options.InputFolder, started: null).SequenceEqual(state.Inputs))
        {
            return null;
        }

        var records = OutputManifest.Load(options.OutputFolder);
        if (!Published(services.Output, records) || Changes(options, services, cache, state) is not var (changed, found, unpublished))
        {
            return null;
        }

        // The articles the last build published, as it made them.
        var articles = new Dictionary<string, Article>(state.Articles.Length, StringComparer.Ordinal);
        var ordered = ImmutableArray.CreateBuilder<Document>(state.Articles.Length);
        var kept = new DiagnosticBag();
        foreach (var (source, hash) in state.Articles)
        {
            var unchanged = found.GetValueOrDefault(source) == hash;
            if ((unchanged ? cache.Find(source, hash, kept) : cache.Recorded(source, hash)) is not { } article)
            {
                return null;
            }

            articles[source] = article;
            ordered.Add(article);
        }

        // Drafts and articles not yet due stay in the cache for the build that publishes them.
        foreach (var (source, hash) in found)
        {
            if (!articles.ContainsKey(source))
            {
                cache.Find(source, hash, kept);
            }
        }

        if (changed.Count == 0)
        {
            // Nothing to make, nothing to write: the cache, the manifest and the state stay as they are.
            return new BuildResult
            {
                Diagnostics = state.Diagnostics,
                Succeeded = true,
                Edited = true,
                Documents = state.Documents,
                FilesProduced = records.Count,
                FilesReused = records.Count,
                ArticlesReused = cache.Reused,
                Elapsed = stopwatch.Elapsed,
            };
        }

        if (Last(options, services, state, records, articles, ordered.MoveToImmutable(), cancellationToken) is not { } last
            || EditBuild.Apply(options, last, changed, stopwatch, cancellationToken) is not var (result, next))
        {
            return null;
        }

        // The site is published: what the next build starts from is saved if it can be, and otherwise
        // the next build is a full one.
        var reported = new DiagnosticBag();
        reported.AddRange(result.Diagnostics);
        if (SiteBuilder.SaveCache(cache, services, reported))
        {
            Saved(next, state.Key, state.Inputs, [.. unpublished, .. cache.ReadNotKept()]).Write(folder);
        }
        else
        {
            StoredState.Forget(folder);
        }

        // Articles read again but found in the cache by their hash (a file touched, not changed) count as taken from it.
        return result with { Diagnostics = reported.ToImmutableSorted(), ArticlesReused = cache.Reused, Elapsed = stopwatch.Elapsed };
    }

    /// <summary>True when every file the manifest lists is published as it records it.</summary>
    private static bool Published(StagedOutput output, IReadOnlyDictionary<string, OutputRecord> records)
    {
        var unchanged = true;
        Parallel.ForEach(records, (record, loop) =>
        {
            if (record.Value.Length < 0 || !output.IsUnchanged(record.Key, record.Value))
            {
                unchanged = false;
                loop.Stop();
            }
        });
        return unchanged && records.Count > 0;
    }

    /// <summary>
    /// The article files written or deleted since the last build (full paths), the hash of every other
    /// the cache holds, by source file, and the stamps of those it read and did not publish, when at most
    /// <see cref="MostChanged"/> changed; otherwise null.
    /// </summary>
    private static (List<string> Changed, Dictionary<string, UInt128> Unchanged, List<InputStamp> Unpublished)? Changes(BuildOptions options, SiteServices services, ArticleCache cache, StoredState state)
    {
        var folder = Path.GetFullPath(Path.Combine(options.InputFolder, "articles"));
        var display = services.Display(folder);
        var reported = new DiagnosticBag();
        var paths = Directory.Exists(folder)
            ? ContentFiles.Enumerate(folder, SitePipelines.ArticlePattern, options.InputFolder, display, reported)
            : [];
        if (reported.Count > 0)
        {
            return null;
        }

        var sources = new string[paths.Length];
        var hashes = new UInt128?[paths.Length];
        var stamps = new InputStamp[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            var info = new FileInfo(paths[i]);
            sources[i] = display + "/" + Path.GetRelativePath(folder, paths[i]).Replace('\\', '/');
            hashes[i] = cache.Unchanged(sources[i], info.Length, info.LastWriteTimeUtc);
            stamps[i] = new InputStamp(sources[i], info.Length, info.LastWriteTimeUtc.Ticks);
        });

        var changed = new List<string>();
        var unchanged = new Dictionary<string, UInt128>(paths.Length, StringComparer.Ordinal);
        var unpublished = new List<InputStamp>();
        var read = state.Unpublished.Where(s => s.Ticks != 0).ToHashSet();
        for (var i = 0; i < paths.Length; i++)
        {
            if (hashes[i] is { } hash)
            {
                unchanged[sources[i]] = hash;
            }
            else if (read.Contains(stamps[i]))
            {
                unpublished.Add(stamps[i]);
            }
            else
            {
                changed.Add(paths[i]);
            }
        }

        var present = sources.ToHashSet(StringComparer.Ordinal);
        foreach (var (source, _) in state.Articles)
        {
            if (!present.Contains(source))
            {
                changed.Add(Path.Combine(folder, source[(display.Length + 1)..]));
            }
        }

        return changed.Count <= MostChanged ? (changed, unchanged, unpublished) : null;
    }

    /// <summary>
    /// The last build as <see cref="EditBuild"/> starts from it: its articles, its pages, data and site
    /// made again, its index made again from them with each article's view made when first shown, and
    /// what the state and the manifest say of the rest.
    /// </summary>
    private static SiteState? Last(
        BuildOptions options,
        SiteServices services,
        StoredState state,
        IReadOnlyDictionary<string, OutputRecord> records,
        Dictionary<string, Article> articles,
        ImmutableArray<Document> ordered,
        CancellationToken cancellationToken)
    {
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var engine = new PipelineEngine(
        [
            new Pipeline(SitePipelines.Articles) { Process = [new ReuseDocuments(ordered)] },
            SitePipelines.PagesPipeline(services, publish, SitePipelines.MarkdownStep(services)),
            SitePipelines.DataPipeline(services),
            new Pipeline(SitePipelines.Index)
            {
                DependsOn = [SitePipelines.Articles, SitePipelines.Data],
                Process = [new IndexSite(services.Config, services.Views, services.Theme, SitePipelines.Articles, SitePipelines.Data, lazyViews: true)],
            },
            SitePipelines.SitePipeline(services),
        ])
        { CollectBetweenPhases = false };

        // What these report, the last build reported: it is in the state.
        var reported = new DiagnosticBag();
        var result = engine.Run(reported, cancellationToken, runOutput: false);
        if (reported.HasErrors)
        {
            return null;
        }

        var outputs = result.ProcessOutputs;
        var index = outputs[SitePipelines.Index].OfType<IndexDocument>().Single();
        var order = records.Keys.ToArray();
        if (!IsOrdinal(order))
        {
            Array.Sort(order, StringComparer.Ordinal);
        }

        return new SiteState
        {
            Options = options,
            Services = services,
            Index = index,
            Site = outputs[SitePipelines.Site].OfType<SiteDocument>().Single(),
            Articles = articles,
            Pages = [.. outputs[SitePipelines.Pages].OfType<Page>()],
            Profiles = [.. outputs[SitePipelines.Data].OfType<AuthorsDocument>().SelectMany(d => d.Profiles)],
            Catalog = [.. outputs[SitePipelines.Data].OfType<DemandCatalogDocument>().SelectMany(d => d.Demands)],
            Records = records,
            RecordOrder = order,
            Sitemap = state.Sitemap.ToDictionary(p => p.Path, p => p.LastModified, StringComparer.Ordinal),
            SitemapOrder = [.. state.Sitemap.Select(p => p.Path)],
            DemandsJson = RenderDemandPages.Parts(index.Index.Demands, services.Views),
            Diagnostics = state.Diagnostics,
            Documents = state.Documents,
            NextPublication = state.NextPublication,
        };
    }

    /// <summary>The state a build leaves, as <paramref name="site"/> describes it, with the manifest it wrote.</summary>
    /// <param name="site">The build.</param>
    /// <param name="key">Its <see cref="StoredState.KeyOf"/>.</param>
    /// <param name="inputs">The files of <c>pages/</c> and <c>media/</c> as it started.</param>
    /// <param name="unpublished">The article files it read and did not publish (<see cref="StoredState.Unpublished"/>).</param>
    internal static StoredState Saved(SiteState site, UInt128 key, ImmutableArray<InputStamp> inputs, IEnumerable<InputStamp> unpublished) => new()
    {
        Key = key,
        Manifest = StoredState.HashManifest(site.Options.OutputFolder),
        Year = site.Site.View.Year,
        NextPublication = site.NextPublication,
        Documents = site.Documents,
        Articles = [.. site.Index.Index.Articles.Select(a => (a.Source!, a.SourceHash))],
        Inputs = inputs,
        Unpublished = [.. unpublished.Where(s => !site.Articles.ContainsKey(s.Path)).OrderBy(s => s.Path, StringComparer.Ordinal)],
        Diagnostics = site.Diagnostics,
        Sitemap = [.. site.SitemapOrder.Select(path => (path, site.Sitemap[path]))],
    };

    private static bool IsOrdinal(string[] paths)
    {
        for (var i = 1; i < paths.Length; i++)
        {
            if (string.CompareOrdinal(paths[i - 1], paths[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
