using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;
using YamlDotNet.RepresentationModel;

namespace Broadside.Configuration;

/// <summary>Reads and checks <c>site.yml</c>.</summary>
public static class SiteConfigLoader
{
    /// <summary>The keys site.yml may have.</summary>
    public static readonly ImmutableArray<string> KnownKeys =
    [
        "title", "description", "base_url", "language", "languages", "time_zone", "sections",
        "page_size", "feed_size", "extra_keys", "params", "raw_html", "limits", "pictures", "logo",
        "video_hosts", "editor", CallToActionReader.Key,
    ];

    /// <summary>
    /// Reads the file at <paramref name="path"/> (<paramref name="displayPath"/> in messages). Problems
    /// are reported; the result is always usable, so the rest of the input can still be checked.
    /// </summary>
    public static SiteConfig Load(string path, string displayPath, DiagnosticBag diagnostics, Uri? baseUrlOverride = null)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(
                DiagnosticCodes.SiteConfigMissing,
                "site.yml is missing: every publication needs one with at least 'title' and 'base_url' (see README.md)",
                displayPath);
            return Apply(SiteConfig.Fallback, baseUrlOverride);
        }

        var bytes = TextFile.Read(path, displayPath, diagnostics, root: Path.GetDirectoryName(Path.GetFullPath(path)));
        if (bytes is null)
        {
            return Apply(SiteConfig.Fallback, baseUrlOverride);
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        return Parse(text, displayPath, diagnostics, baseUrlOverride);
    }

    /// <summary>Parses site.yml text.</summary>
    public static SiteConfig Parse(string text, string file, DiagnosticBag diagnostics, Uri? baseUrlOverride = null)
    {
        var map = YamlMap.Parse(text, file, lineOffset: 0, diagnostics, "site.yml");
        if (map is null)
        {
            return Apply(SiteConfig.Fallback, baseUrlOverride);
        }

        map.WarnUnknownKeys(KnownKeys, ImmutableHashSet<string>.Empty);
        var limits = ReadLimits(map);
        var config = SiteConfig.Fallback with
        {
            Title = map.String("title", required: true, hint: "add the publication's name, e.g. title: \"The Dispatch\"", maxLength: TextLengths.Name) ?? SiteConfig.Fallback.Title,
            Description = map.String("description", maxLength: TextLengths.Tagline) ?? string.Empty,
            PageSize = map.Int("page_size", 1, 1000) ?? 10,
            FeedSize = map.Int("feed_size", 1, 10_000) ?? 20,
            ExtraKeys = [.. map.StringList("extra_keys")],
            Params = map.Node("params") is YamlMappingNode p
                ? YamlMap.From(p, file, 0, diagnostics).PlainValues(p.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!))
                : ImmutableDictionary<string, object?>.Empty,
            Sections = ReadSections(map, limits.Sections),
            RawHtml = ReadRawHtml(map),
            VideoHosts = ReadVideoHosts(map),
            Limits = limits,
            Pictures = ReadPictures(map),
            Logo = ReadLogo(map),
            Editor = ReadEditor(map),
        };

        var baseUrl = ReadBaseUrl(map, baseUrlOverride is not null);
        config = config with { BaseUrl = baseUrl ?? config.BaseUrl, ProductionUrl = baseUrl };
        if (map.String("language") is { } language)
        {
            try
            {
                config = config with { Language = language, Culture = CultureInfo.GetCultureInfo(language, predefinedOnly: true) };
            }
            catch (CultureNotFoundException)
            {
                map.Report(map.Node("language")!, DiagnosticCodes.UnknownLanguage, $"'{language}' is not a language tag: use one such as en, es, de or pt-BR");
            }
        }

        config = config with { Action = CallToActionReader.Read(map, config.Language) };
        config = config with { Languages = ReadLanguages(map, config) };
        if (map.String("time_zone") is { } zone)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var timeZone))
            {
                config = config with { TimeZone = timeZone };
            }
            else
            {
                var hint = NearestName.Find(zone, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)) is { } near ? $"; did you mean '{near}'?" : ": use an IANA name such as Europe/Berlin or America/Chicago";
                map.Report(map.Node("time_zone")!, DiagnosticCodes.UnknownTimeZone, $"'{zone}' is not a known time zone{hint}");
            }
        }

        return Apply(config, baseUrlOverride);
    }

    private static SiteConfig Apply(SiteConfig config, Uri? baseUrlOverride) =>
        baseUrlOverride is null
            ? config
            : config with { ProductionUrl = config.ProductionUrl ?? config.BaseUrl, BaseUrl = WithTrailingSlash(baseUrlOverride) };

    private static Uri? ReadBaseUrl(YamlMap map, bool overridden)
    {
        var text = map.String("base_url", required: !overridden, hint: "add the address the site is published at, e.g. base_url: \"https://example.org/\"", maxLength: TextLengths.Address);
        if (text is null)
        {
            return null;
        }

        if (!TryParseBaseUrl(text, out var url))
        {
            map.Report(map.Node("base_url")!, DiagnosticCodes.InvalidUrl, $"'{text}' is not an absolute http(s) address such as https://example.org/");
            return null;
        }

        return url;
    }

    /// <summary>Parses an absolute http(s) URL and makes its path end in <c>/</c>.</summary>
    public static bool TryParseBaseUrl(string text, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment))
        {
            url = WithTrailingSlash(parsed);
            return true;
        }

        url = null!;
        return false;
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");

    private static ImmutableArray<SectionConfig> ReadSections(YamlMap map, int limit)
    {
        var node = map.Node("sections");
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'sections' must be a list of section names, in menu order");
            return [];
        }

        var sections = ImmutableArray.CreateBuilder<SectionConfig>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            SectionConfig? section = null;
            if (item is YamlScalarNode { Value: { } text } scalar && !string.IsNullOrWhiteSpace(text))
            {
                // Blank once characters no page may hold are taken out: reported as it was read.
                if (map.Item(scalar, "sections", TextLengths.Name) is not { } name)
                {
                    continue;
                }

                section = new SectionConfig(name, string.Empty);
            }
            else if (item is YamlMappingNode mapping)
            {
                // Without a usable name: reported as it was read.
                section = ReadSection(YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics));
                if (section is null)
                {
                    continue;
                }
            }

            if (section is null)
            {
                map.Report(item, DiagnosticCodes.WrongType, "each section is a name, or 'name:' with an optional 'description:'");
            }
            else if (!seen.Add(section.Name))
            {
                map.Report(item, DiagnosticCodes.DuplicateKey, $"the section '{section.Name}' is listed twice: keep one");
            }
            else if (sections.Count == limit)
            {
                map.ReportOverLimit(item, "sections", sequence, new(limit, "the menu", "limits: sections"));
                break;
            }
            else
            {
                sections.Add(section);
            }
        }

        return sections.ToImmutable();
    }

    // The web editor: editor: {repo: owner/name, branch: main}. A block with a problem turns the editor off.
    private static EditorSettings? ReadEditor(YamlMap map)
    {
        const string Example = "editor: {repo: your-organization/your-site, branch: main}";
        var node = map.Node("editor");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.EditorInvalid, $"'editor' must be a mapping with the GitHub repository the web editor saves to, such as {Example}; remove it to have no web editor");
            return null;
        }

        var editor = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        editor.WarnUnknownKeys(["repo", "branch"], ImmutableHashSet<string>.Empty);
        var repo = editor.String("repo", required: true, hint: $"name the GitHub repository the web editor saves to, such as {Example}", maxLength: 140);
        if (repo is not null && !EditorSettings.IsRepository(repo))
        {
            editor.Report(editor.Node("repo")!, DiagnosticCodes.EditorInvalid, $"'{repo}' is not a GitHub repository: write its owner and name as they appear in its address, such as your-organization/your-site");
            repo = null;
        }

        var branch = editor.String("branch", maxLength: 200) ?? EditorSettings.DefaultBranch;
        if (!EditorSettings.IsBranch(branch))
        {
            editor.Report(editor.Node("branch")!, DiagnosticCodes.EditorInvalid, $"'{branch}' is not a branch name: write the branch the site is published from, such as main");
            return null;
        }

        return repo is null ? null : new EditorSettings(repo, branch);
    }

    private static RawHtmlPolicy ReadRawHtml(YamlMap map)
    {
        var node = map.Node("raw_html");
        if (node is null)
        {
            return RawHtmlPolicy.Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'raw_html' must be a mapping such as {allow_scripts: false, iframe_hosts: [www.youtube-nocookie.com]}");
            return RawHtmlPolicy.Default;
        }

        var raw = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        raw.WarnUnknownKeys(["allow_scripts", "iframe_hosts"], ImmutableHashSet<string>.Empty);
        var hosts = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in raw.StringList("iframe_hosts"))
        {
            if (Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                hosts.Add(host);
            }
            else
            {
                raw.Report(raw.Node("iframe_hosts")!, DiagnosticCodes.InvalidUrl, $"'{host}' is not a host name: write the host alone, such as www.youtube-nocookie.com");
            }
        }

        return new RawHtmlPolicy { AllowScripts = raw.Bool("allow_scripts") ?? false, IframeHosts = hosts.ToImmutable() };
    }

    // The hosts whose video links become players: youtube, vimeo, and PeerTube instances by host.
    private static VideoHosts ReadVideoHosts(YamlMap map)
    {
        const string Example = "video_hosts: [youtube, vimeo, peertube.example.org]";
        var node = map.Node("video_hosts");
        if (node is null)
        {
            return VideoHosts.Default;
        }

        if (node is not YamlSequenceNode sequence)
        {
            map.Report(node, DiagnosticCodes.WrongType, $"'video_hosts' must be a list of hosts whose video links become players, such as {Example}, or [] for none");
            return VideoHosts.Default;
        }

        var hosts = ImmutableArray.CreateBuilder<VideoHost>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } written })
            {
                map.Report(item, DiagnosticCodes.WrongType, $"each entry of 'video_hosts' is youtube, vimeo or the host of a PeerTube instance, such as {Example}");
                continue;
            }

            if (VideoHosts.Named(written) is not { } host)
            {
                var alone = Uri.TryCreate(written.Trim(), UriKind.Absolute, out var url) && url.Host.Length > 0 ? $": write the host alone, such as {url.Host}" : ": write youtube, vimeo, or the host of a PeerTube instance, such as peertube.example.org";
                map.Report(item, DiagnosticCodes.InvalidUrl, $"'{written}' in 'video_hosts' is not a host{alone}");
                continue;
            }

            if (hosts.Contains(host))
            {
                map.Report(item, DiagnosticCodes.DuplicateKey, $"'{written}' in 'video_hosts' lists {host.Name} again: keep one", warning: true);
                continue;
            }

            hosts.Add(host);
        }

        return new VideoHosts { Hosts = hosts.ToImmutable() };
    }

    private static SiteLimits ReadLimits(YamlMap map)
    {
        var node = map.Node("limits");
        if (node is null)
        {
            return SiteLimits.Default;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'limits' must be a mapping such as {tags: 50, demands: 50, authors: 20, sections: 30, pages: 30, aliases: 50, media_mb: 100}");
            return SiteLimits.Default;
        }

        var limits = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        limits.WarnUnknownKeys(["tags", "demands", "authors", "sections", "pages", "aliases", "media_mb"], ImmutableHashSet<string>.Empty);
        var defaults = SiteLimits.Default;
        return new SiteLimits
        {
            Tags = limits.Int("tags", 1, 1000) ?? defaults.Tags,
            Demands = limits.Int("demands", 1, 1000) ?? defaults.Demands,
            Authors = limits.Int("authors", 1, 1000) ?? defaults.Authors,
            Sections = limits.Int("sections", 1, 1000) ?? defaults.Sections,
            Pages = limits.Int("pages", 0, 1000) ?? defaults.Pages,
            Aliases = limits.Int("aliases", 0, 1000) ?? defaults.Aliases,
            MediaMegabytes = limits.Int("media_mb", 1, 100_000) ?? defaults.MediaMegabytes,
        };
    }

    // The publication's logo: a path in the site, such as /media/logo.png.
    private static string? ReadLogo(YamlMap map)
    {
        if (map.String("logo", maxLength: 500) is not { } logo)
        {
            return null;
        }

        if (!logo.StartsWith('/') || logo.StartsWith("//", StringComparison.Ordinal) || logo.Split('/').Contains("..") || logo.Contains(':', StringComparison.Ordinal))
        {
            map.Report(map.Node("logo")!, DiagnosticCodes.InvalidUrl, $"'{logo}' is not a path in the site: put the logo under input/media/ and write its path from the site's root, such as /media/logo.png");
            return null;
        }

        return logo;
    }

    private static PictureSettings ReadPictures(YamlMap map)
    {
        var defaults = PictureSettings.Default;
        var node = map.Node("pictures");
        if (node is null)
        {
            return defaults;
        }

        const string Example = "{widths: [320, 640, 960, 1280, 1600], quality: {avif: 50, webp: 80, jpeg: 80}, originals: false, max_megapixels: 150}";
        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, $"'pictures' must be a mapping such as {Example}");
            return defaults;
        }

        var pictures = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        pictures.WarnUnknownKeys(["widths", "quality", "avif_effort", "originals", "max_megapixels", "body_sizes", "headline_cards"], ImmutableHashSet<string>.Empty);
        var widths = defaults.Widths;
        if (pictures.Node("widths") is { } widthsNode)
        {
            var read = widthsNode is YamlSequenceNode sequence
                ? sequence.Children.Select(c => c is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 16 and <= 8192 ? w : -1).ToList()
                : null;
            if (read is null || read.Count is 0 or > 12 || read.Contains(-1))
            {
                pictures.Report(widthsNode, DiagnosticCodes.WrongType, "'widths' must be a list of 1 to 12 widths in pixels, each from 16 to 8192, such as [320, 640, 960, 1280, 1600]");
            }
            else
            {
                widths = [.. read.Distinct().Order()];
            }
        }

        var (avif, webp, jpeg) = (defaults.AvifQuality, defaults.WebpQuality, defaults.JpegQuality);
        if (pictures.Node("quality") is { } qualityNode)
        {
            if (qualityNode is YamlMappingNode qualityMapping)
            {
                var quality = YamlMap.From(qualityMapping, map.File, map.LineOffset, map.Diagnostics);
                quality.WarnUnknownKeys(["avif", "webp", "jpeg"], ImmutableHashSet<string>.Empty);
                (avif, webp, jpeg) = (quality.Int("avif", 1, 100) ?? avif, quality.Int("webp", 1, 100) ?? webp, quality.Int("jpeg", 1, 100) ?? jpeg);
            }
            else
            {
                pictures.Report(qualityNode, DiagnosticCodes.WrongType, "'quality' must be a mapping such as {avif: 50, webp: 80, jpeg: 80}");
            }
        }

        return defaults with
        {
            Widths = widths,
            AvifQuality = avif,
            WebpQuality = webp,
            JpegQuality = jpeg,
            AvifEffort = pictures.Int("avif_effort", 0, 9) ?? defaults.AvifEffort,
            HeadlineCards = pictures.Int("headline_cards", 0, 1_000_000) ?? defaults.HeadlineCards,
            Originals = pictures.Bool("originals") ?? false,
            MaxMegapixels = pictures.Int("max_megapixels", 1, 1000) ?? defaults.MaxMegapixels,
            BodySizes = pictures.String("body_sizes", maxLength: 500) ?? defaults.BodySizes,
        };
    }

    private static SectionConfig? ReadSection(YamlMap map)
    {
        map.WarnUnknownKeys(["name", "description", "names", "descriptions"], ImmutableHashSet<string>.Empty);
        var name = map.String("name", required: true, hint: "give the section's name", maxLength: TextLengths.Name);
        return name is null ? null : new SectionConfig(name, map.String("description", maxLength: TextLengths.Description) ?? string.Empty)
        {
            Names = ByLanguage(map, "names", TextLengths.Name),
            Descriptions = ByLanguage(map, "descriptions", TextLengths.Description),
        };
    }

    // A mapping of language codes to texts ('names: {es: Trabajo, ar: العمل}').
    private static ImmutableSortedDictionary<string, string> ByLanguage(YamlMap map, string key, int maxLength)
    {
        var texts = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        if (map.Node(key) is not { } node)
        {
            return texts;
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, $"'{key}' must map language codes to texts, such as {key}: {{es: Trabajo, ar: العمل}}");
            return texts;
        }

        var inner = YamlMap.From(mapping, map.File, map.LineOffset, map.Diagnostics);
        foreach (var code in mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>())
        {
            if (inner.String(code, maxLength: maxLength) is { } text)
            {
                texts = texts.SetItem(code, text);
            }
        }

        return texts;
    }

    // The default language, then those of 'languages:', each with its title, description and sizes.
    private static ImmutableArray<SiteLanguage> ReadLanguages(YamlMap map, SiteConfig config)
    {
        if (map.Node("languages") is not { } node)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            map.Report(node, DiagnosticCodes.WrongType, "'languages' must map each language code to its settings, such as languages: {es: {title: \"El Despacho\"}}");
            return [];
        }

        var languages = ImmutableArray.CreateBuilder<SiteLanguage>();
        languages.Add(new SiteLanguage(config.Language, config.Culture));
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } code })
            {
                map.Report(keyNode, DiagnosticCodes.WrongType, "each key of 'languages' is a language code, such as es or pt-BR");
                continue;
            }

            CultureInfo culture;
            try
            {
                culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                map.Report(keyNode, DiagnosticCodes.UnknownLanguage, $"'{code}' is not a language tag: use one such as es, ar, fr or pt-BR");
                continue;
            }

            if (languages.Any(l => l.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                var what = code.Equals(config.Language, StringComparison.OrdinalIgnoreCase) ? "is the default 'language:' of the site" : "is listed twice";
                map.Report(keyNode, DiagnosticCodes.DuplicateKey, $"the language '{code}' {what}: list each other language once under 'languages'");
                continue;
            }

            if (Content.Slug.From(code) != code.ToLowerInvariant() || Output.ReservedPaths.Problem(code.ToLowerInvariant() + "/") is not null)
            {
                map.Report(keyNode, DiagnosticCodes.PathReserved, $"the language '{code}' cannot name the folder its pages are published in: use its plain tag, such as es or pt-br");
                continue;
            }

            var settings = value switch
            {
                YamlMappingNode m => YamlMap.From(m, map.File, map.LineOffset, map.Diagnostics),
                _ when YamlMap.IsNull(value) => null,
                _ => null,
            };
            if (settings is null && !YamlMap.IsNull(value))
            {
                map.Report(value, DiagnosticCodes.WrongType, $"the settings of '{code}' must be a mapping, such as {code}: {{title: \"…\", description: \"…\"}}");
                continue;
            }

            settings?.WarnUnknownKeys(["title", "description", "page_size", "feed_size", CallToActionReader.Key], ImmutableHashSet<string>.Empty);
            languages.Add(new SiteLanguage(culture.Name, culture)
            {
                Title = settings?.String("title", maxLength: TextLengths.Name) ?? string.Empty,
                Description = settings?.String("description", maxLength: TextLengths.Tagline) ?? string.Empty,
                PageSize = settings?.Int("page_size", 1, 1000),
                FeedSize = settings?.Int("feed_size", 1, 10_000),
                Action = settings is null ? null : CallToActionReader.Read(settings, culture.Name),
                Prefix = culture.Name.ToLowerInvariant() + "/",
            });
        }

        foreach (var section in config.Sections)
        {
            foreach (var code in section.Names.Keys.Concat(section.Descriptions.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!languages.Any(l => l.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
                {
                    map.Report(map.Node("sections")!, DiagnosticCodes.UnknownLanguage, $"the section '{section.Name}' is named in '{code}', which 'languages' does not list: add it there, or remove the name", warning: true);
                }
            }
        }

        return languages.Count > 1 ? languages.ToImmutable() : [];
    }
}
