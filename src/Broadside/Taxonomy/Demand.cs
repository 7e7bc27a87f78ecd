using System.Collections.Immutable;
using Broadside.Content;

namespace Broadside.Taxonomy;

/// <summary>One article's raising of a demand, in its own words.</summary>
/// <param name="Article">The article.</param>
/// <param name="Wording">The words it used (for an <c>{id: …}</c>, the canonical text).</param>
public sealed record DemandEntry(Article Article, string Wording);

/// <summary>
/// A distinct demand raised across the publication: a canonical demand of demands.yml, or the
/// variants of one wording that normalise alike.
/// </summary>
/// <param name="Slug">Its URL name: the canonical id, or the slug of its normalised wording.</param>
/// <param name="Id">The canonical id; empty for a demand not in demands.yml.</param>
/// <param name="Text">The canonical text, or the wording most articles used.</param>
/// <param name="Topic">The topic from demands.yml; empty when none.</param>
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

    /// <summary>The wordings used, most often first, with how often.</summary>
    public ImmutableArray<(string Wording, int Count)> Wordings { get; init; } = [];
}
