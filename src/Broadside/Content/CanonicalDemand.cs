using System.Collections.Immutable;

namespace Broadside.Content;

/// <summary>A demand of <c>demands.yml</c>: its fixed wording, the variants that join it, its topic and its victory.</summary>
/// <param name="Id">The id articles refer to it by; also its URL name.</param>
/// <param name="Text">The canonical wording: its headline.</param>
/// <param name="Aliases">Other wordings that join it.</param>
/// <param name="Topic">The topic it is grouped under on the index; may be empty.</param>
/// <param name="Line">Where it is defined, for diagnostics.</param>
public sealed record CanonicalDemand(string Id, string Text, ImmutableArray<string> Aliases, string Topic, int Line)
{
    /// <summary>The sentences that explain it (<c>explanation:</c>, or what follows the headline of a long <c>text:</c>); may be empty.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>The day it was won (<c>won:</c>); null while it is still a demand.</summary>
    public DateOnly? Won { get; init; }

    /// <summary>The source of the article that reports the victory (<c>won_article:</c>, as <c>articles/…md</c>); null when none is named.</summary>
    public string? WonArticle { get; init; }

    /// <summary>The data file it is defined in, for diagnostics.</summary>
    public string File { get; init; } = "demands.yml";

    /// <summary>The line of <c>won_article:</c>, for diagnostics.</summary>
    public int WonArticleLine { get; init; }
}
