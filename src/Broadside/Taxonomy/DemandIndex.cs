using System.Collections.Frozen;
using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Taxonomy;

/// <summary>
/// Gathers the demands of every article: a wording joins a canonical demand of demands.yml when it
/// or one of the aliases matches after <see cref="DemandText.Normalize"/>; other wordings that
/// normalise alike are one demand of their own.
/// </summary>
public static class DemandIndex
{
    /// <summary>Builds the demands of <paramref name="articles"/> (newest first) and each article's resolved demands.</summary>
    /// <param name="articles">The published articles, newest first.</param>
    /// <param name="canonical">The demands of demands.yml.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    /// <param name="reuse">
    /// An earlier index of the same catalog, built without a problem, and the articles (by source file)
    /// changed since: the others' wordings are resolved as they were then.
    /// </param>
    public static (ImmutableArray<Demand> Demands, FrozenDictionary<string, ImmutableArray<(Demand Demand, string Wording)>> ByArticle) Build(
        ImmutableArray<Article> articles,
        ImmutableArray<CanonicalDemand> canonical,
        DiagnosticBag diagnostics,
        SiteIndexBuilder.Reuse? reuse = null)
    {
        var byId = canonical.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var byWording = new Dictionary<string, CanonicalDemand>(StringComparer.Ordinal);
        foreach (var demand in canonical)
        {
            foreach (var wording in demand.Aliases.Prepend(demand.Text))
            {
                byWording.TryAdd(DemandText.Normalize(wording), demand);
            }
        }

        // Group key: "id:<id>" for canonical demands, "text:<normalised wording>" for the others.
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var perArticle = new List<(Article Article, List<(string Key, string Wording)> Keys)>();

        // Wordings are normalised in parallel, then grouped in the index's order.
        var resolutions = new (string Key, string Wording, CanonicalDemand? Canonical)?[articles.Length][];
        Parallel.For(0, articles.Length, i => resolutions[i] = reuse is { } earlier && !earlier.Changed.ContainsKey(articles[i].Source!)
            ? [.. earlier.Index.DemandsOf(articles[i]).Select(d => ((string Key, string Wording, CanonicalDemand? Canonical)?)(d.Demand.Key, d.Wording, d.Demand.Id.Length > 0 ? byId[d.Demand.Id] : null))]
            : [.. articles[i].FrontMatter.Demands.Select(r => Resolve(r, articles[i], byId, byWording, diagnostics))]);
        for (var i = 0; i < articles.Length; i++)
        {
            var article = articles[i];
            var keys = new List<(string Key, string Wording)>();
            foreach (var resolved in resolutions[i])
            {
                if (resolved is not { } r || keys.Exists(k => k.Key == r.Key))
                {
                    continue;
                }

                keys.Add((r.Key, r.Wording));
                if (!groups.TryGetValue(r.Key, out var group))
                {
                    groups[r.Key] = group = new Group(r.Key, r.Canonical, article.Source!);
                }

                group.Entries.Add(new DemandEntry(article, r.Wording));
            }

            perArticle.Add((article, keys));
        }

        var demands = new Dictionary<string, Demand>(StringComparer.Ordinal);
        var bySlug = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var group in groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wordings = group.Entries.GroupBy(e => e.Wording, StringComparer.Ordinal)
                .Select(g => (Wording: g.Key, Count: g.Count()))
                .OrderByDescending(w => w.Count).ThenBy(w => w.Wording, StringComparer.Ordinal)
                .ToImmutableArray();
            var slug = group.Canonical?.Id ?? Slug.From(group.Key["text:".Length..]);
            var text = group.Canonical?.Text ?? wordings[0].Wording;
            if (slug.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSlug, $"the demand '{text}' has no letters or digits to make its page's URL from: use words", group.File);
                continue;
            }

            if (bySlug.TryGetValue(slug, out var other))
            {
                var otherText = other.Canonical?.Text ?? other.Entries[0].Wording;
                diagnostics.Error(
                    DiagnosticCodes.UrlCollision,
                    $"the demand '{text}' (here) and the demand '{otherText}' (in '{other.File}') would share the page /{UrlScheme.Demand(slug)}: word them alike, or join them in demands.yml",
                    group.File);
                continue;
            }

            bySlug[slug] = group;
            demands[group.Key] = new Demand(slug, group.Canonical?.Id ?? string.Empty, text, group.Canonical?.Topic ?? string.Empty, UrlScheme.Demand(slug), [.. group.Entries])
            {
                Key = group.Key,
                Wordings = wordings,
                Sections = [.. group.Entries.GroupBy(e => e.Article.FrontMatter.Section, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.First().Article.FrontMatter.Section)],
            };
        }

        var byArticle = perArticle.ToFrozenDictionary(
            x => x.Article.Source!,
            x => x.Keys.Where(k => demands.ContainsKey(k.Key)).Select(k => (demands[k.Key], k.Wording)).ToImmutableArray(),
            StringComparer.Ordinal);
        var ordered = demands.Values
            .OrderByDescending(d => d.Count)
            .ThenByDescending(d => d.Last)
            .ThenBy(d => d.Slug, StringComparer.Ordinal)
            .ToImmutableArray();
        return (ordered, byArticle);
    }

    private static (string Key, string Wording, CanonicalDemand? Canonical)? Resolve(
        DemandReference reference,
        Article article,
        Dictionary<string, CanonicalDemand> byId,
        Dictionary<string, CanonicalDemand> byWording,
        DiagnosticBag diagnostics)
    {
        if (reference.Id is { } id)
        {
            if (byId.TryGetValue(id, out var demand))
            {
                return ("id:" + demand.Id, demand.Text, demand);
            }

            var near = NearestName.Find(id, byId.Keys) is { } n ? $" Did you mean '{n}'?" : string.Empty;
            diagnostics.Error(
                DiagnosticCodes.UnknownDemandId,
                $"there is no demand with id '{id}' in demands.yml: add it there, or write the demand's words instead.{near}",
                article.Source,
                reference.Line,
                reference.Column);
            return null;
        }

        var text = reference.Text!;
        var normalized = DemandText.Normalize(text);
        if (byWording.TryGetValue(normalized, out var canonical))
        {
            return ("id:" + canonical.Id, text, canonical);
        }

        if (normalized.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, "this demand has no words: write it out, or remove the line", article.Source, reference.Line, reference.Column);
            return null;
        }

        return ("text:" + normalized, text, null);
    }

    private sealed class Group(string key, CanonicalDemand? canonical, string file)
    {
        public string Key { get; } = key;

        public CanonicalDemand? Canonical { get; } = canonical;

        public string File { get; } = file;

        public List<DemandEntry> Entries { get; } = [];
    }
}
