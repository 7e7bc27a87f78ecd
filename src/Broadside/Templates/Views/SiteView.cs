using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>The publication, as every template sees it (<c>site</c>).</summary>
public sealed record SiteView
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Absolute base URL, ending in <c>/</c>.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Root-relative path of the site, ending in <c>/</c>.</summary>
    public required string Root { get; init; }

    public required string Language { get; init; }

    /// <summary>The direction of <see cref="Language"/>: <c>ltr</c> or <c>rtl</c>.</summary>
    public string Dir { get; init; } = "ltr";

    /// <summary>The home page of this language's site: <see cref="Root"/>, or <c>/es/</c> below it.</summary>
    public string Home { get; init; } = string.Empty;

    /// <summary>The home page of each of the site's languages, this one marked current; empty for a site in one language.</summary>
    public ImmutableArray<LanguageLinkView> Languages { get; init; } = [];

    /// <summary>
    /// Sections for the menu: site.yml's in its order (linked once they have articles), then every other
    /// section with articles, by slug.
    /// </summary>
    public required ImmutableArray<LinkView> Sections { get; init; }

    /// <summary>Standalone pages.</summary>
    public required ImmutableArray<PageLinkView> Pages { get; init; }

    /// <summary>The demands index.</summary>
    public required string DemandsUrl { get; init; }

    /// <summary>The overview of all tags.</summary>
    public required string TagsUrl { get; init; }

    /// <summary>The overview of all authors.</summary>
    public required string AuthorsUrl { get; init; }

    /// <summary>The overview of all sections.</summary>
    public required string SectionsUrl { get; init; }

    /// <summary>The search page, or empty when the site is built without search.</summary>
    public string SearchUrl { get; init; } = string.Empty;

    /// <summary>Years with articles, newest first.</summary>
    public required ImmutableArray<LinkView> Years { get; init; }

    /// <summary>The year of the build.</summary>
    public required int Year { get; init; }

    /// <summary>Root-relative URL of the icon a phone puts on its home screen; empty when the theme has none.</summary>
    public string TouchIcon { get; init; } = string.Empty;

    /// <summary>What readers are asked to do after each article and on demand pages; null for nothing.</summary>
    public CallToActionView? Action { get; init; }

    /// <summary>Free values from site.yml's <c>params</c>.</summary>
    public required ImmutableDictionary<string, object?> Params { get; init; }
}
