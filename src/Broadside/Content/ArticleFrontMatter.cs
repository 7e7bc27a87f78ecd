using System.Collections.Immutable;

namespace Broadside.Content;

/// <summary>An article's front matter, checked and typed (see the content contract).</summary>
public sealed record ArticleFrontMatter
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Bylines, in order.</summary>
    public required ImmutableArray<string> Authors { get; init; }

    /// <summary>The section the article belongs to.</summary>
    public required string Section { get; init; }

    /// <summary>Publication time; a bare date is midnight in the site's time zone.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>Topics, as written.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The demands the article raises, in its order.</summary>
    public ImmutableArray<DemandReference> Demands { get; init; } = [];

    /// <summary>The standfirst, when the editor wrote one.</summary>
    public string? Summary { get; init; }

    /// <summary>The URL name, when the editor set one.</summary>
    public string? Slug { get; init; }

    /// <summary>Not published unless drafts are asked for.</summary>
    public bool Draft { get; init; }

    /// <summary>Last substantial change.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The lead picture: a path in the site or an absolute URL.</summary>
    public string? Image { get; init; }

    /// <summary>The line of the file where <see cref="Image"/> is written, for diagnostics.</summary>
    public int ImageLine { get; init; }

    /// <summary>The lead picture's description.</summary>
    public string? ImageAlt { get; init; }

    /// <summary>The lead picture's caption, shown beneath it.</summary>
    public string? ImageCaption { get; init; }

    /// <summary>The lead picture's credit line ("Photo: Ana Ruiz").</summary>
    public string? ImageCredit { get; init; }

    /// <summary>Where the article first appeared, for republished pieces.</summary>
    public Uri? Canonical { get; init; }

    /// <summary>The article's language when it differs from the site's.</summary>
    public string? Lang { get; init; }

    /// <summary>The line of <c>lang:</c> in the file; 0 when there is none.</summary>
    public int LangLine { get; init; }

    /// <summary>What every version of one article (or page) in the site's languages shares (<c>translation_key:</c>); null for none.</summary>
    public string? TranslationKey { get; init; }

    /// <summary>The line of <c>translation_key:</c> in the file; 0 when there is none.</summary>
    public int TranslationKeyLine { get; init; }

    /// <summary>The series the article is a part of (<c>series:</c>); parts are ordered by date. Null for none.</summary>
    public string? Series { get; init; }

    /// <summary>Corrections made after publication, oldest first (<c>corrections:</c>).</summary>
    public ImmutableArray<Correction> Corrections { get; init; } = [];

    /// <summary>
    /// <c>toc:</c> as written: false turns off the table of contents a long article gets; null (the
    /// key left out) and true leave it to the article's length.
    /// </summary>
    public bool? Toc { get; init; }

    /// <summary>Old URL paths that must keep working.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Keys the theme declared in site.yml's <c>extra_keys</c>, as plain values.</summary>
    public ImmutableDictionary<string, object?> Extra { get; init; } = ImmutableDictionary<string, object?>.Empty;
}
