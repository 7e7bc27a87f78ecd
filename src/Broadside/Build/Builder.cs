using System.Collections.Immutable;
using System.Diagnostics;
using Broadside.Build;
using Broadside.Caching;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Markdown;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Build;

/// <summary>
/// Builds a publication. There is one build: it takes the options, what changed (<see cref="ChangeSet"/>)
/// and the state the last build left, if any (<see cref="BuildState"/>, kept in memory by <c>serve</c>,
/// on disk by <c>build</c>), and runs the same pipelines (<see cref="SitePipelines"/>) either way. With no
/// state to use it makes every file; with one, its plan makes only what changed (<see cref="PlanOutputs"/>),
/// and a result says why a build was full (<see cref="BuildResult.Full"/>).
/// </summary>
public static class Builder
{
    /// <summary>Builds the site of <paramref name="options"/>, from the state its cache keeps, finding what changed.</summary>
    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default) =>
        Build(options, ChangeSet.Unknown, cancellationToken);

    /// <summary>Builds again after the files <paramref name="changed"/> (full paths) were written or deleted, and nothing else.</summary>
    public static BuildResult Rebuild(BuildOptions options, IReadOnlyCollection<string> changed, CancellationToken cancellationToken = default) =>
        Build(options, ChangeSet.Of(changed), cancellationToken);

    /// <summary>
    /// Builds the site described by <paramref name="options"/> after <paramref name="changes"/>. Never
    /// throws for bad input: problems are in the result. A build that writes holds the lock of its output
    /// folder (<see cref="OutputLock"/>) unless the caller holds it (<see cref="BuildOptions.Lock"/>).
    /// </summary>
    public static BuildResult Build(BuildOptions options, ChangeSet changes, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (options.CheckOnly || Holds(options))
        {
            return BuildLocked(options, changes, stopwatch, cancellationToken);
        }

        // A refused output folder is reported before the lock is made beside it.
        var diagnostics = new DiagnosticBag();
        if (Refused(options, diagnostics))
        {
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        using var held = Lock(options, diagnostics);
        return held is null ? Result(diagnostics, succeeded: false, stopwatch) : BuildLocked(options with { Lock = held }, changes, stopwatch, cancellationToken);
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

    private static BuildResult BuildLocked(BuildOptions options, ChangeSet changes, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        IStateStore? store = options.CheckOnly ? null : options.Cache is { } cache ? cache.State : options.CacheFolder is { } folder ? new DiskStateStore(folder) : null;
        var whyNot = "check";
        var earlier = store?.Load(out whyNot);
        var warm = earlier?.Warm;

        // Read while the settings and the theme are, since nothing here depends on them: the input
        // folders' listing and stamps and, when no interrupted build is left to finish first, the
        // published site's manifest and whether the site is still the one the state describes.
        var disk = store is DiskStateStore;
        var inputs = disk ? Task.Run(() => DiskStateStore.List(options.InputFolder, path => Display(options, path))) : null;
        var site = new StagedOutput(options.OutputFolder, options.FileSystem);
        var manifest = disk && earlier is not null && !options.Fresh && !Directory.Exists(site.StagingFolder)
            ? Task.Run(() =>
            {
                var records = OutputManifest.Load(site.Folder);
                return (Records: records, Why: Unpublished(site.Folder, earlier, records));
            })
            : null;

        // What the whole site is read with (site.yml, the data files, the theme) is read again when it changed.
        var services = warm is not null && changes.Paths is { } paths && !paths.Any(path => Configures(options, path))
            ? warm.Services with
            {
                Options = options,
                Statistics = new WriteStatistics(),
                Output = new StagedOutput(options.OutputFolder, options.FileSystem),

                // What the last build parsed and rendered, for this one to find.
                Articles = OpenArticles(options, warm.Services.Markdown, Display(options, Path.Combine(options.InputFolder, "articles"))),
            }
            : Prepare(options, diagnostics);

        // A build that stops here waits for what it started, which reads the folders it holds the lock of.
        void Settle()
        {
            try
            {
                Task.WaitAll([.. new Task?[] { inputs, manifest }.OfType<Task>()]);
            }
            catch (AggregateException)
            {
                // What they could not read is not this build's to report: it stopped before reading it.
            }
        }

        if (services is null)
        {
            Settle();
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        using var cacheFiles = options.Cache is null ? services.Articles : null;
        if (!options.CheckOnly && !Recovered(services, diagnostics))
        {
            Settle();
            return Result(diagnostics, succeeded: false, stopwatch);
        }

        var read = manifest?.GetAwaiter().GetResult();
        var published = warm?.Records ?? read?.Records ?? OutputManifest.Load(services.Output.Folder);
        var started = DateTime.UtcNow;
        // The input folders are listed once: for the stamps the state records, and for the build to read.
        var listings = inputs?.GetAwaiter().GetResult() ?? [];
        var stamps = store is DiskStateStore ? DiskStateStore.Stamp(listings, started: null) : [];
        var full = options.CheckOnly ? new WhyFull(FullReason.NoState, "check")
            : earlier is null ? new WhyFull(FullReason.NoState, whyNot)
            : options.Fresh ? new WhyFull(FullReason.Asked)
            : earlier.Unlike(services.FingerprintParts) ?? (warm is null ? read is { } known ? known.Why : Unpublished(services.Output.Folder, earlier, published) : null);
        var year = TimeZoneInfo.ConvertTime(options.Now, services.Config.TimeZone).Year;
        if (full is null && !(earlier!.NextPublication <= options.Now) && earlier.Year == year
            && (warm is not null ? changes.Paths is { Count: 0 } : stamps.SequenceEqual(earlier.Inputs)))
        {
            // Nothing changed: nothing to make, nothing to write, and the state stays as it is.
            return new BuildResult
            {
                Diagnostics = earlier.Diagnostics,
                Succeeded = true,
                Edited = true,
                Documents = earlier.Documents,
                FilesProduced = published.Count,
                FilesReused = published.Count,
                ArticlesReused = earlier.Articles.Count,
                Elapsed = stopwatch.Elapsed,
            };
        }

        options.Cache?.BeginBuild();
        var articlesFolder = Path.GetFullPath(Path.Combine(options.InputFolder, "articles"));
        var changed = warm is not null && full is null
            ? ArticleChanges(changes, articlesFolder, folder =>
            {
                var shown = services.Display(folder) + "/";
                return earlier!.Articles.Keys.Any(source => source.StartsWith(shown, StringComparison.Ordinal))
                    || warm.Unpublished.Any(file => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            })
            : null;
        var engine = new PipelineEngine(SitePipelines.Create(services, new BuildStart(earlier, full, changed, published, listings))) { CollectBetweenPhases = full is not null };
        var total = engine.PhaseCount - (options.CheckOnly ? engine.Pipelines.Count(p => !p.Output.IsEmpty) : 0);
        var done = 0;
        var progress = options.Progress is { } report
            ? new SynchronousProgress<PhaseTiming>(timing => report.Report(new BuildProgress(Interlocked.Increment(ref done), total, timing)))
            : null;
        using var output = services.Output;
        var result = engine.Run(diagnostics, cancellationToken, runOutput: !options.CheckOnly, progress);
        var plan = result.ProcessOutputs[SitePipelines.Plan].OfType<BuildPlan>().SingleOrDefault();
        var outputs = result.ProcessOutputs[SitePipelines.Plan].OfType<OutputPlan>().SingleOrDefault();
        var documents = result.ProcessOutputs[SitePipelines.Articles].OfType<Article>().Count() + result.ProcessOutputs[SitePipelines.Pages].OfType<Page>().Count();
        var records = new Dictionary<string, OutputRecord>(services.Statistics.Records, StringComparer.Ordinal);
        IReadOnlyList<string>? order = null;
        var (published2, damaged) = (false, false);
        if (result.Completed && !options.CheckOnly && outputs is not null)
        {
            // The files of the site: those the last build published, less those no listing declared any
            // more, with those this build made.
            records = published is Dictionary<string, OutputRecord> last ? new Dictionary<string, OutputRecord>(last, StringComparer.Ordinal) : new(published, StringComparer.Ordinal);
            foreach (var (file, record) in services.Statistics.Records)
            {
                // The checks of a build from the last one rely on this: every file is one a listing declared.
                if (!outputs.Declared.Contains(file))
                {
                    throw new InvalidOperationException($"{file} was made, but no listing declared it: declare it in the listing's Declare");
                }

                records[file] = record;
            }

            var removed = outputs.Removed;
            foreach (var file in removed)
            {
                records.Remove(file);
            }

            var gone = removed.ToHashSet(StringComparer.Ordinal);
            // A file declared and not made (a picture serve makes after the build) is not published yet.
            var added = outputs.Added.All(records.ContainsKey) ? outputs.Added : [.. outputs.Added.Where(records.ContainsKey)];
            order = warm is null ? null
                : added.Count == 0 && removed.Count == 0 ? warm.RecordOrder
                : OrdinalOrder.Merge(warm.RecordOrder, added, removed.Count == 0 ? null : file => !gone.Contains(file));
            try
            {
                output.Commit(records, published, order, removed);
                published2 = true;
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
        if (published2 && !diagnostics.HasErrors && store is not null && plan is not null && (cacheSaved || options.Cache is not null))
        {
            var state = new BuildState
            {
                Fingerprint = services.FingerprintParts,
                SiteKey = SitePipelines.SiteKey(services.Config.AllLanguages.Select((_, i) => result.ProcessOutputs[SitePipelines.Named(SitePipelines.Site, services.Config, i)].OfType<SiteDocument>().Single())),
                Year = year,
                Manifest = store is DiskStateStore ? DiskStateStore.HashManifest(output.Folder) : Hash128.Zero,
                Articles = plan.Articles,
                Lists = plan.Lists,
                Inputs = DiskStateStore.Trusted(stamps, started),
                Diagnostics = diagnostics.ToImmutableSorted(),
                Documents = documents,
                NextPublication = result.ProcessOutputs[SitePipelines.Articles].OfType<ScheduleDocument>().SingleOrDefault()?.NextPublication,
                Warm = options.Cache is null ? null : new WarmState
                {
                    Unpublished = Unread(result, plan),
                    Services = services,
                    Indexes = services.Config.AllLanguages.Select((_, i) => SitePipelines.Named(SitePipelines.Index, services.Config, i))
                        .ToDictionary(name => name, name => result.ProcessOutputs[name].OfType<IndexDocument>().Single(), StringComparer.Ordinal),
                    Plan = result.ProcessOutputs[SitePipelines.Plan].OfType<OutputPlan>().Single(),
                    Records = records,
                    RecordOrder = order ?? OrdinalOrder.Merge([], records.Keys),
                    DemandsJson = services.Config.AllLanguages.Select((_, i) => SitePipelines.Named(SitePipelines.Demands, services.Config, i))
                        .ToDictionary(name => name, name => result.ProcessOutputs[name].OfType<DemandsJsonDocument>().Single().Parts, StringComparer.Ordinal),
                },
            };
            try
            {
                store.Save(state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(DiagnosticCodes.CacheUnwritable, $"cannot keep the state of this build for the next one: {ex.Message}; the site is built, but the next build will be slower (delete the folder, or build with --no-cache)", options.CacheFolder is { } cacheFolder ? services.Display(cacheFolder) : null);
            }
        }
        else if (published2 && store is not null)
        {
            // The site changed and nothing describes it: the next build starts from nothing.
            store.Forget();
        }

        return Result(diagnostics, result.Completed || (options.CheckOnly && !diagnostics.HasErrors), stopwatch) with
        {
            OutputDamaged = damaged,
            Edited = plan?.Why is null,
            Full = plan?.Why,
            Documents = documents,
            FilesProduced = records.Count,
            FilesWritten = services.Statistics.Written,
            FilesReused = records.Count - services.Statistics.Total + services.Statistics.Reused,
            ArticlesReused = services.Articles?.Reused ?? 0,
            Timings = result.Timings,
        };
    }

    private static bool Recovered(SiteServices services, DiagnosticBag diagnostics)
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

    // True when the file at path is one the whole site is read with: site.yml, a data file, or a file of the theme.
    private static bool Configures(BuildOptions options, string path)
    {
        var input = Path.GetFullPath(options.InputFolder);
        return path == Path.Combine(input, "site.yml") || path == Path.Combine(input, "authors.yml") || path == Path.Combine(input, "demands.yml")
            || path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.ThemeFolder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    // The article files among the changes; null when a folder was written, or a folder that held
    // articles the last build read was deleted, and the folder must be listed. A name gone without an
    // extension that held none of them (an editor's temporary file) is not content, and is left out.
    private static List<string>? ArticleChanges(ChangeSet changes, string folder, Func<string, bool> heldArticles)
    {
        if (changes.Paths is null)
        {
            return null;
        }

        var files = new List<string>();
        foreach (var path in changes.Paths)
        {
            if (Directory.Exists(path))
            {
                return null;
            }

            if (!File.Exists(path) && !Path.GetFileName(path).Contains('.', StringComparison.Ordinal))
            {
                if (folder == path || folder.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal) || heldArticles(path))
                {
                    return null;
                }

                continue;
            }

            if (path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                files.Add(path);
            }
        }

        return files;
    }

    // Why the published site is not the one the state describes: its manifest, or a file, changed since.
    private static WhyFull? Unpublished(string folder, BuildState earlier, IReadOnlyDictionary<string, OutputRecord> published)
    {
        if (earlier.Manifest != DiskStateStore.HashManifest(folder))
        {
            return new WhyFull(FullReason.Output, "its manifest changed");
        }

        string? changed = null;
        Parallel.ForEach(published, (record, loop) =>
        {
            // As StagedOutput.IsUnchanged asks, by one call to the system for each of thousands of files.
            if (record.Value.Length < 0 || FileProbe.Of(Path.Combine(folder, record.Key), followLinks: true) is not { Kind: FileKind.File } file
                || file.Length != record.Value.Length || file.LastWriteTicks != record.Value.LastWriteTicks)
            {
                changed = record.Key;
                loop.Stop();
            }
        });
        return changed is null ? null : new WhyFull(FullReason.Output, $"{changed} changed");
    }

    // The article files this build read and did not publish, as full paths.
    private static ImmutableArray<string> Unread(EngineResult result, BuildPlan plan)
    {
        var unread = ImmutableArray.CreateBuilder<string>();
        foreach (var sources in result.ProcessOutputs[SitePipelines.Articles].OfType<SourcesDocument>())
        {
            for (var i = 0; i < sources.Paths.Length; i++)
            {
                if (!plan.Articles.ContainsKey(sources.Sources[i]))
                {
                    unread.Add(sources.Paths[i]);
                }
            }
        }

        return unread.ToImmutable();
    }

    /// <summary>Reads site.yml and the theme; null when the input folder itself is missing.</summary>
    internal static SiteServices? Prepare(BuildOptions options, DiagnosticBag diagnostics)
    {
        string Display(string path) => Builder.Display(options, path);
        if (Refused(options, diagnostics))
        {
            return null;
        }

        var parts = SiteFingerprint.Parts(options);
        var siteFile = Path.Combine(options.InputFolder, "site.yml");
        var config = SiteConfigLoader.Load(siteFile, Display(siteFile), diagnostics, options.BaseUrl);
        var markdown = new MarkdownRenderer(config.RootPath, config.RawHtml, config.VideoHosts, config.FormOrigins);

        // The article cache is read while the theme's templates are parsed.
        var articles = Task.Run(() => OpenArticles(options, markdown, Display(Path.Combine(options.InputFolder, "articles"))));
        var strings = ThemeStrings.Load(options.ThemeFolder, Display(options.ThemeFolder), config.Language, diagnostics);
        if (options.CheckOnly)
        {
            // Each language the site is written in, and each the theme has words in, checked for every key.
            strings.ReportMissing([config.Language, .. strings.Languages], diagnostics);
        }

        var theme = Theme.Load(
            options.ThemeFolder,
            Display(options.ThemeFolder),
            config.BaseUrl.AbsoluteUri,
            config.RootPath,
            config.TimeZone,
            config.Culture,
            SitePipelines.RequiredTemplates,
            diagnostics,
            AssetManifest.Build(Path.Combine(options.ThemeFolder, "assets"), Display(Path.Combine(options.ThemeFolder, "assets")), diagnostics),
            strings);
        var cache = articles.GetAwaiter().GetResult();
        if (options.CacheFolder is { } cacheFolder && cache is not null && CacheReadProblem(cache, cacheFolder) is var (what, where))
        {
            diagnostics.Warning(DiagnosticCodes.CacheUnwritable, $"cannot read what earlier builds kept: {what}; the site is built, but this build makes everything again (make the folder readable and writable, or delete it)", Display(where));
        }

        var cards = Pictures.CardStyle.Of(options.ThemeFolder);
        var icon = Path.GetFullPath(Path.Combine(options.ThemeFolder, "assets", "favicon.svg"));
        var icons = Readable(icon) && Pictures.PictureImaging.WhyUnavailable is null;
        return new SiteServices
        {
            Options = options,
            Config = config,
            Markdown = markdown,
            Views = new ViewFactory(config, options.NoIndex, socialCards: cards is not null, strings.For(config.Language), icons),
            LanguageViews = config.Multilingual ? [.. config.AllLanguages.Select(l => config.ForLanguage(l)).Select(c => new ViewFactory(c, options.NoIndex, socialCards: cards is not null, strings.For(c.Language), icons, c.Action is { } a ? strings.For(a.Language) : null))] : [],
            Cards = cards,
            Icon = icons ? icon : null,
            Theme = theme,
            Statistics = new WriteStatistics(),
            Output = new StagedOutput(options.OutputFolder, options.FileSystem),
            FingerprintParts = parts,
            Fingerprint = SiteFingerprint.Of(parts),
            Articles = cache,
            Pictures = new Pictures.PictureStore(options.CheckOnly ? null : options.CacheFolder),
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
        string Display(string path) => Builder.Display(options, path);
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

        var state = Path.Combine(folder, DiskStateStore.FileName);
        return DiskStateStore.Unreadable(state) is { } unreadable ? (unreadable, state) : null;
    }

    // True when the file at path exists and can be opened.
    private static bool Readable(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;

    private static BuildResult Result(DiagnosticBag diagnostics, bool succeeded, Stopwatch stopwatch) => new()
    {
        Diagnostics = diagnostics.ToImmutableSorted(),
        Succeeded = succeeded && !diagnostics.HasErrors,
        Elapsed = stopwatch.Elapsed,
    };
}
