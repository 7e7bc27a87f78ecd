using Broadside.Build;
using Broadside.Caching;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// A copy of the sample publication and theme, built as <c>serve</c> builds it (a cache kept in memory
/// between builds) into <c>out/</c>, and from nothing into <c>fresh/</c> to compare with.
/// </summary>
public sealed class ServedSite : IDisposable
{
    private readonly BuildCache _cache = new();

    public ServedSite()
    {
        TemporaryFolder.CopyFolder(RepositoryPaths.Input, Work.Combine("input"));
        TemporaryFolder.CopyFolder(RepositoryPaths.Theme, Work.Combine("theme"));
    }

    /// <summary>The folder that holds <c>input/</c>, <c>theme/</c> and the outputs.</summary>
    public TemporaryFolder Work { get; } = new();

    public void Dispose() => Work.Dispose();

    /// <summary>
    /// Replaces <paramref name="find"/> in <paramref name="file"/> (below <c>input/</c>) with
    /// <paramref name="replace"/>: appended when <paramref name="find"/> is empty, the file deleted when
    /// <paramref name="replace"/> is null. Returns the file's full path.
    /// </summary>
    public string Change(string file, string find, string? replace)
    {
        var path = Work.Combine("input", file);
        if (replace is null)
        {
            File.Delete(path);
            return path;
        }

        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, find.Length == 0 ? text + replace : text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    /// <summary>The options of serve (the cache kept between builds), or of a build from nothing.</summary>
    public BuildOptions Options(string output = "out", bool serve = true) => Tests.Build.SampleSiteFixture.OptionsFor(Work.Combine(output)) with
    {
        InputFolder = Work.Combine("input"),
        ThemeFolder = Work.Combine("theme"),
        Cache = serve ? _cache : null,
        DisplayRoot = Work.Path,
    };

    /// <summary>A full build into <c>out/</c>.</summary>
    public BuildResult Build() => Builder.Build(Options());

    /// <summary>The build serve makes after <paramref name="changed"/> changed.</summary>
    public BuildResult Rebuild(string changed) => Builder.Rebuild(Options(), [changed]);

    /// <summary>A build from nothing into <c>fresh/</c>, emptied first.</summary>
    public BuildResult Fresh()
    {
        if (Directory.Exists(Work.Combine("fresh")))
        {
            Directory.Delete(Work.Combine("fresh"), recursive: true);
        }

        return Builder.Build(Options("fresh", serve: false));
    }
}
