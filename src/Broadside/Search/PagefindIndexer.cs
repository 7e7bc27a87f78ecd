using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Output;

namespace Broadside.Search;

/// <summary>
/// Pagefind, the search indexer that runs over a built site (<c>build --search</c>). It is an npm
/// package (<c>npm ci</c> installs it from the repository's <c>package.json</c>), found in
/// <c>node_modules/.bin</c> of a folder or of one above it, or on <c>PATH</c>. It writes its
/// bundle, the index and the search box's script and stylesheet, into <c>pagefind/</c> of the site,
/// which Broadside's own writer never touches.
/// </summary>
public sealed partial class PagefindIndexer
{
    /// <summary>The folder of the site Pagefind writes its bundle into.</summary>
    public const string BundleFolder = OutputPath.SearchFolder;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IndexTimeout = TimeSpan.FromMinutes(30);

    private PagefindIndexer(string command, string version)
    {
        Command = command;
        Version = version;
    }

    /// <summary>The program that runs Pagefind.</summary>
    public string Command { get; }

    /// <summary>Its version, as it reports it (<c>1.6.0</c>).</summary>
    public string Version { get; }

    /// <summary>
    /// Finds Pagefind in <c>node_modules/.bin</c> of each of <paramref name="startFolders"/> and the
    /// folders above them, then in the folders of <paramref name="pathVariable"/>, and checks that it
    /// runs. When it is not there or does not run, <paramref name="reason"/> says so in one sentence.
    /// </summary>
    public static bool TryLocate(IEnumerable<string> startFolders, string? pathVariable, [NotNullWhen(true)] out PagefindIndexer? indexer, out string reason)
    {
        indexer = null;
        var candidate = Candidates(startFolders, pathVariable).FirstOrDefault(File.Exists);
        if (candidate is null)
        {
            reason = "Pagefind is not installed (run `npm ci` in the repository to install it from package.json, or put pagefind on PATH)";
            return false;
        }

        var probe = Run(candidate, ["--version"], ProbeTimeout);
        var version = VersionPattern().Match(probe.Output);
        if (probe.ExitCode != 0 || !version.Success)
        {
            var said = FirstLine(probe.Error.Length > 0 ? probe.Error : probe.Output);
            reason = $"{candidate} did not run{(said.Length > 0 ? $": {said}" : string.Empty)} (Pagefind's npm package needs Node.js)";
            return false;
        }

        indexer = new PagefindIndexer(candidate, version.Value);
        reason = string.Empty;
        return true;
    }

    /// <summary>
    /// The language to index every page of a site of <paramref name="config"/> as: its one language, so
    /// that its one search page finds articles in any language an article says it is in; none for a site
    /// in several languages, which Pagefind indexes apart, each language's search page reading its own.
    /// </summary>
    public static string? LanguageFor(Configuration.SiteConfig config) => config.Multilingual ? null : config.Language;

    /// <summary>
    /// Indexes the built site in <paramref name="siteFolder"/> into its <c>pagefind/</c> folder, every
    /// page as <paramref name="language"/> when given: the search page then finds articles in every
    /// language the publication writes in, not only those in its own.
    /// </summary>
    public SearchIndexResult Index(string siteFolder, string? language)
    {
        // Pagefind names its files by their content and leaves those of an earlier index where they are;
        // written beside the site and put in place whole, the bundle holds this index alone, and a failed
        // run leaves the last one as it was.
        var site = Path.TrimEndingDirectorySeparator(Path.GetFullPath(siteFolder));
        var bundle = Path.Combine(site, BundleFolder);
        var staging = Path.Combine(Path.GetDirectoryName(site) ?? site, $".{Path.GetFileName(site)}.broadside-search");
        var replaced = staging + "-old";
        DeleteFolder(staging);
        DeleteFolder(replaced);
        List<string> arguments = ["--site", site, "--output-path", staging];
        if (!string.IsNullOrWhiteSpace(language))
        {
            arguments.AddRange(["--force-language", language]);
        }

        var run = Run(Command, arguments, IndexTimeout);
        if (run.ExitCode == 0 && Directory.Exists(staging))
        {
            try
            {
                if (Directory.Exists(bundle))
                {
                    Directory.Move(bundle, replaced);
                }

                Directory.Move(staging, bundle);
                DeleteFolder(replaced);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!Directory.Exists(bundle) && Directory.Exists(replaced))
                {
                    Directory.Move(replaced, bundle);
                }

                DeleteFolder(staging);
                return new SearchIndexResult(false, 0, 0, $"the new search index could not be put in {bundle} ({ex.Message}); the last one is left as it was");
            }
        }
        else
        {
            DeleteFolder(staging);
        }

        if (run.ExitCode != 0)
        {
            var said = string.Join(" ", $"{run.Error}\n{run.Output}".Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3));
            var exit = run.ExitCode < 0 ? "did not finish" : string.Create(CultureInfo.InvariantCulture, $"exited with code {run.ExitCode}");
            return new SearchIndexResult(false, 0, 0, $"Pagefind {exit}{(said.Length > 0 ? $": {said}" : string.Empty)}");
        }

        return new SearchIndexResult(true, Count(PagesIndexed(), run.Output), Count(FiltersIndexed(), run.Output), string.Empty);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Where Pagefind may be, in the order it is looked for.</summary>
    internal static IEnumerable<string> Candidates(IEnumerable<string> startFolders, string? pathVariable)
    {
        var windows = OperatingSystem.IsWindows();
        string[] shims = windows ? ["pagefind.cmd", "pagefind.exe"] : ["pagefind"];
        string[] programs = windows ? ["pagefind.exe", "pagefind.cmd", "pagefind_extended.exe"] : ["pagefind", "pagefind_extended"];
        var seen = new HashSet<string>(windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var modules in NodeModules.Folders(startFolders))
        {
            foreach (var shim in shims)
            {
                var path = Path.Combine(modules, ".bin", shim);
                if (seen.Add(path))
                {
                    yield return path;
                }
            }
        }

        foreach (var folder in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var program in programs)
            {
                var path = Path.Combine(folder, program);
                if (seen.Add(path))
                {
                    yield return path;
                }
            }
        }
    }

    // Pagefind's closing report: "Indexed 21 pages", "Indexed 4 filters".
    private static int Count(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;

    private static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return (-1, string.Empty, ex.Message);
        }

        if (process is null)
        {
            return (-1, string.Empty, "the process did not start");
        }

        using (process)
        {
            // Both streams are read at once: a process that fills one pipe while the other is waited on never ends.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, output.Result, error.Result);
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }

    [GeneratedRegex(@"\d+\.\d+\.\d+\S*", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"Indexed (\d+) pages?\b", RegexOptions.CultureInvariant)]
    private static partial Regex PagesIndexed();

    [GeneratedRegex(@"Indexed (\d+) filters?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FiltersIndexed();
}
