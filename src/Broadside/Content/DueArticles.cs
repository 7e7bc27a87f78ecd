using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Content;

/// <summary>
/// Which scheduled articles have come due: those dated after a moment the live site already covers and
/// no later than now, not drafts, in a language the site publishes. Answered from the content alone, so
/// that a scheduled job can ask it before it starts a build.
/// </summary>
public static class DueArticles
{
    /// <summary>An article that is due.</summary>
    /// <param name="File">Its file, as messages show it.</param>
    /// <param name="Title">Its headline.</param>
    /// <param name="Date">When it is dated, in the site's time zone.</param>
    public sealed record Due(string File, string Title, DateTimeOffset Date);

    /// <summary>
    /// The articles of <paramref name="inputFolder"/> dated after <paramref name="since"/> (null: any date)
    /// and no later than <paramref name="now"/>, oldest first; files that cannot be read are reported in
    /// <paramref name="diagnostics"/>, as the build reports them. <paramref name="display"/> turns a path
    /// into what messages show.
    /// </summary>
    public static ImmutableArray<Due> Find(string inputFolder, DateTimeOffset? since, DateTimeOffset now, DiagnosticBag diagnostics, Func<string, string> display)
    {
        var siteFile = Path.Combine(inputFolder, "site.yml");
        var site = SiteConfigLoader.Load(siteFile, display(siteFile), diagnostics);
        if (diagnostics.HasErrors)
        {
            return [];
        }

        var folder = Path.Combine(inputFolder, "articles");
        var due = ImmutableArray.CreateBuilder<Due>();
        foreach (var path in ContentFiles.Enumerate(folder, "*.md", inputFolder, display(folder), diagnostics))
        {
            var file = display(path);
            if (TextFile.Read(path, file, diagnostics, root: inputFolder) is not { } bytes)
            {
                continue;
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
            if (FrontMatterSplitter.Split(text, file, diagnostics) is not { } split
                || YamlMap.Parse(split.Yaml, file, split.YamlLineOffset, diagnostics, "front matter") is not { } map
                || FrontMatterParser.ParseArticle(map, site) is not { } front)
            {
                continue;
            }

            if (!front.Draft && front.Date <= now && (since is null || front.Date > since) && site.LanguageOf(front.Lang) is not null)
            {
                due.Add(new Due(file, front.Title, TimeZoneInfo.ConvertTime(front.Date, site.TimeZone)));
            }
        }

        return [.. due.OrderBy(d => d.Date).ThenBy(d => d.File, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The date of the newest article in the live site's <c>published.json</c> (<paramref name="json"/>):
    /// null when it published none. Throws <see cref="FormatException"/> when the text is not that file.
    /// </summary>
    public static DateTimeOffset? LiveNewest(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("newest", out var newest))
            {
                throw new FormatException("it has no 'version' and 'newest'");
            }

            if (version.GetInt32() != 1)
            {
                throw new FormatException($"it is of version {version.GetInt32()}, which this Broadside does not read");
            }

            return newest.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when DateTimeOffset.TryParse(newest.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
                _ => throw new FormatException("its 'newest' is not a date"),
            };
        }
        catch (JsonException ex)
        {
            throw new FormatException($"it is not JSON ({ex.Message})", ex);
        }
    }
}
