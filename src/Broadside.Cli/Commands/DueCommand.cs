using System.CommandLine;
using System.Globalization;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Cli.Commands;

/// <summary>
/// <c>broadside due</c>: whether a scheduled article has come due since the live site was built, for a
/// scheduled job that starts a build only then. Exit code 0 when one has (each is printed), 1 when none
/// has, 2 when the question cannot be answered.
/// </summary>
public static class DueCommand
{
    /// <summary>Exit code when an article is due.</summary>
    public const int Due = 0;

    /// <summary>Exit code when none is.</summary>
    public const int NoneDue = 1;

    /// <summary>Exit code when the content or the live record cannot be read.</summary>
    public const int CannotTell = 2;

    /// <summary>Creates the command; <paramref name="clock"/> stands in for the time of day in tests.</summary>
    public static Command Create(TextWriter output, TextWriter error, Func<DateTimeOffset>? clock = null)
    {
        var input = CommonOptions.Input();
        var live = new Option<FileInfo?>("--live")
        {
            Description = "The live site's published.json (fetch it first, e.g. curl -fsS https://example.org/published.json -o live.json): articles dated after its newest are due.",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Instead of --live: articles dated after this moment (an ISO 8601 date and time with its offset) are due.",
        };
        var now = new Option<string?>("--now") { Description = "The moment to ask about, instead of the clock (ISO 8601 with its offset)." };
        var command = new Command("due", "Say whether a scheduled article has come due since the live site was built. Exit code 0: yes, 1: no, 2: cannot tell.")
        {
            input, live, since, now,
        };

        command.SetAction(parsed =>
        {
            var reporter = new Reporter(output, error);
            var (asked, nowOk) = Moment(parsed.GetValue(now), "--now", reporter);
            if (!nowOk)
            {
                return CannotTell;
            }

            DateTimeOffset? after;
            if (parsed.GetValue(live) is { } file)
            {
                if (parsed.GetValue(since) is not null)
                {
                    reporter.ErrorLine("Give --live or --since, not both.");
                    return CannotTell;
                }

                try
                {
                    after = DueArticles.LiveNewest(File.ReadAllText(file.FullName));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    reporter.ErrorLine($"Cannot read {CommonOptions.Relative(file.FullName)}: {ex.Message}");
                    return CannotTell;
                }
                catch (FormatException ex)
                {
                    reporter.ErrorLine($"{CommonOptions.Relative(file.FullName)} is not a site's published.json: {ex.Message}. Fetch it from the live site's root, where every build since this version writes it.");
                    return CannotTell;
                }
            }
            else if (parsed.GetValue(since) is { } text)
            {
                var (given, ok) = Moment(text, "--since", reporter);
                if (!ok)
                {
                    return CannotTell;
                }

                after = given;
            }
            else
            {
                reporter.ErrorLine("Say what the live site covers: --live published.json (from the live site), or --since 2026-03-14T09:00:00-05:00.");
                return CannotTell;
            }

            var diagnostics = new DiagnosticBag();
            var at = asked ?? (clock ?? (() => DateTimeOffset.UtcNow))();
            var due = DueArticles.Find(parsed.GetRequiredValue(input).FullName, after, at, diagnostics, CommonOptions.Relative);
            if (diagnostics.HasErrors)
            {
                reporter.Diagnostics(diagnostics.ToImmutableSorted());
                reporter.ErrorLine("Cannot tell which articles are due until these errors are fixed.");
                return CannotTell;
            }

            foreach (var article in due)
            {
                reporter.Line($"{article.File}: due {article.Date.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}: {article.Title}");
            }

            var covered = after is { } line ? $"after {line.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)} " : string.Empty;
            var moment = at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            reporter.Line(due.IsEmpty ? $"No article dated {covered}is due at {moment}." : $"{Reporter.Count(due.Length, "article")} dated {covered}due at {moment}: build the site.", due.IsEmpty ? "green" : "yellow");
            return due.IsEmpty ? NoneDue : Due;
        });
        return command;
    }

    private static (DateTimeOffset? Value, bool Ok) Moment(string? text, string option, Reporter reporter)
    {
        if (text is null)
        {
            return (null, true);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && HasOffset(text))
        {
            return (value, true);
        }

        reporter.ErrorLine($"{option} '{text}' is not a date and time with its offset: write it as 2026-03-14T09:00:00-05:00, or 2026-03-14T14:00:00Z.");
        return (null, false);
    }

    // Without an offset the moment would be read in this machine's zone, which a scheduled job does not choose.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
