using System.Globalization;

namespace Broadside.Configuration;

/// <summary>
/// One language the site is published in: the default at the site's root, every other under
/// <c>/&lt;code&gt;/</c>, each a complete site of its own.
/// </summary>
/// <param name="Code">The language tag as site.yml writes it (<c>es</c>, <c>pt-BR</c>).</param>
/// <param name="Culture">The culture of its dates and numbers.</param>
public sealed record SiteLanguage(string Code, CultureInfo Culture)
{
    /// <summary>The publication's name in this language; empty for the default one's.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>One sentence about the publication in this language; empty for the default one's.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Articles per archive page; null for the default one's.</summary>
    public int? PageSize { get; init; }

    /// <summary>Items per feed; null for the default one's.</summary>
    public int? FeedSize { get; init; }

    /// <summary>Its own call to action; null to show the default language's.</summary>
    public CallToAction? Action { get; init; }

    /// <summary>The path of its pages below the site root: empty for the default language, else <c>es/</c>.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>True for a language written right to left (Arabic, Hebrew, Persian, Urdu).</summary>
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;

    /// <summary>True when a tag of an article (<c>es-MX</c>) belongs to this language (<c>es</c>, or <c>es-MX</c> itself).</summary>
    public bool Holds(string tag) =>
        tag.Equals(Code, StringComparison.OrdinalIgnoreCase)
        || (tag.Length > Code.Length && tag[Code.Length] == '-' && tag.StartsWith(Code, StringComparison.OrdinalIgnoreCase));
}
