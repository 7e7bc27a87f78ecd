using System.CommandLine;
using System.Globalization;
using Broadside.Build;

namespace Broadside.Cli.Commands;

/// <summary>
/// <c>broadside check</c>: everything a build checks, and more (links and images that lead nowhere,
/// demands worded almost like another), writing nothing. Exit code 1 when there is an error.
/// </summary>
public static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var theme = CommonOptions.Theme();
        var drafts = CommonOptions.Drafts();
        var future = CommonOptions.Future();
        var outputFolder = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The output folder a build would write: checked for files that stand in the way of the site, never written.",
            DefaultValueFactory = _ => new DirectoryInfo("output"),
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also show what the build decided for you, such as the topic it gave a demand without one." };
        var command = new Command("check", "Check the publication for problems without writing anything.")
        {
            input, theme, outputFolder, drafts, future, verbose,
        };

        command.SetAction(parsed =>
        {
            var reporter = new Reporter(output, error);
            var options = new BuildOptions
            {
                InputFolder = parsed.GetRequiredValue(input).FullName,
                ThemeFolder = parsed.GetRequiredValue(theme).FullName,

                // Never written: only read, for what would stand in the way of the build's files.
                OutputFolder = parsed.GetRequiredValue(outputFolder).FullName,
                IncludeDrafts = parsed.GetValue(drafts),
                IncludeFuture = parsed.GetValue(future),
                CheckOnly = true,
            };

            var result = reporter.WithProgress("Checking", progress => Builder.Build(options with { Progress = progress }));
            reporter.Diagnostics(result.Diagnostics, notes: parsed.GetValue(verbose));
            var seconds = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
            var counts = $"{Reporter.Count(result.ErrorCount, "error")}, {Reporter.Count(result.WarningCount, "warning")}";
            if (!result.Succeeded)
            {
                reporter.ErrorLine($"Check failed: {counts} in {Reporter.Count(result.Documents, "document")} ({seconds} s).");
                return 1;
            }

            reporter.Line($"Checked {Reporter.Count(result.Documents, "document")}: {counts} ({seconds} s).", result.WarningCount > 0 ? "yellow" : "green");
            return 0;
        });
        return command;
    }
}
