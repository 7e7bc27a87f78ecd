using Broadside.Search;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Where this machine has the programs the quality tests drive: Debian's Chromium, Java, and the npm
/// packages of the repository's <c>package.json</c> (<c>npm ci</c> installs them into
/// <c>node_modules/</c>). A test that needs one that is missing is skipped with the way to install it,
/// except in CI (<c>CI=true</c>, which <c>.ci/run</c> sets), where it fails.
/// </summary>
public static class QualityTools
{
    /// <summary>The browser: Debian's Chromium, or the Chromium-based browser <c>BROADSIDE_CHROMIUM</c> names.</summary>
    public static string Chromium =>
        Environment.GetEnvironmentVariable("BROADSIDE_CHROMIUM") is { Length: > 0 } browser ? browser : "/usr/bin/chromium";

    /// <summary>How to get every tool, for skip and failure messages.</summary>
    public const string HowToInstall =
        "bash .ci/run installs them; or run `apt-get install chromium default-jre-headless nodejs npm` and then `npm ci` in the repository";

    private static readonly Lazy<PagefindIndexer?> PagefindLookup = new(() =>
        PagefindIndexer.TryLocate([RepositoryPaths.Root], Environment.GetEnvironmentVariable("PATH"), out var indexer, out _) ? indexer : null);

    /// <summary>axe-core's script, injected into pages.</summary>
    public static string AxeScript => Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js");

    /// <summary>The Nu HTML checker.</summary>
    public static string VnuJar => Path.Combine(RepositoryPaths.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The <c>java</c> program on <c>PATH</c>, or null.</summary>
    public static string? Java => OnPath(OperatingSystem.IsWindows() ? "java.exe" : "java");

    /// <summary>Pagefind, when it is installed and runs; else null.</summary>
    public static PagefindIndexer? Pagefind => PagefindLookup.Value;

    /// <summary>decap-server, the web editor's local backend.</summary>
    public static string DecapServer => Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "decap-server.cmd" : "decap-server");

    /// <summary>Decap CMS's files, as the build copies them into <c>admin/</c>; null when the package is not installed.</summary>
    public static Broadside.Editor.DecapBundle? DecapBundle =>
        Broadside.Editor.DecapBundle.TryLocate([RepositoryPaths.Root], out var bundle, out _) ? bundle : null;

    /// <summary>The <c>node</c> program on <c>PATH</c>, or null.</summary>
    public static string? Node => OnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");

    /// <summary>True in CI, where a missing tool fails the tests that need it instead of skipping them.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each of <paramref name="tools"/> that this machine lacks, described with where it was looked for.</summary>
    public static IReadOnlyList<string> Missing(Tool tools)
    {
        var missing = new List<string>();
        if (tools.HasFlag(Tool.Chromium) && !File.Exists(Chromium))
        {
            missing.Add($"Chromium ({Chromium})");
        }

        if (tools.HasFlag(Tool.Java) && Java is null)
        {
            missing.Add("Java (java on PATH)");
        }

        if (tools.HasFlag(Tool.Vnu) && !File.Exists(VnuJar))
        {
            missing.Add("the Nu HTML checker (node_modules/vnu-jar)");
        }

        if (tools.HasFlag(Tool.Axe) && !File.Exists(AxeScript))
        {
            missing.Add("axe-core (node_modules/axe-core)");
        }

        if (tools.HasFlag(Tool.Decap) && (!File.Exists(DecapServer) || DecapBundle is null || Node is null))
        {
            missing.Add("Decap CMS and decap-server (node_modules/decap-cms, node_modules/.bin/decap-server, with Node.js)");
        }

        if (tools.HasFlag(Tool.Pagefind) && Pagefind is null)
        {
            missing.Add("Pagefind (node_modules/.bin/pagefind, with Node.js)");
        }

        return missing;
    }

    /// <summary>Why a test that needs <paramref name="tools"/> is skipped, or null when it runs (the tools are there, or this is CI).</summary>
    public static string? SkipReason(Tool tools)
    {
        var missing = Missing(tools);
        return missing.Count == 0 || InCi
            ? null
            : $"This test needs {string.Join(", ", missing)}, which this machine lacks: {HowToInstall}. (With CI=true it fails instead.)";
    }

    /// <summary>Fails the test when one of <paramref name="tools"/> is missing (in CI; elsewhere the test was skipped).</summary>
    public static void Require(Tool tools)
    {
        var missing = Missing(tools);
        Assert.True(missing.Count == 0, $"This test needs {string.Join(", ", missing)}: {HowToInstall}.");
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
