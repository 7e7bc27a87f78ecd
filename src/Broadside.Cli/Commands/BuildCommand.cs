using System.CommandLine;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Site;

namespace Broadside.Cli.Commands;

/// <summary><c>broadside build</c>: builds the publication into the output folder.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
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
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the time each pipeline phase took." };

        var command = new Command("build", "Build the publication into a static site.")
        {
            input, theme, outputFolder, baseUrl, drafts, future, noIndex, verbose,
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
            };

            var result = reporter.WithProgress("Building", progress => SiteBuilder.Build(options with { Progress = progress }));
            reporter.Diagnostics(result.Diagnostics);
            if (parsed.GetValue(verbose))
            {
                foreach (var timing in result.Timings)
                {
                    reporter.Line(string.Create(CultureInfo.InvariantCulture, $"  {timing.Pipeline,-10} {timing.Phase,-11} {timing.Elapsed.TotalMilliseconds,8:F1} ms  {timing.Documents,7} documents"));
                }
            }

            var seconds = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
            var warnings = result.WarningCount > 0 ? $", {Reporter.Count(result.WarningCount, "warning")}" : string.Empty;
            if (!result.Succeeded)
            {
                reporter.ErrorLine($"Build failed: {Reporter.Count(result.ErrorCount, "error")}{warnings}. Nothing was written; {CommonOptions.Relative(options.OutputFolder)} is as it was.");
                return 1;
            }

            reporter.Line(
                $"Built {Reporter.Count(result.Documents, "document")} into {CommonOptions.Relative(options.OutputFolder)}: {Reporter.Count(result.FilesProduced, "file")} ({result.FilesWritten} written, {result.FilesProduced - result.FilesWritten} unchanged){warnings} in {seconds} s.",
                "green");
            return 0;
        });
        return command;
    }
}
