using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>What the document's head needs to know about the page (<c>meta</c>).</summary>
public sealed record MetaView
{
    /// <summary>The title without the site's name.</summary>
    public required string Title { get; init; }

    /// <summary>Plain-text description.</summary>
    public required string Description { get; init; }

    /// <summary>Root-relative URL.</summary>
    public required string Url { get; init; }

    /// <summary>Absolute canonical URL.</summary>
    public required string CanonicalUrl { get; init; }

    /// <summary>The page's language tag.</summary>
    public required string Lang { get; init; }

    /// <summary>
    /// <see cref="Lang"/> as Open Graph names a locale, language and territory: <c>en_US</c>, <c>es_ES</c>,
    /// <c>pt_BR</c>; the territory where the tag names none is the one the language is most used in.
    /// </summary>
    public string Locale => OpenGraph.Locale(Lang);

    /// <summary>The direction of <see cref="Lang"/>: <c>ltr</c> or <c>rtl</c>.</summary>
    public string Dir { get; init; } = "ltr";

    /// <summary>The page's versions in the site's languages, itself among them, for <c>hreflang</c> links; empty when it has none.</summary>
    public ImmutableArray<LanguageLinkView> Alternates { get; init; } = [];

    /// <summary>The absolute URL of the version in the site's default language, for <c>hreflang="x-default"</c>; empty when it has none.</summary>
    public string DefaultUrl { get; init; } = string.Empty;

    /// <summary><c>article</c>, <c>home</c>, <c>page</c>, <c>section</c>, <c>tag</c>, <c>author</c>, <c>year</c>, <c>terms</c>, <c>demands</c>, <c>demand</c>, <c>not-found</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The site's feeds, then this page's own feed when it has one.</summary>
    public ImmutableArray<FeedLinkView> Feeds { get; init; } = [];

    /// <summary>This page's own RSS feed, or empty.</summary>
    public string FeedUrl { get; init; } = string.Empty;

    /// <summary>An absolute picture URL for social cards, or empty.</summary>
    public string Image { get; init; } = string.Empty;

    /// <summary>The picture's description, or empty.</summary>
    public string ImageAlt { get; init; } = string.Empty;

    /// <summary>Articles: publication time, ISO 8601; else empty.</summary>
    public string PublishedIso { get; init; } = string.Empty;

    /// <summary>Articles: last change, ISO 8601; else empty.</summary>
    public string ModifiedIso { get; init; } = string.Empty;

    /// <summary>Articles: the author names, for <c>article:author</c>.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Articles: a complete schema.org <c>NewsArticle</c> JSON-LD script element, escaped for HTML; else empty.</summary>
    public RawHtml JsonLd { get; init; } = new(string.Empty);

    /// <summary><c>noindex</c> when search engines should leave the page out; else empty.</summary>
    public string Robots { get; init; } = string.Empty;
}
