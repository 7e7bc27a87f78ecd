using System.Collections.Immutable;
using Broadside.Content;

namespace Broadside.Taxonomy;

/// <summary>One article's raising of a demand, in its own words.</summary>
/// <param name="Article">The article.</param>
/// <param name="Wording">The words it used (for an <c>{id: …}</c>, the canonical text).</param>
public sealed record DemandEntry(Article Article, string Wording)
{
    /// <summary>Where the article raises it: the line of its wording, or of its <c>id:</c> when it names the demand <paramref name="id"/>; null when neither is found.</summary>
    public DemandReference? Reference(string? id) =>
        Article.FrontMatter.Demands.FirstOrDefault(r => r.Text == Wording)
        ?? (id is { Length: > 0 } ? Article.FrontMatter.Demands.FirstOrDefault(r => r.Id == id) : null);
}

/// <summary>
/// A distinct demand raised across the publication: a canonical demand of demands.yml, or the
/// variants of one wording that normalise alike.
/// </summary>
/// <param name="Slug">Its URL name: the canonical id, or the slug of its normalised wording.</param>
/// <param name="Id">The canonical id; empty for a demand not in demands.yml.</param>
/// <param name="Text">
/// Its headline, which names it everywhere: the canonical text, or the headline (<see cref="DemandHeadline"/>)
/// most articles used.
/// </param>
/// <param name="Topic">
/// The topic from demands.yml, or the one most of the articles raising it point to by their section or
/// tags (<see cref="TopicInferred"/>); empty when none.
/// </param>
/// <param name="Path">Its page's path below the site root.</param>
/// <param name="Entries">The articles that raised it, newest first, one entry each.</param>
public sealed record Demand(string Slug, string Id, string Text, string Topic, string Path, ImmutableArray<DemandEntry> Entries)
{
    /// <summary>How many articles raised it.</summary>
    public int Count => Entries.Length;

    /// <summary>When it was first raised.</summary>
    public DateTimeOffset First => Entries[^1].Article.FrontMatter.Date;

    /// <summary>When it was last raised.</summary>
    public DateTimeOffset Last => Entries[0].Article.FrontMatter.Date;

    /// <summary>The sections it came up in, most often first, then by name.</summary>
    public ImmutableArray<string> Sections { get; init; } = [];

    /// <summary>What its wordings were grouped by: <c>id:</c> and the canonical id, or <c>text:</c> and the normalised wording.</summary>
    internal string Key { get; init; } = string.Empty;

    /// <summary>The wordings used, in full, most often first, with how often.</summary>
    public ImmutableArray<(string Wording, int Count)> Wordings { get; init; } = [];

    /// <summary>The headlines of the wordings used, most often first, with how often.</summary>
    public ImmutableArray<(string Wording, int Count)> Headlines { get; init; } = [];

    /// <summary>
    /// The sentences that explain it: for a canonical demand, its explanation in demands.yml; for a demand
    /// of its own, the one most of the articles that give one gave. May be empty.
    /// </summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>True when <see cref="Topic"/> is not set in demands.yml but taken from the articles that raise it.</summary>
    public bool TopicInferred { get; init; }

    /// <summary>The day it was won (demands.yml's <c>won:</c>); null while it is still a demand.</summary>
    public DateOnly? Won { get; init; }

    /// <summary>The published article that reports the victory; null when none is named or it is not published.</summary>
    public Article? WonArticle { get; init; }

    /// <summary>How many articles raised it up to the day it was won, as days go in <paramref name="zone"/> (all of them while it is not).</summary>
    public int CountBeforeWon(TimeZoneInfo zone) =>
        Won is { } won ? Entries.Count(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Article.FrontMatter.Date, zone).DateTime) <= won) : Count;
}
