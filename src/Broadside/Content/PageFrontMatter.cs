using System.Collections.Immutable;

namespace Broadside.Content;

/// <summary>A standalone page's front matter (about, join, donate).</summary>
public sealed record PageFrontMatter
{
    /// <summary>The page's title.</summary>
    public required string Title { get; init; }

    /// <summary>A sentence about the page; otherwise its first paragraph.</summary>
    public string? Summary { get; init; }

    /// <summary>The URL name, when the editor set one.</summary>
    public string? Slug { get; init; }

    /// <summary>Not published unless drafts are asked for.</summary>
    public bool Draft { get; init; }

    /// <summary>Last substantial change.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The page's language when it differs from the site's.</summary>
    public string? Lang { get; init; }

    /// <summary>The line of <c>lang:</c> in the file; 0 when there is none.</summary>
    public int LangLine { get; init; }

    /// <summary>What every version of one article (or page) in the site's languages shares (<c>translation_key:</c>); null for none.</summary>
    public string? TranslationKey { get; init; }

    /// <summary>The line of <c>translation_key:</c> in the file; 0 when there is none.</summary>
    public int TranslationKeyLine { get; init; }

    /// <summary>Old URL paths that must keep working.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Keys the theme declared in site.yml's <c>extra_keys</c>, as plain values.</summary>
    public ImmutableDictionary<string, object?> Extra { get; init; } = ImmutableDictionary<string, object?>.Empty;
}
