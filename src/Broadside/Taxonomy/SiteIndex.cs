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
    private readonly IReadOnlyDictionary<string, ImmutableArray<Article>> _related;

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
        IReadOnlyDictionary<string, ImmutableArray<Article>> related)
    {
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

    /// <summary>Published articles, newest first.</summary>
    public ImmutableArray<Article> Articles { get; }

    /// <summary>Sections: those of site.yml in menu order, then the others by name.</summary>
    public ImmutableArray<Term> Sections { get; }

    /// <summary>Tags, by slug.</summary>
    public ImmutableArray<Term> Tags { get; }

    /// <summary>Authors, by slug.</summary>
    public ImmutableArray<Term> Authors { get; }

    /// <summary>Years with articles, newest first.</summary>
    public ImmutableArray<Term> Years { get; }

    /// <summary>Every distinct demand, most raised first, then most recent.</summary>
    public ImmutableArray<Demand> Demands { get; }

    /// <summary>The demands each article raises, by source file (<see cref="DemandsOf"/>).</summary>
    internal IReadOnlyDictionary<string, ImmutableArray<(Demand Demand, string Wording)>> DemandsByArticle => _demandsOf;

    /// <summary>The section terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> SectionsByKey => _sections;

    /// <summary>The tag terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> TagsByKey => _tags;

    /// <summary>The author terms by <see cref="TermKey"/>.</summary>
    internal IReadOnlyDictionary<string, Term> AuthorsByKey => _authors;

    /// <summary>The section term named <paramref name="name"/> (any case or spacing).</summary>
    public Term? Section(string name) => _sections.GetValueOrDefault(TermKey.Of(name));

    /// <summary>The tag term named <paramref name="name"/> (any case or spacing).</summary>
    public Term? Tag(string name) => _tags.GetValueOrDefault(TermKey.Of(name));

    /// <summary>The author term named <paramref name="name"/> (any case or spacing).</summary>
    public Term? Author(string name) => _authors.GetValueOrDefault(TermKey.Of(name));

    /// <summary>The demands <paramref name="article"/> raises, in its order, with its wording.</summary>
    public ImmutableArray<(Demand Demand, string Wording)> DemandsOf(Article article) =>
        _demandsOf.TryGetValue(article.Source!, out var demands) ? demands : [];

    /// <summary>Articles that share tags or demands with <paramref name="article"/>, most related first.</summary>
    public ImmutableArray<Article> RelatedTo(Article article) =>
        _related.TryGetValue(article.Source!, out var related) ? related : [];

    /// <summary>
    /// The same index with some articles replaced by new versions of themselves. Only for versions that
    /// group exactly as the old ones did (the same path, and the same front matter but for fields only
    /// shown, such as the title): every term, demand and relation stays as it is, holding the new version
    /// where it held the old.
    /// </summary>
    /// <param name="versions">Each old article of this index and its new version.</param>
    public SiteIndex With(IEnumerable<(Article Old, Article New)> versions)
    {
        var replacements = versions.ToDictionary<(Article Old, Article New), Article, Article>(v => v.Old, v => v.New, ReferenceEqualityComparer.Instance);
        Article Swap(Article article) => replacements.TryGetValue(article, out var replacement) ? replacement : article;
        ImmutableArray<Article> SwapAll(ImmutableArray<Article> articles) =>
            articles.Any(replacements.ContainsKey) ? [.. articles.Select(Swap)] : articles;

        var terms = new Dictionary<Term, Term>(ReferenceEqualityComparer.Instance);
        ImmutableArray<Term> SwapTerms(ImmutableArray<Term> list) => [.. list.Select(term =>
        {
            var articles = SwapAll(term.Articles);
            var swapped = articles == term.Articles ? term : term with { Articles = articles };
            terms[term] = swapped;
            return swapped;
        })];
        // Plain dictionaries: made for one edit, they are not worth freezing.
        Dictionary<string, Term> Lookup(IReadOnlyDictionary<string, Term> byKey) =>
            byKey.ToDictionary(kv => kv.Key, kv => terms[kv.Value], StringComparer.Ordinal);

        var demands = new Dictionary<Demand, Demand>(ReferenceEqualityComparer.Instance);
        foreach (var demand in Demands)
        {
            demands[demand] = demand.Entries.Any(e => replacements.ContainsKey(e.Article))
                ? demand with { Entries = [.. demand.Entries.Select(e => replacements.ContainsKey(e.Article) ? e with { Article = Swap(e.Article) } : e)] }
                : demand;
        }

        bool Changed((Demand Demand, string Wording) raised) => !ReferenceEquals(demands[raised.Demand], raised.Demand);
        var (sections, tags, authors, years) = (SwapTerms(Sections), SwapTerms(Tags), SwapTerms(Authors), SwapTerms(Years));
        return new SiteIndex(
            SwapAll(Articles),
            sections,
            tags,
            authors,
            years,
            [.. Demands.Select(d => demands[d])],
            Lookup(_sections),
            Lookup(_tags),
            Lookup(_authors),
            _demandsOf.Values.Any(list => list.Any(Changed))
                ? _demandsOf.ToDictionary(kv => kv.Key, kv => kv.Value.Any(Changed) ? [.. kv.Value.Select(d => (demands[d.Demand], d.Wording))] : kv.Value, StringComparer.Ordinal)
                : _demandsOf,
            _related.Values.Any(list => list.Any(replacements.ContainsKey))
                ? _related.ToDictionary(kv => kv.Key, kv => SwapAll(kv.Value), StringComparer.Ordinal)
                : _related);
    }
}
