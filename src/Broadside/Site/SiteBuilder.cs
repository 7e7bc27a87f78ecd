using System.Collections.Immutable;
using System.Diagnostics;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Markdown;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Site;

/// <summary>Builds a publication: reads its configuration and theme once, then runs <see cref="SitePipelines"/>.</summary>
public static class SiteBuilder
{
    /// <summary>
    /// Builds again after the files <paramref name="changed"/> (full paths) changed, in a process that
    /// keeps its work between builds (<see cref="BuildOptions.Cache"/>): an edit that leaves every list as
    /// it was makes only the files that show the edited articles (<see cref="EditBuild"/>); anything else
    /// is a full <see cref="Build"/>.
    /// </summary>
    public static BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changed, CancellationToken cancellationToken = default)
    {
        if (Holds(options))
        {
            return EditBuild.TryBuild(options, changed, cancellationToken) ?? Build(options, cancellationToken);
        }

        var diagnostics = new DiagnosticBag();
        using var held = Lock(options, diagnostics);
        return held is null
            ? Result(diagnostics, succeeded: false, Stopwatch.StartNew())
            : Rebuild(options with { Lock = held }, changed, cancellationToken);
    }

    /// <summary>
    /// Builds the site described by <paramref name="options"/>. Never throws for bad input: problems are
    /// in the result. A build that writes holds the lock of its output folder (<see cref="OutputLock"/>)
    /// unless the caller holds it (<see cref="BuildOptions.Lock"/>).
    /// </summary>
    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (options.CheckOnly || Holds(options))
        {
            return BuildLocked(options, stopwatch, cancellationToken);
        }

        // A refused output folder is reported before the lock is made beside it.
        var diagnostics = new DiagnosticBag();
        if (Refused(options, diagnostics))
        {
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        using var held = Lock(options, diagnostics);
        return held is null ? Result(diagnostics, succeeded: false, stopwatch) : BuildLocked(options, stopwatch, cancellationToken);
    }

    // True when the caller holds the lock of the output folder.
    private static bool Holds(BuildOptions options) =>
        options.Lock?.Folder == Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputFolder));

    /// <summary>
    /// Takes the lock of the output folder of <paramref name="options"/>, waiting for
    /// <see cref="BuildOptions.LockWait"/>; null, after reporting who holds it, when it cannot be taken.
    /// </summary>
    internal static OutputLock? Lock(BuildOptions options, DiagnosticBag diagnostics, string command = "broadside build")
    {
        var display = Display(options, options.OutputFolder);
        try
        {
            if (OutputLock.TryAcquire(options.OutputFolder, command, options.LockWait, out var holder) is { } taken)
            {
                return taken;
            }

            diagnostics.Error(DiagnosticCodes.OutputLocked, $"the output folder is being written by {holder}: wait for it to finish, or stop it, then build again", display);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputLocked, $"cannot lock the output folder against other builds ({OutputLock.PathOf(options.OutputFolder)}): {ex.Message}", display);
        }

        return null;
    }

    private static BuildResult BuildLocked(BuildOptions options, Stopwatch stopwatch, CancellationToken cancellationToken)
    {

        // Until this build succeeds, no edit can start from the last one.
        options.Cache?.Last = null;
        var diagnostics = new DiagnosticBag();
        var services = Prepare(options, diagnostics);
        if (services is null)
        {
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        using var cacheFiles = services.Articles;
        bool Recovered()
        {
            try
            {
                services.Output.Recover();
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot finish the interrupted build in {services.Display(services.Output.StagingFolder)}: {ex.Message}; delete that folder and build again");
                return false;
            }
        }

        if (!options.CheckOnly && !Recovered())
        {
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        if (StoredEdit.TryBuild(options, services, stopwatch, cancellationToken) is { } edited)
        {
            return edited;
        }

        // A full build; until it succeeds, no build starts from the state the last one left. An edit
        // that failed while it published its files left them to finish.
        var stored = options.CacheFolder is { } cacheFolder && !options.CheckOnly && options.Cache is null && services.Articles is not null
            ? (Folder: cacheFolder, Key: StoredState.KeyOf(options, services.Fingerprint), Inputs: StoredState.Stamp(options.InputFolder, DateTime.UtcNow))
            : default((string Folder, UInt128 Key, ImmutableArray<InputStamp> Inputs)?);
        if (stored is { } forgotten)
        {
            StoredState.Forget(forgotten.Folder);
        }

        if (!options.CheckOnly && !Recovered())
        {
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        options.Cache?.BeginBuild();
        var engine = new PipelineEngine(SitePipelines.Create(services));
        var total = engine.PhaseCount - (options.CheckOnly ? engine.Pipelines.Count(p => !p.Output.IsEmpty) : 0);
        var done = 0;
        var progress = options.Progress is { } report
            ? new SynchronousProgress<PhaseTiming>(timing => report.Report(new BuildProgress(Interlocked.Increment(ref done), total, timing)))
            : null;
        using var output = services.Output;
        var result = engine.Run(diagnostics, cancellationToken, runOutput: !options.CheckOnly, progress);
        var published = false;
        var damaged = false;
        if (result.Completed && !options.CheckOnly)
        {
            try
            {
                output.Commit(services.Statistics.Records);
                published = true;
            }
            catch (PublishException ex)
            {
                damaged = !ex.Restored;
                diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot publish the new site in {services.Display(output.Folder)}: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.WriteFailed, $"cannot publish the new site in {services.Display(output.Folder)}: {ex.Message}; no file was moved, so the previous site is as it was");
            }
        }

        // Kept whether or not the build succeeded: fixing one article's error then parses that article only.
        var cacheSaved = services.Articles is { } articles && SaveCache(articles, services, diagnostics);

        var documents = result.ProcessOutputs[SitePipelines.Articles].Length + result.ProcessOutputs[SitePipelines.Pages].Length;
        if (published && options.Cache is { } cache && !diagnostics.HasErrors)
        {
            cache.Last = State(options, services, engine, result, diagnostics.ToImmutableSorted(), documents);
        }
        else if (published && cacheSaved && stored is { } state && !diagnostics.HasErrors)
        {
            SaveState(State(options, services, engine, result, diagnostics.ToImmutableSorted(), documents), state.Folder, state.Key, state.Inputs, diagnostics);
        }

        return Result(diagnostics, result.Completed || (options.CheckOnly && !diagnostics.HasErrors), stopwatch) with
        {
            OutputDamaged = damaged,
            Documents = documents,
            FilesProduced = services.Statistics.Total,
            FilesWritten = services.Statistics.Written,
            FilesReused = services.Statistics.Reused,
            ArticlesReused = services.Articles?.Reused ?? 0,
            Timings = result.Timings,
        };
    }

    // What a published build leaves for an edit to start from.
    private static SiteState State(BuildOptions options, SiteServices services, PipelineEngine engine, EngineResult result, ImmutableArray<Diagnostic> diagnostics, int documents)
    {
        var index = result.ProcessOutputs[SitePipelines.Index].OfType<IndexDocument>().Single();
        var sitemap = SitePipelines.Module<RenderSitemap>(engine.Pipelines, SitePipelines.Sitemap);
        return new SiteState
        {
            Options = options,
            Services = services,
            Index = index,
            Site = result.ProcessOutputs[SitePipelines.Site].OfType<SiteDocument>().Single(),
            Articles = index.Index.Articles.ToDictionary(a => a.Source!, StringComparer.Ordinal),
            Pages = [.. result.ProcessOutputs[SitePipelines.Pages].OfType<Page>()],
            Profiles = [.. result.ProcessOutputs[SitePipelines.Data].OfType<AuthorsDocument>().SelectMany(d => d.Profiles)],
            Catalog = [.. result.ProcessOutputs[SitePipelines.Data].OfType<DemandCatalogDocument>().SelectMany(d => d.Demands)],
            Records = new Dictionary<string, OutputRecord>(services.Statistics.Records, StringComparer.Ordinal),
            RecordOrder = OrdinalOrder.Merge([], services.Statistics.Records.Keys),
            Sitemap = sitemap.Pages,
            SitemapOrder = sitemap.Order,
            DemandsJson = SitePipelines.Module<RenderDemandPages>(engine.Pipelines, SitePipelines.Demands).JsonParts,
            Diagnostics = diagnostics,
            Documents = documents,
            NextPublication = SitePipelines.Module<FilterPublished>(engine.Pipelines, SitePipelines.Articles).NextPublication,
        };
    }

    /// <summary>Reads site.yml and the theme; null when the input folder itself is missing.</summary>
    internal static SiteServices? Prepare(BuildOptions options, DiagnosticBag diagnostics)
    {
        string Display(string path) => SiteBuilder.Display(options, path);
        if (Refused(options, diagnostics))
        {
            return null;
        }

        var siteFile = Path.Combine(options.InputFolder, "site.yml");
        var config = SiteConfigLoader.Load(siteFile, Display(siteFile), diagnostics, options.BaseUrl);
        var markdown = new MarkdownRenderer(config.RootPath, config.RawHtml);

        // The article cache is read while the theme's templates are parsed.
        var articles = Task.Run(() => OpenArticles(options, markdown, Display(Path.Combine(options.InputFolder, "articles"))));
        var theme = Theme.Load(
            options.ThemeFolder,
            Display(options.ThemeFolder),
            config.BaseUrl.AbsoluteUri,
            config.RootPath,
            config.TimeZone,
            config.Culture,
            SitePipelines.RequiredTemplates,
            diagnostics,
            AssetManifest.Build(Path.Combine(options.ThemeFolder, "assets"), Display(Path.Combine(options.ThemeFolder, "assets")), diagnostics));
        var cache = articles.GetAwaiter().GetResult();
        if (options.CacheFolder is { } cacheFolder && cache is not null && CacheReadProblem(cache, cacheFolder) is var (what, where))
        {
            diagnostics.Warning(DiagnosticCodes.CacheUnwritable, $"cannot read what earlier builds kept: {what}; the site is built, but this build makes everything again (make the folder readable and writable, or delete it)", Display(where));
        }

        return new SiteServices
        {
            Options = options,
            Config = config,
            Markdown = markdown,
            Views = new ViewFactory(config, options.NoIndex),
            Theme = theme,
            Statistics = new WriteStatistics(),
            Output = new StagedOutput(options.OutputFolder, options.FileSystem),
            Fingerprint = SiteFingerprint.Of(options),
            Articles = cache,
            Display = Display,
        };
    }

    // The article cache: on disk for build, in memory for serve (carried from one build to the next),
    // none for check, which checks everything afresh.
    private static ArticleCache? OpenArticles(BuildOptions options, MarkdownRenderer markdown, string displayFolder)
    {
        if (options.CheckOnly || (options.CacheFolder is null && options.Cache is null))
        {
            return null;
        }

        var fingerprint = new KeyBuilder().Add(SiteFingerprint.OfConfiguration(options)).Add(markdown.Variant).Finish();
        return options.CacheFolder is { } folder
            ? ArticleCache.Open(folder, fingerprint, displayFolder)
            : options.Cache!.Articles = ArticleCache.InMemory(fingerprint, displayFolder, options.Cache.Articles);
    }

    // What a published build leaves for the next `build` to start from; without it, that build is a full one.
    private static void SaveState(SiteState site, string folder, UInt128 key, ImmutableArray<InputStamp> inputs, DiagnosticBag diagnostics)
    {
        try
        {
            StoredEdit.Saved(site, key, inputs, site.Services.Articles!.ReadNotKept()).Write(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.CacheUnwritable, $"cannot keep the state of this build for the next one: {ex.Message}; the site is built, but the next build will be slower (delete the folder, or build with --no-cache)", site.Services.Display(folder));
        }
    }

    /// <summary>
    /// Saves the article cache; when it cannot be, closes it and warns (the site is not affected). True when saved.
    /// </summary>
    internal static bool SaveCache(ArticleCache articles, SiteServices services, DiagnosticBag diagnostics)
    {
        try
        {
            articles.Save();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            articles.Dispose();

            // The site is unaffected; the next build parses and renders every article again.
            diagnostics.Warning(DiagnosticCodes.CacheUnwritable, $"cannot keep parsed articles for the next build: {ex.Message}; the site is built, but the next build will be slower (delete the folder, or build with --no-cache)", articles.Folder is { } folder ? services.Display(folder) : null);
            return false;
        }
    }

    // True, after reporting why, when the input folder is missing or the output folder may not be written.
    private static bool Refused(BuildOptions options, DiagnosticBag diagnostics)
    {
        string Display(string path) => SiteBuilder.Display(options, path);
        if (!Directory.Exists(options.InputFolder))
        {
            diagnostics.Error(DiagnosticCodes.InputFolderMissing, "the input folder does not exist: run from the repository root or pass --input with the folder that holds site.yml", Display(options.InputFolder));
            return true;
        }

        if (OutputFolderProblem(options, Display) is { } problem)
        {
            diagnostics.Error(DiagnosticCodes.OutputFolderRefused, problem, Display(options.OutputFolder));
            return true;
        }

        return false;
    }

    // Where the output may not be, by the folders' real paths (symbolic links followed): it would be read
    // back as input or theme, or replace them.
    private static string? OutputFolderProblem(BuildOptions options, Func<string, string> display)
    {
        if (File.Exists(options.OutputFolder))
        {
            return "--output is a file, not a folder: choose a folder for the site, such as ./output (it is made if missing)";
        }

        var output = InputPaths.Real(options.OutputFolder);
        foreach (var (name, folder) in new[] { ("input", options.InputFolder), ("theme", options.ThemeFolder) })
        {
            var other = InputPaths.Real(folder);
            if (InputPaths.IsWithin(other, output))
            {
                return $"the output folder would overwrite the {name} folder ({display(folder)}): choose another --output, such as ./output";
            }

            if (InputPaths.IsWithin(output, other))
            {
                return $"the output folder is inside the {name} folder ({display(folder)}), which the build reads: choose an --output outside it, such as ./output";
            }
        }

        // A content folder may be a link to a folder elsewhere.
        foreach (var name in new[] { "articles", "pages", "media" })
        {
            var folder = Path.Combine(options.InputFolder, name);
            if (InputPaths.IsWithin(output, InputPaths.Real(folder)))
            {
                return $"the output folder is inside {display(folder)}, which the build reads: choose an --output outside it, such as ./output";
            }
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (output == Path.GetPathRoot(output) || (home.Length > 0 && Normalize(output) == Normalize(InputPaths.Real(home))))
        {
            return "the output folder cannot be the file system root or a home folder: choose another --output, such as ./output";
        }

        return null;
    }

    // A path as messages show it: relative to the working folder when it is inside it.
    private static string Display(BuildOptions options, string path)
    {
        var relative = Path.GetRelativePath(options.DisplayRoot, Path.GetFullPath(path));
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }

    // What earlier builds kept that this one cannot read (it then starts from nothing), and where.
    private static (string What, string Where)? CacheReadProblem(ArticleCache articles, string folder)
    {
        if (articles.Unreadable is { } problem)
        {
            return (problem, folder);
        }

        var state = Path.Combine(folder, StoredState.FileName);
        return StoredState.Unreadable(state) is { } unreadable ? (unreadable, state) : null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;

    private static BuildResult Result(DiagnosticBag diagnostics, bool succeeded, Stopwatch stopwatch) => new()
    {
        Diagnostics = diagnostics.ToImmutableSorted(),
        Succeeded = succeeded && !diagnostics.HasErrors,
        Elapsed = stopwatch.Elapsed,
    };
}
