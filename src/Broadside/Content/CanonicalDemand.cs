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

    /// <summary>Its wording in the site's other languages (<c>translations: {es: …}</c>), by language code.</summary>
    public ImmutableSortedDictionary<string, string> Translations { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The demand as the site in <paramref name="language"/> shows it: in its wording there (<see cref="Translations"/>,
    /// its headline and explanation split as a long demand's are), joined by its wordings in every other
    /// language too. Itself when it has no translations.
    /// </summary>
    /// <param name="language">The language's code (<c>es</c>).</param>
    /// <param name="home">True for the site's default language, whose wording is <see cref="Text"/>.</param>
    public CanonicalDemand In(string language, bool home)
    {
        if (Translations.IsEmpty)
        {
            return this;
        }

        var own = home ? null : Translations.GetValueOrDefault(language) ?? Translations.GetValueOrDefault(language.Split('-')[0]);
        if (own is null)
        {
            return this with { Aliases = [.. Aliases, .. Translations.Values] };
        }

        var (headline, explanation) = DemandHeadline.Split(own);
        return this with
        {
            Text = headline.Trim(),
            Explanation = explanation.Trim(),
            Aliases = [Text, .. Aliases, .. Translations.Values.Where(t => t != own)],
        };
    }
}
