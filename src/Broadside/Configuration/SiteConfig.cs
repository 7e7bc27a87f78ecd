using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Broadside.Configuration;

/// <summary>The publication as <c>input/site.yml</c> describes it.</summary>
public sealed record SiteConfig
{
    /// <summary>The publication's name.</summary>
    public required string Title { get; init; }

    /// <summary>One sentence about the publication.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The absolute URL the site is published at; its path always ends in <c>/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>
    /// The production address from site.yml. Differs from <see cref="BaseUrl"/> in a deploy preview
    /// built with <c>--base-url</c>: pages link within the preview, but feeds name their production
    /// address as their own, so subscribers never follow a preview.
    /// </summary>
    public Uri? ProductionUrl { get; init; }

    /// <summary>The address feeds give as their own: <see cref="ProductionUrl"/>, else <see cref="BaseUrl"/>.</summary>
    public Uri FeedBaseUrl => ProductionUrl ?? BaseUrl;

    /// <summary>The site's language tag (<c>en</c>, <c>pt-BR</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>The culture used for dates shown to readers, from <see cref="Language"/>.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en");

    /// <summary>The time zone of bare dates (<c>2026-03-14</c> is midnight here).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Sections in menu order.</summary>
    public ImmutableArray<SectionConfig> Sections { get; init; } = [];

    /// <summary>Articles per archive page.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>Items per feed.</summary>
    public int FeedSize { get; init; } = 20;

    /// <summary>Front matter keys the theme uses beyond the contract's; kept without a warning.</summary>
    public ImmutableHashSet<string> ExtraKeys { get; init; } = [];

    /// <summary>What raw HTML in articles and pages may do (<c>raw_html:</c> in site.yml).</summary>
    public RawHtmlPolicy RawHtml { get; init; } = RawHtmlPolicy.Default;

    /// <summary>The hosts whose video links become click-to-load players (<c>video_hosts:</c> in site.yml).</summary>
    public VideoHosts VideoHosts { get; init; } = VideoHosts.Default;

    /// <summary>The web editor at <c>/admin/</c> (<c>editor:</c> in site.yml); null for none.</summary>
    public EditorSettings? Editor { get; init; }

    /// <summary>How much one file may ask of a build (<c>limits:</c> in site.yml).</summary>
    public SiteLimits Limits { get; init; } = SiteLimits.Default;

    /// <summary>The publication's logo, a path in the site (<c>/media/logo.png</c>), for the publisher of every article's schema.org data; null for none.</summary>
    public string? Logo { get; init; }

    /// <summary>How pictures are published (<c>pictures:</c> in site.yml).</summary>
    public PictureSettings Pictures { get; init; } = PictureSettings.Default;

    /// <summary>What readers are asked to do after each article and on demand pages; null for nothing.</summary>
    public CallToAction? Action { get; init; }

    /// <summary>
    /// The origins (<c>https://lists.example.org</c>) besides the site's own that forms on the site may
    /// send what readers enter to: the signup forms of <see cref="Action"/> in every language. The content
    /// security policy's <c>form-action</c> lists them. Empty: forms post to the site alone.
    /// </summary>
    public ImmutableArray<string> FormOrigins =>
    [
        .. Languages.Select(l => l.Action).Prepend(Action).Select(a => a?.Signup?.Origin).OfType<string>().Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Free values for the theme (<c>params:</c> in site.yml).</summary>
    public ImmutableDictionary<string, object?> Params { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>
    /// The languages the site is published in, the default first (site.yml's <c>language</c>, then its
    /// <c>languages</c>); empty for a site in one language (<see cref="AllLanguages"/>).
    /// </summary>
    public ImmutableArray<SiteLanguage> Languages { get; init; } = [];

    /// <summary>Every language of the site, the default first: <see cref="Languages"/>, or the site's one language.</summary>
    public ImmutableArray<SiteLanguage> AllLanguages => Languages.IsDefaultOrEmpty ? [new SiteLanguage(Language, Culture)] : Languages;

    /// <summary>True when the site is published in more than one language.</summary>
    public bool Multilingual => !Languages.IsDefaultOrEmpty && Languages.Length > 1;

    /// <summary>The path below the site root of this configuration's language: empty for the default language, else <c>es/</c>.</summary>
    public string PathPrefix { get; init; } = string.Empty;

    /// <summary>
    /// The language of the site an article or page in <paramref name="tag"/> belongs to: the one of that
    /// tag, else the one it is a variant of (<c>es-MX</c> is of <c>es</c>); the default language for
    /// none. Null when the site lists languages and not this one. A site in one language holds every
    /// article, whatever its tag.
    /// </summary>
    public SiteLanguage? LanguageOf(string? tag)
    {
        var all = AllLanguages;
        if (tag is null || !Multilingual)
        {
            return all[0];
        }

        foreach (var language in all)
        {
            if (language.Code.Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        return all.FirstOrDefault(l => l.Holds(tag));
    }

    /// <summary>
    /// This configuration for the site in <paramref name="language"/>: its title, description, sizes,
    /// culture and section names, its pages under <see cref="SiteLanguage.Prefix"/>.
    /// </summary>
    public SiteConfig ForLanguage(SiteLanguage language)
    {
        if (language.Prefix.Length == 0)
        {
            return this;
        }

        var home = AllLanguages[0].Code;
        return this with
        {
            Title = language.Title.Length > 0 ? language.Title : Title,
            Description = language.Title.Length > 0 || language.Description.Length > 0 ? language.Description : Description,
            Language = language.Code,
            Culture = language.Culture,
            Action = language.Action ?? Action,
            PageSize = language.PageSize ?? PageSize,
            FeedSize = language.FeedSize ?? FeedSize,
            PathPrefix = language.Prefix,
            Sections = [.. Sections.Select(s => new SectionConfig(s.NameIn(language.Code), s.Descriptions.GetValueOrDefault(language.Code) ?? string.Empty)
            {
                Names = s.Names.SetItem(home, s.Name),
            })],
        };
    }

    /// <summary>
    /// The name in this configuration's language of the listed section <paramref name="written"/> names in
    /// any of the site's languages (an article in Spanish may say <c>Labor</c> or <c>Trabajo</c>); the name
    /// as written for a section site.yml does not list.
    /// </summary>
    public string SectionName(string written)
    {
        if (Languages.IsDefaultOrEmpty || Sections.IsDefaultOrEmpty)
        {
            return written;
        }

        var (byName, byKey) = SectionNames.GetValue(ImmutableCollectionsMarshal.AsArray(Sections)!, NamesOf);
        return byName.TryGetValue(written, out var name) || byKey.TryGetValue(Content.TermKey.Of(written), out name) ? name : written;
    }

    // Every name of the listed sections, to the section's name: as written (but for case), then by
    // term key, each the first section's in menu order. Made once per list of sections, which a
    // configuration shares with its copies.
    private static readonly ConditionalWeakTable<SectionConfig[], Tuple<FrozenDictionary<string, string>, FrozenDictionary<string, string>>> SectionNames = new();

    private static Tuple<FrozenDictionary<string, string>, FrozenDictionary<string, string>> NamesOf(SectionConfig[] sections)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            foreach (var name in section.AllNames)
            {
                byName.TryAdd(name, section.Name);
            }
        }

        foreach (var section in sections)
        {
            foreach (var name in section.AllNames)
            {
                byKey.TryAdd(Content.TermKey.Of(name), section.Name);
            }
        }

        return Tuple.Create(byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), byKey.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The root-relative path of the site (<c>/</c>, or <c>/news/</c> for a site in a sub-folder).</summary>
    public string RootPath => BaseUrl.AbsolutePath;

    /// <summary>A configuration for when site.yml cannot be read, so other files are still checked.</summary>
    public static SiteConfig Fallback { get; } = new() { Title = "Untitled", BaseUrl = new Uri("https://example.org/") };
}
