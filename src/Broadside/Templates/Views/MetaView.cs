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

    /// <summary><c>article</c>, <c>home</c> or <c>page</c>.</summary>
    public required string Kind { get; init; }
}
