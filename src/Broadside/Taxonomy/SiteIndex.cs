using System.Collections.Frozen;
using System.Collections.Immutable;
using Broadside.Content;

namespace Broadside.Taxonomy;

/// <summary>
/// Every grouping of the publication's articles, made once per build: sections, tags, authors, years,
/// demands and related articles. Archive pages, demand pages, article pages and feeds all read it.
/// </summary>
public sealed class SiteIndex
{
    private readonly IReadOnlyDictionary<string, Term> _sections;
    private readonly IReadOnlyDictionary<string, Term> _tags;
    private readonly IReadOnlyDictionary<string, Term> _authors;
    private readonly IReadOnlyDictionary<string, ImmutableArray<(Demand Demand, string Wording)>> _demandsOf;
    private readonly Dictionary<string, ImmutableArray<Article>> _related;

    internal SiteIndex(
        ImmutableArray<Article> articles,
        ImmutableArray<Term> sections,
        ImmutableArray<Term> tags,
        ImmutableArray<Term> authors,
        ImmutableArray<Term> years,
        ImmutableArray<Demand> demands,
        IReadOnlyDictionary<string, Term> sectionsByKey,
        IReadOnlyDictionary<string, Term> tagsByKey,
        IReadOnlyDictionary<string, Term> authorsByKey,
        IReadOnlyDictionary<string, ImmutableArray<(Demand, string)>> demandsOf,
        Dictionary<string, ImmutableArray<Article>> related,
        IReadOnlyList<Article>? relatedAgain = null)
    {
        RelatedAgain = relatedAgain;
        Articles = articles;
        Sections = sections;
        Tags = tags;
        Authors = authors;
        Years = years;
        Demands = demands;
        _sections = sectionsByKey;
        _tags = tagsByKey;
        _authors = authorsByKey;
        _demandsOf = demandsOf;
        _related = related;
    }

    /// <summary>
    /// The articles whose related articles were found again when the index was built from an earlier
    /// one; every other's are the earlier index's. Null when every article's were found.
    /// </summary>
    internal IReadOnlyList<Article>? RelatedAgain { get; }

    /// <summary>Published articles, newest first.</summary>
    public ImmutableArray<Article> Articles { get; }

    /// <summary>Sections: those of site.yml in menu order, then the others by name.</summary>
    public ImmutableArray<Term> Sections { get; }

    /// <summary>Tags, by slug.</summary>
    public ImmutableArray<Term> Tags { get; }

    /// <summary>Authors, by slug.</summary>
    public ImmutableArray<Term> Authors { get; }

    /// <summary>Series (<c>series:</c>), by slug; each lists its parts newest first, as every term does.</summary>
    public ImmutableArray<Term> Series { get; init; } = [];

    /// <summary>Years with articles, newest first.</summary>
    public ImmutableArray<Term> Years { get; }

    /// <summary>Every distinct demand, most raised first, then most recent.</summary>
    public ImmutableArray<Demand> Demands { get; }

    /// <summary>The demands each article raises, by source file (<see cref="DemandsOf"/>).</summary>
    internal IReadOnlyDictionary<string, ImmutableArray<(Demand Demand, string Wording)>> DemandsByArticle => _demandsOf;

    /// <summary>Each article's related articles, by source file (<see cref="RelatedTo"/>).</summary>
    internal Dictionary<string, ImmutableArray<Article>> RelatedBySource => _related;

    /// <summary>The section terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> SectionsByKey => _sections;

    /// <summary>The tag terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> TagsByKey => _tags;

    /// <summary>The author terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> AuthorsByKey => _authors;

    /// <summary>The series terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> SeriesByKey { get; init; } = FrozenDictionary<string, Term>.Empty;

    /// <summary>The key of each listed section's name in another language, by that name's key: the section is found by either.</summary>
    internal IReadOnlyDictionary<string, string> SectionAliases { get; init; } = System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    /// <summary>The section term named <paramref name="name"/> (any case or spacing), by any of its names in the site's languages.</summary>
    public Term? Section(string name)
    {
        var key = TermKey.Of(name);
        return _sections.GetValueOrDefault(key) ?? (SectionAliases.TryGetValue(key, out var own) ? _sections.GetValueOrDefault(own) : null);
    }

    /// <summary>The tag term named <paramref name="name"/> (any case or spacing).</summary>
    public Term? Tag(string name) => _tags.GetValueOrDefault(TermKey.Of(name));

    /// <summary>The author term named <paramref name="name"/> (any case or spacing).</summary>
    public Term? Author(string name) => _authors.GetValueOrDefault(TermKey.Of(name));

    /// <summary>The series <paramref name="article"/> is a part of, or null.</summary>
    public Term? SeriesOf(Article article) => article.FrontMatter.Series is { } name ? SeriesByKey.GetValueOrDefault(TermKey.Of(name)) : null;

    /// <summary>The demands <paramref name="article"/> raises, in its order, with its wording.</summary>
    public ImmutableArray<(Demand Demand, string Wording)> DemandsOf(Article article) =>
        _demandsOf.TryGetValue(article.Source!, out var demands) ? demands : [];

    /// <summary>Articles that share tags or demands with <paramref name="article"/>, most related first.</summary>
    public ImmutableArray<Article> RelatedTo(Article article) =>
        _related.TryGetValue(article.Source!, out var related) ? related : [];
}
