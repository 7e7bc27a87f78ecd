using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>A standalone page as templates see it (<c>page</c>).</summary>
public sealed record PageView
{
    public required string Title { get; init; }

    public required string Url { get; init; }

    public required string Summary { get; init; }

    /// <summary>Its versions in the site's languages, itself among them; empty when it has none.</summary>
    public ImmutableArray<LanguageLinkView> Translations { get; init; } = [];

    public required RawHtml Content { get; init; }

    /// <summary>True when the body shows a click-to-load video player: the page loads the player's script.</summary>
    public bool Players { get; init; }

    public required string UpdatedIso { get; init; }

    public required string UpdatedDisplay { get; init; }

    public required ImmutableDictionary<string, object?> Extra { get; init; }
}
