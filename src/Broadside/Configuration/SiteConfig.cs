using System.Collections.Immutable;
using System.Globalization;

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

    /// <summary>How much one file may ask of a build (<c>limits:</c> in site.yml).</summary>
    public SiteLimits Limits { get; init; } = SiteLimits.Default;

    /// <summary>The publication's logo, a path in the site (<c>/media/logo.png</c>), for the publisher of every article's schema.org data; null for none.</summary>
    public string? Logo { get; init; }

    /// <summary>How pictures are published (<c>pictures:</c> in site.yml).</summary>
    public PictureSettings Pictures { get; init; } = PictureSettings.Default;

    /// <summary>Free values for the theme (<c>params:</c> in site.yml).</summary>
    public ImmutableDictionary<string, object?> Params { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The root-relative path of the site (<c>/</c>, or <c>/news/</c> for a site in a sub-folder).</summary>
    public string RootPath => BaseUrl.AbsolutePath;

    /// <summary>A configuration for when site.yml cannot be read, so other files are still checked.</summary>
    public static SiteConfig Fallback { get; } = new() { Title = "Untitled", BaseUrl = new Uri("https://example.org/") };
}
