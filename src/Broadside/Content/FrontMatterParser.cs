using System.Collections.Immutable;
using System.Globalization;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Content;

/// <summary>
/// Checks front matter against the content contract and turns it into typed records. Every problem
/// is reported at its line; a record is returned only when the required keys are all usable.
/// </summary>
public static class FrontMatterParser
{
    /// <summary>The keys an article may have.</summary>
    public static readonly ImmutableArray<string> ArticleKeys =
    [
        "title", "author", "section", "date", "tags", "demands", "summary", "slug", "draft",
        "updated", "image", "image_alt", "image_caption", "image_credit", "canonical", "lang", "translation_key", "aliases",
        "series", "corrections", "toc",
    ];

    /// <summary>The keys a standalone page may have.</summary>
    public static readonly ImmutableArray<string> PageKeys =
    [
        "title", "summary", "slug", "draft", "updated", "lang", "translation_key", "aliases", "image", "image_alt",
    ];

    private const string OneArticle = "one article";

    // More corrections than any article should carry: the rest are reported.
    private const int MaxCorrections = 50;

    private const string ExtraKeysHint = " (if your theme uses it, list it under 'extra_keys' in site.yml)";

    /// <summary>Reads an article's front matter.</summary>
    public static ArticleFrontMatter? ParseArticle(YamlMap map, SiteConfig site)
    {
        map.WarnUnknownKeys(ArticleKeys, site.ExtraKeys, ExtraKeysHint);

        var limits = site.Limits;
        var title = map.String("title", required: true, hint: "add the headline, e.g. title: \"Bus drivers walk out\"", maxLength: TextLengths.Title);
        var authors = map.StringOrList("author", required: true, hint: "add the byline, e.g. author: Ana Ruiz, or author: [Ana Ruiz, Tomás Berg]", maxLength: TextLengths.Name, limit: new(limits.Authors, OneArticle, "limits: authors"));
        var section = map.String("section", required: true, hint: "add the section, e.g. section: Labor", maxLength: TextLengths.Name);
        var date = Date(map, "date", site, required: true);
        var updated = Date(map, "updated", site, required: false);
        var lang = Language(map, site);
        var slug = SlugValue(map);

        var front = new ArticleFrontMatter
        {
            Title = title ?? string.Empty,
            Authors = authors,
            Section = section ?? string.Empty,
            Date = date ?? default,
            Tags = map.StringList("tags", TextLengths.Name, new(limits.Tags, OneArticle, "limits: tags")),
            Demands = Demands(map, limits.Demands),
            Summary = map.String("summary", maxLength: TextLengths.Summary),
            Slug = slug,
            Draft = map.Bool("draft") ?? false,
            Updated = updated,
            Image = ImageReference(map, "image"),
            ImageLine = map.Has("image") ? map.LineOf("image") : 0,
            ImageAlt = map.String("image_alt", maxLength: TextLengths.Description),
            ImageCaption = map.String("image_caption", maxLength: TextLengths.Description),
            ImageCredit = map.String("image_credit", maxLength: TextLengths.Name),
            Canonical = AbsoluteUrl(map, "canonical"),
            Lang = lang,
            LangLine = map.Has("lang") ? map.LineOf("lang") : 0,
            TranslationKey = map.String("translation_key", maxLength: TextLengths.Name),
            TranslationKeyLine = map.Has("translation_key") ? map.LineOf("translation_key") : 0,
            Aliases = Aliases(map, site.Limits),
            Series = map.String("series", maxLength: TextLengths.Name),
            Corrections = Corrections(map, site, date),
            Toc = map.Bool("toc"),
            Extra = map.PlainValues(site.ExtraKeys),
        };

        if (front.Image is not null && front.ImageAlt is null)
        {
            map.Report(map.Node("image")!, DiagnosticCodes.RequiredKeyMissing, "the image has no description: add 'image_alt:' saying what it shows, for readers who cannot see it");
        }

        foreach (var key in new[] { "image_alt", "image_caption", "image_credit" })
        {
            if (!map.Has("image") && map.Has(key))
            {
                map.Report(map.Node(key)!, DiagnosticCodes.UnknownKey, $"'{key}' describes the lead picture, but there is none: add 'image:' with the picture's path, or remove '{key}'", warning: true);
            }
        }

        return title is null || authors.IsEmpty || section is null || date is null ? null : front;
    }

    /// <summary>Reads a standalone page's front matter.</summary>
    public static PageFrontMatter? ParsePage(YamlMap map, SiteConfig site)
    {
        map.WarnUnknownKeys(PageKeys, site.ExtraKeys, ExtraKeysHint);
        var title = map.String("title", required: true, hint: "add the page's title, e.g. title: About us", maxLength: TextLengths.Name);
        var front = new PageFrontMatter
        {
            Title = title ?? string.Empty,
            Summary = map.String("summary", maxLength: TextLengths.Summary),
            Slug = SlugValue(map),
            Draft = map.Bool("draft") ?? false,
            Updated = Date(map, "updated", site, required: false),
            Lang = Language(map, site),
            LangLine = map.Has("lang") ? map.LineOf("lang") : 0,
            TranslationKey = map.String("translation_key", maxLength: TextLengths.Name),
            TranslationKeyLine = map.Has("translation_key") ? map.LineOf("translation_key") : 0,
            Aliases = Aliases(map, site.Limits),
            Extra = map.PlainValues(site.ExtraKeys),
        };
        return title is null ? null : front;
    }

    private static DateTimeOffset? Date(YamlMap map, string key, SiteConfig site, bool required, string what = "the publication date")
    {
        var text = map.String(key, required, hint: $"add {what}, e.g. {key}: 2026-03-14");
        if (text is null)
        {
            return null;
        }

        var reading = DateParser.Read(text, site.TimeZone, out var value);
        if (reading == DateReading.Date)
        {
            return value;
        }

        map.Report(map.Node(key)!, DiagnosticCodes.InvalidDate, reading switch
        {
            DateReading.OutOfRange => $"'{text}' is out of range: {DateParser.Range}",
            DateReading.OffsetOutOfRange => $"'{text}' has an offset out of range: offsets run from -14:00 to +14:00, such as 2026-03-14T18:30:00-05:00",
            _ => $"'{text}' is not a date: write it as YYYY-MM-DD (2026-03-14) or with a time and offset (2026-03-14T18:30:00-05:00)",
        });
        return null;
    }

    private static string? SlugValue(YamlMap map)
    {
        var text = map.String("slug");
        if (text is null)
        {
            return null;
        }

        if (text.Contains('/') || text.Contains('\\') || text.Contains("..", StringComparison.Ordinal))
        {
            map.Report(map.Node("slug")!, DiagnosticCodes.InvalidSlug, $"the slug '{text}' names a path: a slug is one part of the URL, such as bus-drivers-walk-out; for a page in a folder, put its file in that folder");
            return null;
        }

        var slug = Slug.From(text);
        if (slug.Length == 0)
        {
            map.Report(map.Node("slug")!, DiagnosticCodes.InvalidSlug, $"the slug '{text}' has no letters or digits: use words such as bus-drivers-walk-out");
            return null;
        }

        return slug;
    }

    private static string? Language(YamlMap map, SiteConfig site)
    {
        var text = map.String("lang");
        if (text is null)
        {
            return null;
        }

        if (LanguageTag.Name(text) is not { } name)
        {
            map.Report(map.Node("lang")!, DiagnosticCodes.UnknownLanguage, $"'{text}' is not a language tag: use one such as en, es, fr or pt-BR");
            return null;
        }

        if (site.LanguageOf(name) is null)
        {
            var listed = string.Join(", ", site.AllLanguages.Select(l => l.Code));
            map.Report(map.Node("lang")!, DiagnosticCodes.UnknownLanguage, $"'{text}' is not one of the site's languages ({listed}): correct 'lang:', or add '{text}' under 'languages:' in site.yml");

            // Kept as written, so that the article is taken for no language's, not for the default's.
            return name;
        }

        return name;
    }

    private static ImmutableArray<DemandReference> Demands(YamlMap map, int limit)
    {
        var node = map.Node("demands");
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'demands' must be a list: one '- \"Demand!\"' line per demand");
            return [];
        }

        var demands = ImmutableArray.CreateBuilder<DemandReference>();
        var count = 0;
        foreach (var item in sequence.Children)
        {
            var line = map.Line(item);
            var column = (int)item.Start.Column;
            switch (item)
            {
                case YamlScalarNode scalar when YamlMap.IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value):
                    map.Report(item, DiagnosticCodes.WrongType, "each demand is its text in quotes, or 'id: …' naming a demand of demands.yml");
                    break;
                case YamlScalarNode scalar:
                    if (map.Item(scalar, "demands", TextLengths.Demand) is { } text)
                    {
                        Add(item, new DemandReference(text, null, line, column));
                    }

                    break;
                case YamlMappingNode mapping:
                    var entry = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
                    entry.WarnUnknownKeys(["id"], ImmutableHashSet<string>.Empty);
                    if (entry.String("id", required: true, hint: "write '- id: free-transit' to name a demand of demands.yml", maxLength: TextLengths.Name) is { } id)
                    {
                        Add(item, new DemandReference(null, id, line, column));
                    }

                    break;
                default:
                    map.Report(item, DiagnosticCodes.WrongType, "each demand is its text in quotes, or 'id: …' naming a demand of demands.yml");
                    break;
            }
        }

        return demands.ToImmutable();

        void Add(YamlNode item, DemandReference demand)
        {
            if (++count == limit + 1)
            {
                map.ReportOverLimit(item, "demands", sequence, new(limit, OneArticle, "limits: demands"));
            }

            if (count <= limit)
            {
                demands.Add(demand);
            }
        }
    }

    // The corrections of an article, oldest first: each a date and a text. A correction dated before the
    // article was published is kept, with a warning (the date is likely a slip).
    private static ImmutableArray<Correction> Corrections(YamlMap map, SiteConfig site, DateTimeOffset? published)
    {
        const string Shape = "each correction is a date and a text: '- date: 2026-03-15' then '  text: \"An earlier version gave the wrong date of the vote.\"'";
        var node = map.Node("corrections");
        if (node is null || node is YamlScalarNode scalarNode && YamlMap.IsNull(scalarNode))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'corrections' must be a list: " + Shape);
            return [];
        }

        var corrections = new List<Correction>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                map.Report(item, DiagnosticCodes.WrongType, Shape);
                continue;
            }

            if (corrections.Count == MaxCorrections)
            {
                map.Report(item, DiagnosticCodes.LimitExceeded, string.Create(CultureInfo.InvariantCulture, $"'corrections' lists more than {MaxCorrections} corrections: gather the older ones into one"));
                break;
            }

            var entry = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
            entry.WarnUnknownKeys(["date", "text"], ImmutableHashSet<string>.Empty);
            var date = Date(entry, "date", site, required: true, what: "the day of the correction");
            var text = entry.String("text", required: true, hint: "add what was corrected, e.g. text: \"An earlier version gave the wrong date of the vote.\"", maxLength: TextLengths.Summary);
            if (date is { } day && text is not null)
            {
                if (published is { } first && day < first)
                {
                    entry.Report(entry.Node("date")!, DiagnosticCodes.InvalidDate, $"the correction is dated before the article was published ({first:yyyy-MM-dd}): check the date", warning: true);
                }

                corrections.Add(new Correction(day, text));
            }
        }

        return [.. corrections.OrderBy(c => c.Date)];
    }

    private static string? ImageReference(YamlMap map, string key)
    {
        var text = map.String(key, maxLength: TextLengths.Address);
        if (text is null)
        {
            return null;
        }

        if (LinkSafety.ImageProblem(text) is { } problem)
        {
            map.Report(map.Node(key)!, DiagnosticCodes.InvalidUrl, problem);
            return null;
        }

        return text;
    }

    private static Uri? AbsoluteUrl(YamlMap map, string key)
    {
        var text = map.String(key, maxLength: TextLengths.Address);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        map.Report(map.Node(key)!, DiagnosticCodes.InvalidUrl, $"'{text}' is not an absolute address: write it in full, such as https://example.org/2025/original-article/");
        return null;
    }

    private static ImmutableArray<string> Aliases(YamlMap map, SiteLimits limits)
    {
        var node = map.Node("aliases");
        var items = node switch
        {
            null => [],
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children.ToList(),
            _ => null,
        };
        if (items is null)
        {
            map.Report(node!, DiagnosticCodes.WrongType, "'aliases' must be a list of old paths, such as [\"/2019/old-name/\"]");
            return [];
        }

        var valid = ImmutableArray.CreateBuilder<string>(Math.Min(items.Count, limits.Aliases));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i == limits.Aliases)
            {
                map.Report(item, DiagnosticCodes.LimitExceeded, string.Create(CultureInfo.InvariantCulture, $"'aliases' lists {items.Count} old paths, more than the {limits.Aliases} one article or page may keep: remove the ones nobody visits, or raise 'limits: aliases' in site.yml"));
                break;
            }

            if (item is not YamlScalarNode { Value: { } alias } || string.IsNullOrWhiteSpace(alias))
            {
                map.Report(item, DiagnosticCodes.WrongType, "each alias is an old path in quotes, such as \"/2019/old-name/\"");
                continue;
            }

            var (path, code, problem) = AliasPath.Read(alias);
            if (path is null)
            {
                map.Report(item, code!, problem!);
            }
            else if (!seen.Add(path))
            {
                map.Report(item, DiagnosticCodes.DuplicateKey, $"the alias '{path}' is listed twice: remove one", warning: true);
            }
            else
            {
                valid.Add(path);
            }
        }

        return valid.ToImmutable();
    }
}
