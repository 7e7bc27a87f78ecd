using System.Collections.Immutable;
using System.Diagnostics;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;
using Broadside.Templates.Views;

namespace Broadside.Site;

/// <summary>
/// A rebuild in <c>broadside serve</c> after editing published articles that stay published, at the same
/// URL, without a problem. An edit to the body, or to front matter that is only shown (<see cref="Lists"/>:
/// the title, summary, picture, <c>updated</c>...), changes how the articles read, not where they are
/// listed: the index is the last build's with the new versions in place, and only the files that show them
/// are made again: their pages, the pages and feeds that list them, the pages of articles that link to them
/// as related when the link changed, demands.json when it names them differently, and the sitemap when
/// their <c>lastmod</c> changed. An edit to front matter that decides lists (tags, demands, section,
/// authors, the date) is a <see cref="ListEdit"/>. Anything else (a new URL, a new, deleted or unpublished
/// file, site.yml, data, the theme, a problem reported) is left to a full build.
/// </summary>
internal static class EditBuild
{
    private const string Pattern = SitePipelines.ArticlePattern;

    /// <summary>
    /// Builds the edit of <paramref name="changed"/> (full paths) on top of the last build kept in
    /// <paramref name="options"/>' cache; null when the edit needs a full build.
    /// </summary>
    public static BuildResult? TryBuild(BuildOptions options, IReadOnlyCollection<string> changed, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (options.Cache?.Last is not { } last || !CanStartFrom(last, options) || changed.Count == 0)
        {
            return null;
        }

        try
        {
            if (Apply(options, last, changed, stopwatch, cancellationToken) is not var (result, next))
            {
                return null;
            }

            // Each part of demands.json made now, from the last ones, so that no edit's parts wait on those of the edit before.
            options.Cache.Last = next with { DemandsJson = new Dictionary<Demand, byte[]>(next.DemandsJson, ReferenceEqualityComparer.Instance) };
            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The full build reports it, with the site as the last build left it.
            return null;
        }
    }

    /// <summary>
    /// Builds the edit of <paramref name="changed"/> (full paths) on top of <paramref name="last"/>, and
    /// returns what it leaves for the next edit; null when the edit needs a full build, which then finds
    /// the site as <paramref name="last"/> left it.
    /// </summary>
    /// <param name="options">The options of this build, those <paramref name="last"/> was made with but for the time.</param>
    /// <param name="last">The last build.</param>
    /// <param name="changed">The article files written or deleted since.</param>
    /// <param name="stopwatch">Started when the build was.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    internal static (BuildResult Result, SiteState Next)? Apply(BuildOptions options, SiteState last, IReadOnlyCollection<string> changed, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var services = last.Services;
        var diagnostics = new DiagnosticBag();
        if (Parse(options, last, changed, diagnostics, cancellationToken) is not var (edited, deleted, due))
        {
            return null;
        }

        var nextPublication = due is { } date && !(last.NextPublication <= date) ? date : last.NextPublication;
        if (edited.IsEmpty && deleted.IsEmpty)
        {
            // Only articles that were not published and still are not (drafts, articles not yet due).
            return (Unchanged(last, stopwatch), last with { Options = options, NextPublication = nextPublication });
        }

        var articles = new Dictionary<string, Article>(last.Articles, StringComparer.Ordinal);
        foreach (var article in edited)
        {
            articles[article.Source!] = article;
        }

        foreach (var source in deleted)
        {
            articles.Remove(source);
        }

        var plan = deleted.IsEmpty && edited.All(e => last.Articles.TryGetValue(e.Source!, out var old) && Lists(e) == Lists(old))
            ? ShownOnly(last, edited, articles, diagnostics)
            : ListEdit.Plan(last, edited, deleted, articles, diagnostics);
        if (plan is null)
        {
            return null;
        }

        var statistics = new WriteStatistics();
        using var output = new StagedOutput(options.OutputFolder, options.FileSystem);
        var run = Pipelines(services, last, plan, new WriteFiles(output, statistics, last.Records));
        var result = new PipelineEngine(run) { CollectBetweenPhases = false }.Run(diagnostics, cancellationToken);

        // A problem (a template that fails on the new text) is left to a full build to report in full.
        if (!result.Completed || diagnostics.Count > 0)
        {
            return null;
        }

        var records = new Dictionary<string, OutputRecord>(last.Records, StringComparer.Ordinal);
        foreach (var removed in plan.Removed)
        {
            records.Remove(removed);
        }

        foreach (var (path, record) in statistics.Records)
        {
            records[path] = record;
        }

        var order = OrdinalOrder.Merge(last.RecordOrder, statistics.Records.Keys.Where(path => !last.Records.ContainsKey(path)), path => !plan.Removed.Contains(path));
        output.Commit(records, last.Records, order, plan.Removed);
        var sitemap = plan.Sitemap is null ? null : SitePipelines.Module<RenderSitemap>(run, SitePipelines.Sitemap);
        var next = last with
        {
            Options = options,
            NextPublication = nextPublication,
            Index = plan.Index,
            Articles = articles,
            Records = records,
            RecordOrder = order,
            Sitemap = sitemap?.Pages ?? last.Sitemap,
            SitemapOrder = sitemap?.Order ?? last.SitemapOrder,
            DemandsJson = SitePipelines.Module<RenderDemandPages>(run, SitePipelines.Demands).JsonParts,
        };
        return (new BuildResult
        {
            Diagnostics = last.Diagnostics,
            Succeeded = true,
            Edited = true,
            Documents = last.Documents + articles.Count - last.Articles.Count,
            FilesProduced = records.Count,
            FilesWritten = statistics.Written,
            FilesReused = records.Count - statistics.Total + statistics.Reused,
            ArticlesReused = articles.Count - edited.Length,
            Elapsed = stopwatch.Elapsed,
            Timings = result.Timings,
        }, next);
    }

    /// <summary>The result of a build that leaves the site as <paramref name="last"/> made it.</summary>
    internal static BuildResult Unchanged(SiteState last, Stopwatch stopwatch) => new()
    {
        Diagnostics = last.Diagnostics,
        Succeeded = true,
        Edited = true,
        Documents = last.Documents,
        FilesProduced = last.Records.Count,
        FilesReused = last.Records.Count,
        ArticlesReused = last.Articles.Count,
        Elapsed = stopwatch.Elapsed,
    };

    /// <summary>
    /// The plan of an edit that leaves every list as it was: the index is the last build's with the new
    /// versions in place, and the views of the articles that show them are made again.
    /// </summary>
    private static EditPlan ShownOnly(SiteState last, ImmutableArray<Article> edited, IReadOnlyDictionary<string, Article> articles, DiagnosticBag diagnostics)
    {
        var services = last.Services;
        var index = last.Index.Index.With(edited.Select(e => (last.Articles[e.Source!], e)));
        var reach = Reach.Of(last, edited);
        var views = new Dictionary<string, ArticleView>(StringComparer.Ordinal);
        foreach (var source in reach.Showing)
        {
            views[source] = IndexSite.View(services.Views, services.Theme, articles[source], index, diagnostics);
        }

        var shown = reach.Showing.Select(s => articles[s]).OrderBy(a => a.Source, StringComparer.Ordinal).ToImmutableArray();
        return new EditPlan(
            new IndexDocument(index, EditedArticleViews.Of(last.Index.Views, views, [])),
            shown,
            new EditScope(shown.ToHashSet<Article>(ReferenceEqualityComparer.Instance), ImmutableHashSet<string>.Empty),
            reach.Json,
            last.DemandsJson,
            reach.Sitemap ? last.Sitemap : null,
            ImmutableHashSet<string>.Empty);
    }

    // The last build is a base for this one when nothing but the files differs: the same options, no
    // scheduled article come due, the same year in the footer.
    private static bool CanStartFrom(SiteState last, BuildOptions options) =>
        !options.CheckOnly
        && last.Options with { Now = options.Now, Lock = options.Lock } == options
        && !(last.NextPublication <= options.Now)
        && TimeZoneInfo.ConvertTime(options.Now, last.Services.Config.TimeZone).Year == last.Site.View.Year;

    /// <summary>
    /// The edited and new articles, read, parsed and rendered, and the deleted ones, by source file, when
    /// each edited article was published by the last build without a problem and is still published
    /// without one at the same URL, each new one is published without a problem at a URL no file has,
    /// and none of them has or had aliases (redirects); otherwise null. A file the last build did not
    /// publish and this one would not either (a draft, an article not yet due) changes nothing, but for
    /// the date of the next publication, which is returned too.
    /// </summary>
    private static (ImmutableArray<Article> Edited, ImmutableArray<string> Deleted, DateTimeOffset? Due)? Parse(BuildOptions options, SiteState last, IReadOnlyCollection<string> changed, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var services = last.Services;
        var folder = Path.GetFullPath(Path.Combine(options.InputFolder, "articles"));
        var reader = new ReadFiles(folder, services.Display(folder), Pattern, options.InputFolder, services.Articles);
        var display = services.Display(folder);
        var files = new List<Document>();
        var deleted = new List<string>();
        foreach (var path in changed)
        {
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Directory.Exists(full))
            {
                return null;
            }

            var relative = Path.GetRelativePath(folder, full).Replace('\\', '/');
            var source = display + "/" + relative;
            if (!File.Exists(full))
            {
                // Gone: a temporary file an editor or tool wrote and removed is nothing to the site; an
                // article is a list edit, and a folder of them, or a file with a problem, a full build.
                if (last.Articles.TryGetValue(source, out var gone) && gone.FrontMatter.Aliases.IsEmpty && !last.Diagnostics.Any(d => d.File == source))
                {
                    deleted.Add(source);
                }
                else if (last.Articles.Keys.Any(a => a == source || a.StartsWith(source + "/", StringComparison.Ordinal))
                    || last.Diagnostics.Any(d => d.File is { } file && (file == source || file.StartsWith(source + "/", StringComparison.Ordinal))))
                {
                    return null;
                }

                continue;
            }

            if (!ContentFiles.IsContent(relative, Pattern))
            {
                // Not content: the articles are the *.md files not hidden.
                continue;
            }

            if (last.Diagnostics.Any(d => d.File == source) || reader.Read(full, diagnostics) is not { } file)
            {
                return null;
            }

            files.Add(file);
        }

        if (files.Count == 0)
        {
            return deleted.Count == 0 ? null : ([], [.. deleted], null);
        }

        var context = new PipelineContext(new Pipeline(SitePipelines.Articles), Phase.Process, new Dictionary<string, ImmutableArray<Document>>(), diagnostics, cancellationToken);
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var parsed = new ParseArticles(services.Config, services.Articles).Execute([.. files], context);
        var edited = SitePipelines.MarkdownStep(services).Execute(publish.Execute(parsed, context), context).OfType<Article>().ToImmutableArray();
        var published = edited.Select(e => e.Source!).ToHashSet(StringComparer.Ordinal);
        if (diagnostics.Count > 0 || parsed.Length != files.Count
            || parsed.OfType<Article>().Any(a => !published.Contains(a.Source!) && last.Articles.ContainsKey(a.Source!)))
        {
            return null;
        }

        new CheckLinks(services.Config.RootPath, asErrors: false).Check(edited, last.Records.ContainsKey, diagnostics);

        // A new article's page must not fall on a file the site has, unless a deleted article left it.
        var freed = deleted.Select(d => last.Articles[d].Destination!).ToHashSet(StringComparer.Ordinal);
        var added = edited.Where(e => !last.Articles.ContainsKey(e.Source!)).ToList();
        var fits = added.All(a => a.FrontMatter.Aliases.IsEmpty && (freed.Contains(a.Destination!) || !last.Records.ContainsKey(a.Destination!)))
            && added.Select(a => a.Destination).Distinct(StringComparer.Ordinal).Count() == added.Count;
        return diagnostics.Count == 0 && fits && edited.All(e => !last.Articles.TryGetValue(e.Source!, out var old) || Listed(e) == Listed(old))
            ? (edited, [.. deleted], publish.NextPublication)
            : null;
    }

    /// <summary>
    /// What decides which lists hold an article and in what order: its URL, its source file, and its front
    /// matter but for the fields that are only shown, <c>draft</c> (whether the article is published is
    /// checked apart: it must be before and after the edit), and the lines things are written on (for
    /// diagnostics, and an article with a problem never takes this path), which are blanked here. Lists
    /// are ordered by date and source file (articles), name or slug (terms), and count, date and slug
    /// (demands), never by a field only shown; related articles are found by tags and demands. A field
    /// added to the front matter later counts here until it is known to be only shown.
    /// </summary>
    private static UInt128 Lists(Article article)
    {
        var listed = article.FrontMatter with
        {
            Title = string.Empty,
            Summary = null,
            Updated = null,
            Image = null,
            ImageLine = 0,
            ImageAlt = null,
            Canonical = null,
            Lang = null,
            Extra = ImmutableDictionary<string, object?>.Empty,
            Draft = false,
            Demands = [.. article.FrontMatter.Demands.Select(d => d with { Line = 0, Column = 0 })],
        };
        return new KeyBuilder().AddView(listed).Add(listed.Date.UtcTicks)
            .Add(article.Slug).Add(article.Path).Add(article.Destination).Add(article.Source).Finish();
    }

    /// <summary>
    /// Where an article is and what leads there: its URL, source file and aliases. An edit that changes
    /// them makes and removes pages no list holds (the article's own, its redirects), and is a full build.
    /// </summary>
    private static UInt128 Listed(Article article)
    {
        var key = new KeyBuilder().Add(article.Slug).Add(article.Path).Add(article.Destination).Add(article.Source);
        foreach (var alias in article.FrontMatter.Aliases)
        {
            key.Add(alias);
        }

        return key.Finish();
    }

    /// <summary>What an edit makes again besides the edited articles' pages and the lists that hold them.</summary>
    /// <param name="Showing">
    /// The articles whose views change, by source file: the edited ones, and those that link to one as
    /// related when its link (title, summary...) changed.
    /// </param>
    /// <param name="Json">True when demands.json tells something new of an edited article that raises a demand (its title).</param>
    /// <param name="Sitemap">True when an edited article's <c>lastmod</c>, which its page and the lists that hold it give the sitemap, changed.</param>
    private sealed record Reach(HashSet<string> Showing, bool Json, bool Sitemap)
    {
        public static Reach Of(SiteState last, ImmutableArray<Article> edited)
        {
            var (index, views) = (last.Index.Index, last.Services.Views);
            var versions = edited.Select(e => (Old: last.Articles[e.Source!], New: e)).ToArray();
            var showing = edited.Select(a => a.Source!).ToHashSet(StringComparer.Ordinal);
            var relinked = versions.Where(v => views.ArticleLink(v.Old) != views.ArticleLink(v.New)).Select(v => v.Old).ToHashSet(ReferenceEqualityComparer.Instance);
            if (relinked.Count > 0)
            {
                showing.UnionWith(index.Articles.Where(a => index.RelatedTo(a).Any(relinked.Contains)).Select(a => a.Source!));
            }

            return new Reach(
                showing,
                versions.Any(v => !index.DemandsOf(v.Old).IsEmpty && DemandsJson.Facts(v.Old, views) != DemandsJson.Facts(v.New, views)),
                versions.Any(v => !v.Old.LastModified.EqualsExact(v.New.LastModified)));
        }
    }

    // The pipelines of an edit: the article pages and the listings of a full build, over the edit's index
    // and the last build's site, making only what the plan says.
    private static ImmutableArray<Pipeline> Pipelines(SiteServices services, SiteState last, EditPlan plan, WriteFiles write) =>
    [
        new Pipeline(SitePipelines.Articles)
        {
            Process = [new ReuseDocuments([.. plan.Pages])],
            PostProcess = [new RenderArticlePages(services.Theme, services.Views, SitePipelines.Index, SitePipelines.Site)],
            Output = [write],
        },
        new Pipeline(SitePipelines.Index) { Process = [new ReuseDocuments([plan.Index])] },
        new Pipeline(SitePipelines.Site) { Process = [new ReuseDocuments([last.Site])] },
        .. SitePipelines.Listings(services, write, plan.Scope, plan.Json, plan.JsonParts),
        .. plan.Sitemap is { } sitemap ? [SitePipelines.SitemapPipeline(services, write, sitemap, last.SitemapOrder)] : Array.Empty<Pipeline>(),
    ];
}
