using System.CommandLine;
using System.Globalization;
using Broadside.Build;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Search;

namespace Broadside.Cli.Commands;

/// <summary><c>broadside build</c>: builds the publication into the output folder.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error) => Create(output, error, LocatePagefind);

    /// <summary>Creates the command, finding Pagefind for <c>--search</c> with <paramref name="locateSearch"/> (given the input folder).</summary>
    internal static Command Create(TextWriter output, TextWriter error, Func<string, (PagefindIndexer? Indexer, string Reason)> locateSearch)
    {
        var input = CommonOptions.Input();
        var theme = CommonOptions.Theme();
        var outputFolder = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Where the site is written.",
            DefaultValueFactory = _ => new DirectoryInfo("output"),
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The address the site is published at, instead of site.yml's base_url (for deploy previews).",
        };
        baseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !SiteConfigLoader.TryParseBaseUrl(value, out _))
            {
                result.AddError($"--base-url '{value}' is not an absolute http(s) address such as https://example.org/.");
            }
        });
        var drafts = CommonOptions.Drafts();
        var future = CommonOptions.Future();
        var noIndex = new Option<bool>("--noindex") { Description = "Ask search engines to leave every page out (deploy previews)." };
        var search = new Option<bool>("--search")
        {
            Description = "Index the built site for search with Pagefind (npm ci installs it) and publish a search page. Without Pagefind the build still succeeds, without search.",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Parse and render every article and make every page again, ignoring what earlier builds kept (the article cache in .output.broadside-cache beside the output folder, and the keys of the pages they made). Files that come out the same are still left untouched.",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the time each pipeline phase took." };

        var command = new Command("build", "Build the publication into a static site.")
        {
            input, theme, outputFolder, baseUrl, drafts, future, noIndex, search, noCache, verbose,
        };

        command.SetAction(parsed =>
        {
            var reporter = new Reporter(output, error);
            var options = new BuildOptions
            {
                InputFolder = parsed.GetRequiredValue(input).FullName,
                ThemeFolder = parsed.GetRequiredValue(theme).FullName,
                OutputFolder = parsed.GetRequiredValue(outputFolder).FullName,
                BaseUrl = parsed.GetValue(baseUrl) is { } url && SiteConfigLoader.TryParseBaseUrl(url, out var parsedUrl) ? parsedUrl : null,
                IncludeDrafts = parsed.GetValue(drafts),
                IncludeFuture = parsed.GetValue(future),
                NoIndex = parsed.GetValue(noIndex),
                CacheFolder = parsed.GetValue(noCache) ? null : BuildOptions.DefaultCacheFolder(parsed.GetRequiredValue(outputFolder).FullName),
                Fresh = parsed.GetValue(noCache),
            };
            options = options with { Editor = EditorCheck.Locate(options.InputFolder) };

            // Search is decided before the build, so that pages link to a search page only when there will be an index.
            var (indexer, searchOff) = parsed.GetValue(search) ? locateSearch(options.InputFolder) : (null, string.Empty);
            options = options with { Search = indexer is not null };

            var result = reporter.WithProgress("Building", progress => Builder.Build(options with { Progress = progress }));
            reporter.Diagnostics(result.Diagnostics);
            if (parsed.GetValue(verbose))
            {
                reporter.Timings(result);
                reporter.Line(result.Full is { } full
                    ? $"  Every file was made: {full}."
                    : $"  Started from the last build's state: {Reporter.Count(result.FilesProduced - result.FilesReused, "file")} made again.");
                if (options.CacheFolder is { } cache)
                {
                    reporter.Line($"  {Reporter.Count(result.ArticlesReused, "article")} taken from the cache in {CommonOptions.Relative(cache)}; {Reporter.Count(result.FilesReused, "file")} not made again.");
                }
            }

            var seconds = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
            var warnings = result.WarningCount > 0 ? $", {Reporter.Count(result.WarningCount, "warning")}" : string.Empty;
            if (!result.Succeeded)
            {
                reporter.ErrorLine(result.OutputDamaged
                    ? $"Build failed: {Reporter.Count(result.ErrorCount, "error")}{warnings}. Some files of {CommonOptions.Relative(options.OutputFolder)} could not be put back as they were (see above); the next build puts them back."
                    : $"Build failed: {Reporter.Count(result.ErrorCount, "error")}{warnings}. Nothing was written; {CommonOptions.Relative(options.OutputFolder)} is as it was.");
                return 1;
            }

            reporter.Line(
                $"Built {Reporter.Count(result.Documents, "document")} into {CommonOptions.Relative(options.OutputFolder)}: {Reporter.Count(result.FilesProduced, "file")} ({result.FilesWritten} written, {result.FilesProduced - result.FilesWritten} unchanged){warnings} in {seconds} s.",
                "green");
            if (searchOff.Length > 0)
            {
                reporter.Line($"Search is off: {searchOff}.", "yellow");
            }

            if (EditorCheck.Off(options) is { } editorOff)
            {
                reporter.Line(editorOff, "yellow");
            }

            return indexer is null ? 0 : Index(indexer, options, reporter);
        });
        return command;
    }

    private static int Index(PagefindIndexer indexer, BuildOptions options, Reporter reporter)
    {
        // A site in one language indexes every page in it, the one its search page is in (see PagefindIndexer.Index);
        // a site in several gets an index per language, which each language's search page reads.
        var siteFile = Path.Combine(options.InputFolder, "site.yml");
        var config = SiteConfigLoader.Load(siteFile, siteFile, new DiagnosticBag(), options.BaseUrl);
        var indexed = indexer.Index(options.OutputFolder, PagefindIndexer.LanguageFor(config));
        if (!indexed.Succeeded)
        {
            reporter.ErrorLine($"Search indexing failed: {indexed.Message}. The site is built; its search page will say search is unavailable.");
            return 1;
        }

        var bundle = CommonOptions.Relative(Path.Combine(options.OutputFolder, PagefindIndexer.BundleFolder));
        reporter.Line($"Indexed {Reporter.Count(indexed.Pages, "page")} for search with Pagefind {indexer.Version} into {bundle}/ ({Reporter.Count(indexed.Filters, "filter")}).", "green");
        return 0;
    }

    // Pagefind in node_modules/.bin of the working folder, of the input folder or of a folder above either, or on PATH.
    private static (PagefindIndexer? Indexer, string Reason) LocatePagefind(string inputFolder) =>
        PagefindIndexer.TryLocate([Environment.CurrentDirectory, inputFolder], Environment.GetEnvironmentVariable("PATH"), out var indexer, out var reason)
            ? (indexer, string.Empty)
            : (null, reason);
}
