using Broadside.Caching;

namespace Broadside.Build;

/// <summary>What to build, from where, to where.</summary>
public sealed record BuildOptions
{
    /// <summary>The publication folder (site.yml, articles/, pages/, media/).</summary>
    public required string InputFolder { get; init; }

    /// <summary>The theme folder (layouts/, templates/, partials/, assets/).</summary>
    public required string ThemeFolder { get; init; }

    /// <summary>Where the site is written.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Overrides site.yml's <c>base_url</c> (deploy previews).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Publishes drafts too.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Publishes articles dated in the future too.</summary>
    public bool IncludeFuture { get; init; }

    /// <summary>The build's notion of now: articles dated later are scheduled, not published.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Asks search engines to leave every page out (deploy previews): robots.txt and a robots meta tag.</summary>
    public bool NoIndex { get; init; }

    /// <summary>
    /// The site will be indexed for search after the build (<c>build --search</c>): the theme's search
    /// page is rendered at <c>/search/</c> and linked from every page.
    /// </summary>
    public bool Search { get; init; }

    /// <summary>
    /// Decap CMS's files, for the web editor at <c>/admin/</c> that site.yml's <c>editor:</c> block asks for;
    /// null when the package is not installed, and the site then has no <c>/admin/</c>.
    /// </summary>
    public Editor.DecapBundle? Editor { get; init; }

    /// <summary>Checks everything, with the stricter checks of <c>broadside check</c>, and writes nothing.</summary>
    public bool CheckOnly { get; init; }

    /// <summary>
    /// The folder where <c>build</c> keeps parsed and rendered articles between runs
    /// (<see cref="ArticleCache"/>), or null to parse and render every article. Not used by
    /// <see cref="CheckOnly"/> builds, which check everything afresh.
    /// </summary>
    public string? CacheFolder { get; init; }

    /// <summary>
    /// Makes every page and feed again, even those whose key is the one the last build recorded
    /// (<c>build --no-cache</c>). Files that come out the same are still left untouched.
    /// </summary>
    public bool Fresh { get; init; }

    /// <summary>The cache folder a build into <paramref name="outputFolder"/> uses unless told otherwise: beside it, hidden.</summary>
    public static string DefaultCacheFolder(string outputFolder)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        return Path.Combine(Path.GetDirectoryName(folder) ?? folder, $".{Path.GetFileName(folder)}.broadside-cache");
    }

    /// <summary>
    /// The lock of <see cref="OutputFolder"/> when the caller holds it for longer than one build (the
    /// preview server, for as long as it runs); otherwise each build takes it for itself.
    /// </summary>
    public Output.OutputLock? Lock { get; init; }

    /// <summary>What changes the output folder when a build's files move in; the machine's own but in tests.</summary>
    public Output.OutputFileSystem FileSystem { get; init; } = Output.OutputFileSystem.Physical;

    /// <summary>How long a build waits for another one writing the same output folder to finish.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// More pipelines for the build, each made from the build's services and the module that writes
    /// files: a listing added this way is declared, planned, made and removed as the built-in ones are.
    /// </summary>
    internal System.Collections.Immutable.ImmutableArray<Func<SiteServices, Engine.IModule, Engine.Pipeline>> Extensions { get; init; } = [];

    /// <summary>Work kept between builds of one process (the preview server), or null.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>Told of each pipeline phase as it finishes, for a progress display.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>Paths in messages are shown relative to this folder (the working folder).</summary>
    public string DisplayRoot { get; init; } = Environment.CurrentDirectory;
}
