using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Content;

/// <summary>Reads the publication's data files: <c>authors.yml</c> and <c>demands.yml</c>.</summary>
public static class DataFiles
{
    /// <summary>Reads author profiles; problems are reported and the entry skipped.</summary>
    public static ImmutableArray<AuthorProfile> ReadAuthors(string text, string file, DiagnosticBag diagnostics)
    {
        var profiles = ImmutableArray.CreateBuilder<AuthorProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var map in Entries(text, file, diagnostics, "authors.yml", "a list of authors, each with 'name:' and optionally 'bio:', 'link:', 'picture:'"))
        {
            map.WarnUnknownKeys(["name", "bio", "link", "picture"], ImmutableHashSet<string>.Empty);
            var name = map.String("name", required: true, hint: "give the author's name as bylines write it", maxLength: TextLengths.Name);
            if (name is null)
            {
                continue;
            }

            if (!seen.Add(TermKey.Of(name)))
            {
                map.Report(map.Node("name")!, DiagnosticCodes.DuplicateKey, $"the author '{name}' is listed twice: keep one");
                continue;
            }

            var link = map.String("link", maxLength: TextLengths.Address) ?? string.Empty;
            if (link.Length > 0 && !IsWebAddress(link))
            {
                map.Report(map.Node("link")!, DiagnosticCodes.InvalidUrl, $"'{link}' is not a web address: write it in full, such as https://example.org/");
                link = string.Empty;
            }

            var picture = map.String("picture", maxLength: TextLengths.Address) ?? string.Empty;
            if (picture.Length > 0 && LinkSafety.ImageProblem(picture) is { } problem)
            {
                map.Report(map.Node("picture")!, DiagnosticCodes.InvalidUrl, problem);
                picture = string.Empty;
            }

            profiles.Add(new AuthorProfile(name, map.String("bio", maxLength: TextLengths.Bio) ?? string.Empty, link, picture));
        }

        return profiles.ToImmutable();
    }

    /// <summary>Reads canonical demands; ids and wordings that clash are reported.</summary>
    public static ImmutableArray<CanonicalDemand> ReadDemands(string text, string file, DiagnosticBag diagnostics)
    {
        var demands = ImmutableArray.CreateBuilder<CanonicalDemand>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var wordings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in Entries(text, file, diagnostics, "demands.yml", "a list of demands, each with 'id:', 'text:' and optionally 'explanation:', 'aliases:', 'translations:', 'topic:', 'won:' and 'won_article:'"))
        {
            map.WarnUnknownKeys(["id", "text", "explanation", "aliases", "translations", "topic", "won", "won_article"], ImmutableHashSet<string>.Empty);
            var id = map.String("id", required: true, hint: "give the demand an id such as rent-control", maxLength: TextLengths.Name);
            var wording = map.String("text", required: true, hint: "give the demand's canonical wording, such as \"Rent control now!\"", maxLength: TextLengths.Demand);
            var aliases = map.StringList("aliases", TextLengths.Demand);
            if (id is null || wording is null)
            {
                continue;
            }

            // A long text without an explanation of its own is split as an article's demand is.
            var explanation = map.String("explanation", maxLength: TextLengths.Demand);
            if (explanation is null)
            {
                (wording, explanation) = DemandHeadline.Split(wording);
            }

            if (Encoding.UTF8.GetByteCount(id) > Slug.MaxBytes)
            {
                map.Report(map.Node("id")!, DiagnosticCodes.InvalidSlug, string.Create(CultureInfo.InvariantCulture, $"the id '{id[..Math.Min(id.Length, 40)]}…' is {Encoding.UTF8.GetByteCount(id):N0} bytes long: an id may be at most {Slug.MaxBytes} bytes of UTF-8 ({Slug.MaxBytes} Latin letters, {Slug.MaxBytes / 2} Cyrillic or Greek ones): use a few words, such as rent-control"));
                continue;
            }

            if (Slug.From(id) != id)
            {
                map.Report(map.Node("id")!, DiagnosticCodes.InvalidSlug, $"the id '{id}' must be lower case words joined by hyphens, such as '{Slug.From(id)}'");
                continue;
            }

            if (UrlScheme.DemandOrders.Contains(id))
            {
                map.Report(map.Node("id")!, DiagnosticCodes.PathReserved, $"the id '{id}' names a page the demands index keeps for its '{id}' order (/{UrlScheme.Demand(id)}): give the demand another id");
                continue;
            }

            if (!ids.Add(id))
            {
                map.Report(map.Node("id")!, DiagnosticCodes.DuplicateKey, $"the id '{id}' is used twice: give each demand its own id");
                continue;
            }

            foreach (var variant in aliases.Prepend(wording))
            {
                var key = DemandText.Normalize(variant);
                if (wordings.TryGetValue(key, out var other) && other != id)
                {
                    map.Report(map.Node("aliases") ?? map.Node("text")!, DiagnosticCodes.DuplicateKey, $"the wording '{variant}' belongs to both '{other}' and '{id}': keep it in one");
                }
                else
                {
                    wordings[key] = id;
                }
            }

            demands.Add(new CanonicalDemand(id, wording.Trim(), aliases, map.String("topic", maxLength: TextLengths.Name) ?? string.Empty, map.LineOf("id"))
            {
                Explanation = explanation.Trim(),
                Won = WonDate(map),
                WonArticle = WonArticle(map),
                WonArticleLine = map.LineOf("won_article"),
                File = file,
                Translations = DemandTranslations(map),
            });
        }

        return demands.ToImmutable();
    }

    // A demand's wording in the site's other languages: 'translations: {es: "¡Santuario para todos!"}'.
    private static ImmutableSortedDictionary<string, string> DemandTranslations(YamlMap map)
    {
        var translations = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        if (map.Node("translations") is not { } node)
        {
            return translations;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'translations' must map language codes to the demand's wording in each, such as translations: {es: \"¡Santuario para todos!\"}");
            return translations;
        }

        var inner = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        foreach (var code in mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>())
        {
            if (inner.String(code, maxLength: TextLengths.Demand) is { } text)
            {
                translations = translations.SetItem(code, text.Trim());
            }
        }

        return translations;
    }

    // The day a demand was won: YYYY-MM-DD.
    private static DateOnly? WonDate(YamlMap map)
    {
        var text = map.String("won");
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= DateParser.MinYear and <= DateParser.MaxYear)
        {
            return day;
        }

        map.Report(map.Node("won")!, DiagnosticCodes.InvalidDate, $"'{text}' is not a date: write the day the demand was won as YYYY-MM-DD, such as won: 2026-05-12");
        return null;
    }

    // The article that reports a victory, as its file below the input folder: articles/2026/x.md.
    private static string? WonArticle(YamlMap map)
    {
        var text = map.String("won_article");
        if (text is null)
        {
            return null;
        }

        var path = text.Trim().Replace('\\', '/').TrimStart('/');
        return path.StartsWith("input/", StringComparison.Ordinal) ? path["input/".Length..] : path;
    }

    private static IEnumerable<YamlMap> Entries(string text, string file, DiagnosticBag diagnostics, string what, string shape)
    {
        var root = YamlLoader.Load(text, file, 0, diagnostics);
        switch (root)
        {
            case null:
                yield break;
            case YamlScalarNode scalar when YamlMap.IsNull(scalar):
                yield break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        yield return YamlMap.From(mapping, file, 0, diagnostics);
                    }
                    else
                    {
                        diagnostics.Error(DiagnosticCodes.DataFileInvalid, $"each entry of {what} is a set of 'key: value' lines starting with '- '", file, (int)item.Start.Line, (int)item.Start.Column);
                    }
                }

                yield break;
            default:
                diagnostics.Error(DiagnosticCodes.DataFileInvalid, $"{what} must be {shape}", file, (int)root.Start.Line, (int)root.Start.Column);
                yield break;
        }
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "mailto";
}
