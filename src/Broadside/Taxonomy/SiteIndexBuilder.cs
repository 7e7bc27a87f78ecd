using System.Collections.Frozen;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Taxonomy;

/// <summary>
/// Groups articles into sections, tags, authors, years and demands. Case and spacing variants of a
/// name are one term, shown in its most used spelling; two different names with one URL are an error
/// that names both files.
/// </summary>
public static class SiteIndexBuilder
{
    private const int RelatedCount = 3;

    // Candidates per shared tag or demand: its articles nearest in time to the one at hand. Without a
    // cap, a tag on a tenth of a large archive makes finding related articles grow with the square of
    // the archive; with it, a very common tag suggests articles from around the same time.
    private const int CandidatesPerFeature = 200;

    /// <summary>Builds the index of <paramref name="articles"/> (newest first).</summary>
    public static SiteIndex Build(
        ImmutableArray<Article> articles,
        SiteConfig site,
        ImmutableArray<AuthorProfile> profiles,
        ImmutableArray<CanonicalDemand> canonical,
        DiagnosticBag diagnostics)
    {
        // The demands are gathered while the terms are grouped: each is a pass over every article.
        var demandIndex = Task.Run(() => DemandIndex.Build(articles, canonical, diagnostics));
        var (sections, sectionKeys) = Group(
            TermKind.Section,
            articles.Select(a => (a, a.FrontMatter.Section)),
            slug => UrlScheme.Section(slug),
            diagnostics);
        var listed = site.Sections.Select((s, i) => (Key: TermKey.Of(s.Name), s.Description, Order: i))
            .ToDictionary(x => x.Key, x => (x.Description, x.Order), StringComparer.Ordinal);
        sections = [.. sections
            .Select(t => listed.TryGetValue(TermKey.Of(t.Name), out var l) ? t with { Name = site.Sections[l.Order].Name, Description = l.Description } : t)
            .OrderBy(t => listed.TryGetValue(TermKey.Of(t.Name), out var l) ? l.Order : int.MaxValue)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)];

        var (tags, tagKeys) = Group(
            TermKind.Tag,
            articles.SelectMany(a => a.FrontMatter.Tags.Select(t => (a, t))),
            slug => UrlScheme.Tag(slug),
            diagnostics);

        var byName = profiles.ToDictionary(p => TermKey.Of(p.Name), StringComparer.Ordinal);
        var (authors, authorKeys) = Group(
            TermKind.Author,
            articles.SelectMany(a => a.FrontMatter.Authors.Select(n => (a, n))),
            slug => UrlScheme.Author(slug),
            diagnostics);
        authors = [.. authors.Select(t => byName.TryGetValue(TermKey.Of(t.Name), out var p) ? t with { Name = p.Name, Profile = p } : t)];

        var years = articles
            .GroupBy(a => a.Path[..4], StringComparer.Ordinal)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Term(TermKind.Year, g.Key, g.Key, UrlScheme.Year(g.Key), [.. g]))
            .ToImmutableArray();

        var (demands, demandsOf) = demandIndex.GetAwaiter().GetResult();

        return new SiteIndex(
            articles,
            sections,
            tags,
            authors,
            years,
            demands,
            Lookup(sections, sectionKeys),
            Lookup(tags, tagKeys),
            Lookup(authors, authorKeys),
            demandsOf,
            Related(articles, demandsOf));
    }

    private static FrozenDictionary<string, Term> Lookup(ImmutableArray<Term> terms, Dictionary<string, string> keys)
    {
        var bySlug = terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        return keys.Where(kv => bySlug.ContainsKey(kv.Value))
            .ToFrozenDictionary(kv => kv.Key, kv => bySlug[kv.Value], StringComparer.Ordinal);
    }

    /// <summary>
    /// Groups <paramref name="uses"/> by <see cref="TermKey"/>; returns the terms by slug and a map
    /// from each key to its term's slug.
    /// </summary>
    private static (ImmutableArray<Term> Terms, Dictionary<string, string> Keys) Group(
        TermKind kind,
        IEnumerable<(Article Article, string Name)> uses,
        Func<string, string> path,
        DiagnosticBag diagnostics)
    {
        var groups = new Dictionary<string, (List<Article> Articles, HashSet<string> Sources, Dictionary<string, int> Spellings, string File)>(StringComparer.Ordinal);
        foreach (var (article, name) in uses)
        {
            var key = TermKey.Of(name);
            if (!groups.TryGetValue(key, out var group))
            {
                group = ([], new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), article.Source!);
                groups[key] = group;
            }

            if (group.Sources.Add(article.Source!))
            {
                group.Articles.Add(article);
            }

            var spelling = name.Trim();
            group.Spellings[spelling] = group.Spellings.GetValueOrDefault(spelling) + 1;
        }

        var what = kind.ToString().ToLowerInvariant();
        var terms = new Dictionary<string, (Term Term, string Key, string File)>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = group.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            var slug = Slug.From(key);
            if (slug.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSlug, $"the {what} '{name}' has no letters or digits to make its page's URL from: use words", group.File);
                continue;
            }

            if (terms.TryGetValue(slug, out var other))
            {
                diagnostics.Error(
                    DiagnosticCodes.UrlCollision,
                    $"the {what} '{name}' (here) and the {what} '{other.Term.Name}' (in '{other.File}') would share the page /{path(slug)}: use one spelling for both",
                    group.File);
                continue;
            }

            var term = new Term(kind, name, slug, path(slug), [.. group.Articles]);
            terms[slug] = (term, key, group.File);
            keys[key] = slug;
        }

        return ([.. terms.Values.Select(t => t.Term).OrderBy(t => t.Slug, StringComparer.Ordinal)], keys);
    }

    private static FrozenDictionary<string, ImmutableArray<Article>> Related(
        ImmutableArray<Article> articles,
        FrozenDictionary<string, ImmutableArray<(Demand Demand, string Wording)>> demandsOf)
    {
        // An inverted index keeps this linear in the number of shared tags and demands, not quadratic
        // in the number of articles. A shared demand weighs more than a shared tag.
        var byFeature = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var features = new List<(string Feature, int Weight)>[articles.Length];
        for (var i = 0; i < articles.Length; i++)
        {
            var own = articles[i].FrontMatter.Tags.Select(t => ("t:" + TermKey.Of(t), 1))
                .Concat(demandsOf.GetValueOrDefault(articles[i].Source!, []).Select(d => ("d:" + d.Demand.Slug, 2)))
                .DistinctBy(f => f.Item1)
                .ToList();
            features[i] = own;
            foreach (var (feature, _) in own)
            {
                if (!byFeature.TryGetValue(feature, out var list))
                {
                    byFeature[feature] = list = [];
                }

                list.Add(i);
            }
        }

        var related = new ImmutableArray<Article>[articles.Length];
        Parallel.For(
            0,
            articles.Length,
            () => (Scores: new int[articles.Length], Touched: new List<int>()),
            (i, _, scratch) =>
            {
                var (scores, touched) = scratch;
                foreach (var (feature, weight) in features[i])
                {
                    var candidates = byFeature[feature];
                    var here = candidates.BinarySearch(i);
                    var from = Math.Clamp(here - (CandidatesPerFeature / 2), 0, Math.Max(0, candidates.Count - CandidatesPerFeature));
                    for (var k = from; k < Math.Min(candidates.Count, from + CandidatesPerFeature); k++)
                    {
                        var j = candidates[k];
                        if (j != i)
                        {
                            if (scores[j] == 0)
                            {
                                touched.Add(j);
                            }

                            scores[j] += weight;
                        }
                    }
                }

                related[i] = [.. Best(scores, touched).Select(j => articles[j])];
                foreach (var j in touched)
                {
                    scores[j] = 0;
                }

                touched.Clear();
                return scratch;
            },
            _ => { });

        return articles.Select((a, i) => (a.Source!, related[i])).ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>The <see cref="RelatedCount"/> highest scores; articles are newest first, so the lower index wins a tie.</summary>
    private static List<int> Best(int[] scores, List<int> touched)
    {
        var best = new List<int>(RelatedCount + 1);
        foreach (var j in touched)
        {
            var at = best.Count;
            while (at > 0 && (scores[best[at - 1]] < scores[j] || (scores[best[at - 1]] == scores[j] && best[at - 1] > j)))
            {
                at--;
            }

            if (at < RelatedCount)
            {
                best.Insert(at, j);
                if (best.Count > RelatedCount)
                {
                    best.RemoveAt(RelatedCount);
                }
            }
        }

        return best;
    }
}
