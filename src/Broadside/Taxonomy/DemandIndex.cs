using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// An earlier index of the same catalog, built without a problem, and the articles changed since: the
    /// demands none of them raises, before or after, are taken from it (<see cref="Regroup"/>).
    /// </param>
    /// <param name="prefix">The path of the language's pages below the site root (<c>es/</c>); empty for the default language, whose index alone reports problems of demands.yml.</param>
    public static (ImmutableArray<Demand> Demands, Dictionary<string, ImmutableArray<(Demand Demand, string Wording)>> ByArticle) Build(
        ImmutableArray<Article> articles,
        ImmutableArray<CanonicalDemand> canonical,
        DiagnosticBag diagnostics,
        SiteIndexBuilder.Reuse? reuse = null,
        string prefix = "")
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

        // An alias written out in full also matches by its headline, after every full wording.
        foreach (var demand in canonical)
        {
            foreach (var key in demand.Aliases.Select(alias => DemandText.Normalize(DemandHeadline.Split(alias).Headline)).Where(key => key.Length > 0))
            {
                byWording.TryAdd(key, demand);
            }
        }

        var context = new MakeContext(canonical, articles) { Prefix = prefix };
        if (prefix.Length == 0)
        {
            ReportWonArticles(canonical, context, diagnostics);
        }

        if (reuse is not null && Regroup(articles, byId, byWording, reuse, context) is { } regrouped)
        {
            return regrouped;
        }

        // Wordings are normalised in parallel, then grouped in the index's order.
        var resolutions = new (string Key, string Wording, CanonicalDemand? Canonical)?[articles.Length][];
        var joined = new ConcurrentDictionary<string, (string Key, CanonicalDemand? Canonical)?>(StringComparer.Ordinal);
        Parallel.For(0, articles.Length, i => resolutions[i] = [.. articles[i].FrontMatter.Demands.Select(r => Resolve(r, articles[i], byId, byWording, diagnostics, joined))]);
        var (groups, perArticle) = Gather(articles, resolutions, only: null);
        var demands = new Dictionary<string, Demand>(StringComparer.Ordinal);
        var bySlug = new Dictionary<string, Group>(StringComparer.Ordinal);
        // Each demand is made from its own articles, side by side; they are judged one by one, in order.
        var ordered = groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var made = new (Demand Demand, string Slug, string Text)[ordered.Length];
        Parallel.For(0, ordered.Length, i => made[i] = Make(ordered[i], context));
        for (var i = 0; i < ordered.Length; i++)
        {
            var group = ordered[i];
            var (demand, slug, text) = made[i];
            if (slug.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSlug, $"the demand '{text}' has no letters or digits to make its page's URL from: use words", group.File);
                continue;
            }

            if (UrlScheme.DemandOrders.Contains(slug))
            {
                var (line, column) = Where(group);
                diagnostics.Error(
                    DiagnosticCodes.PathReserved,
                    $"the demand '{text}' would be published at /{context.Prefix}{UrlScheme.Demand(slug)}, where the demands index shows its '{slug}' order: word it otherwise, or join it to a demand of demands.yml with an id of its own",
                    group.File,
                    line,
                    column);
                continue;
            }

            if (bySlug.TryGetValue(slug, out var other))
            {
                var otherText = other.Canonical?.Text ?? other.Entries[0].Wording;
                diagnostics.Error(
                    DiagnosticCodes.UrlCollision,
                    $"the demand '{text}' (here) and the demand '{otherText}' (in '{other.File}') would share the page /{context.Prefix}{UrlScheme.Demand(slug)}: word them alike, or join them in demands.yml",
                    group.File);
                continue;
            }

            bySlug[slug] = group;
            demands[group.Key] = demand;
        }

        var byArticle = new Dictionary<string, ImmutableArray<(Demand Demand, string Wording)>>(articles.Length, StringComparer.Ordinal);
        foreach (var (article, keys) in perArticle)
        {
            byArticle[article.Source!] = Raised(keys, demands);
        }

        return (Ordered(demands.Values), byArticle);
    }

    /// <summary>
    /// The demands as <see cref="Build"/> makes them from every article, made from an earlier index: the
    /// demands no changed article raises, before or after the change, are the earlier ones; the others
    /// are gathered again from the articles that raise them. Null when a changed article's demand has a
    /// problem, or one gathered again would share a page with an earlier one: a full build reports it.
    /// </summary>
    private static (ImmutableArray<Demand>, Dictionary<string, ImmutableArray<(Demand Demand, string Wording)>>)? Regroup(
        ImmutableArray<Article> articles,
        Dictionary<string, CanonicalDemand> byId,
        Dictionary<string, CanonicalDemand> byWording,
        SiteIndexBuilder.Reuse reuse,
        MakeContext context)
    {
        var earlier = reuse.Index;
        var problems = new DiagnosticBag();
        var changed = new Dictionary<Article, (string Key, string Wording, CanonicalDemand? Canonical)?[]>(ReferenceEqualityComparer.Instance);
        foreach (var article in reuse.Fresh ?? articles.Where(a => reuse.Changed.ContainsKey(a.Source!)))
        {
            changed[article] = [.. article.FrontMatter.Demands.Select(r => Resolve(r, article, byId, byWording, problems))];
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var affected = reuse.Before.SelectMany(a => earlier.DemandsOf(a)).Select(d => d.Demand.Key)
            .Concat(changed.Values.SelectMany(r => r).Select(r => r!.Value.Key))
            .Concat(byId.Values.Where(c => ReportSource(c) is { } report && reuse.Changed.ContainsKey(report)).Select(c => "id:" + c.Id))
            .ToHashSet(StringComparer.Ordinal);
        var earlierByKey = earlier.Demands.ToDictionary(d => d.Key, StringComparer.Ordinal);

        // The articles that raise an affected demand, in the index's order, and what each raises.
        var raising = affected
            .SelectMany(key => earlierByKey.TryGetValue(key, out var demand) ? demand.Entries.Select(e => e.Article).Where(a => !reuse.Changed.ContainsKey(a.Source!)) : [])
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<Article>()
            .Concat(changed.Keys)
            .OrderByDescending(a => a.FrontMatter.Date)
            .ThenBy(a => a.Source, StringComparer.Ordinal)
            .ToImmutableArray();
        var resolutions = raising.Select(a => changed.TryGetValue(a, out var resolved)
            ? resolved
            : [.. earlier.DemandsOf(a).Select(d => ((string Key, string Wording, CanonicalDemand? Canonical)?)(d.Demand.Key, d.Wording, d.Demand.Id.Length > 0 ? byId[d.Demand.Id] : null))]).ToArray();
        var (groups, perArticle) = Gather(raising, resolutions, affected);

        var demands = earlierByKey.Where(kv => !affected.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var slugs = demands.Values.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups.Values)
        {
            var (demand, slug, _) = Make(group, context);
            if (slug.Length == 0 || UrlScheme.DemandOrders.Contains(slug) || !slugs.Add(slug))
            {
                return null;
            }

            demands[group.Key] = demand;
        }

        var byArticle = new Dictionary<string, ImmutableArray<(Demand Demand, string Wording)>>(earlier.DemandsByArticle, StringComparer.Ordinal);
        foreach (var gone in reuse.Changed.Keys.Where(source => !changed.Keys.Any(a => a.Source == source)))
        {
            byArticle.Remove(gone);
        }

        foreach (var (article, keys) in perArticle)
        {
            byArticle[article.Source!] = Raised(keys, demands);
        }

        return (Ordered(demands.Values), byArticle);
    }

    /// <summary>
    /// Groups the resolved wordings of <paramref name="articles"/> (newest first) by key, the demands of
    /// <paramref name="only"/> when given; and what each article raises, each key once, in its order.
    /// </summary>
    private static (Dictionary<string, Group> Groups, List<(Article Article, List<(string Key, string Wording)> Keys)> PerArticle) Gather(
        ImmutableArray<Article> articles,
        (string Key, string Wording, CanonicalDemand? Canonical)?[][] resolutions,
        HashSet<string>? only)
    {
        // Group key: "id:<id>" for canonical demands, "text:<normalised wording>" for the others.
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var perArticle = new List<(Article Article, List<(string Key, string Wording)> Keys)>(articles.Length);
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
                if (only is not null && !only.Contains(r.Key))
                {
                    continue;
                }

                if (!groups.TryGetValue(r.Key, out var group))
                {
                    groups[r.Key] = group = new Group(r.Key, r.Canonical, article.Source!);
                }

                group.Entries.Add(new DemandEntry(article, r.Wording));
            }

            perArticle.Add((article, keys));
        }

        return (groups, perArticle);
    }

    /// <summary>The demand of <paramref name="group"/>, with its slug and text; an empty slug is a problem the caller reports.</summary>
    private static (Demand Demand, string Slug, string Text) Make(Group group, MakeContext context)
    {
        // Each wording is split once, however many articles use it.
        var wordings = Counted(group.Entries.Select(e => (e.Wording, 1)));
        var split = wordings.Select(w => (Parts: DemandHeadline.Split(w.Wording), w.Count)).ToList();
        var headlines = Counted(split.Select(s => (s.Parts.Headline, s.Count)));
        var slug = group.Canonical?.Id ?? Slug.From(group.Key["text:".Length..]);
        var text = group.Canonical?.Text ?? headlines[0].Wording;

        // A canonical demand is explained by demands.yml alone (one article's explanation may be of one
        // city or one fight); a demand of its own, by the explanation most of the articles giving one gave.
        var explanation = group.Canonical is { } canonicalDemand
            ? canonicalDemand.Explanation
            : Counted(split.Where(s => s.Parts.Explanation.Length > 0).Select(s => (s.Parts.Explanation, s.Count))).FirstOrDefault().Wording ?? string.Empty;
        var (topic, inferred) = group.Canonical?.Topic is { Length: > 0 } given ? (given, false) : (context.Topics.Infer(group.Entries), true);
        var demand = new Demand(slug, group.Canonical?.Id ?? string.Empty, text, topic, context.Prefix + UrlScheme.Demand(slug), [.. group.Entries])
        {
            Key = group.Key,
            Wordings = wordings,
            Headlines = headlines,
            Explanation = explanation,
            TopicInferred = inferred && topic.Length > 0,
            Won = group.Canonical?.Won,
            WonArticle = group.Canonical is { } known ? context.Report(known) : null,
            Sections = [.. group.Entries.GroupBy(e => e.Article.FrontMatter.Section, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.First().Article.FrontMatter.Section)],
        };
        return (demand, slug, text);
    }

    // The texts with how often each occurs in all, most often first, then in ordinal order.
    private static ImmutableArray<(string Wording, int Count)> Counted(IEnumerable<(string Text, int Count)> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, count) in texts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, text, out _) += count;
        }

        return [.. counts.Select(c => (Wording: c.Key, Count: c.Value)).OrderByDescending(w => w.Count).ThenBy(w => w.Wording, StringComparer.Ordinal)];
    }

    // A victory's report that names no published article: the victory is shown without it.
    private static void ReportWonArticles(ImmutableArray<CanonicalDemand> canonical, MakeContext context, DiagnosticBag diagnostics)
    {
        foreach (var demand in canonical.Where(d => d.WonArticle is not null && context.Report(d) is null))
        {
            diagnostics.Warning(
                DiagnosticCodes.UnknownWonArticle,
                $"won_article '{demand.WonArticle}' of the demand '{demand.Id}' is no published article: name its file below the input folder, such as articles/2026/council-passes-ordinance.md; the victory is shown without its report",
                demand.File,
                demand.WonArticleLine);
        }

        foreach (var demand in canonical.Where(d => d.WonArticle is not null && d.Won is null))
        {
            diagnostics.Warning(
                DiagnosticCodes.UnknownWonArticle,
                $"the demand '{demand.Id}' names the article of its victory but not its day: add 'won: YYYY-MM-DD'",
                demand.File,
                demand.WonArticleLine);
        }
    }

    /// <summary>What making a demand looks up beyond its articles: the topics of demands.yml, and the articles by source.</summary>
    private sealed class MakeContext(ImmutableArray<CanonicalDemand> canonical, ImmutableArray<Article> articles)
    {
        private readonly Lazy<Dictionary<string, Article>> _bySource = new(() =>
            articles.Where(a => a.Source is not null).DistinctBy(a => a.Source).ToDictionary(a => a.Source!, StringComparer.Ordinal));

        public DemandTopics Topics { get; } = new(canonical);

        /// <summary>The path of the language's pages below the site root.</summary>
        public string Prefix { get; init; } = string.Empty;

        /// <summary>The published article that reports the victory of <paramref name="demand"/>, or null.</summary>
        public Article? Report(CanonicalDemand demand) => ReportSource(demand) is { } source ? _bySource.Value.GetValueOrDefault(source) : null;
    }

    // The source, as articles' sources are written (input/articles/…), of the article won_article names:
    // the file below the folder demands.yml is in.
    private static string? ReportSource(CanonicalDemand demand)
    {
        if (demand.WonArticle is not { } path)
        {
            return null;
        }

        var folder = demand.File.LastIndexOf('/');
        return folder < 0 ? path : demand.File[..(folder + 1)] + path;
    }

    // Where the group's first wording is written: its line and column in the newest article raising it.
    private static (int Line, int Column) Where(Group group)
    {
        var entry = group.Entries[0];
        var reference = entry.Reference(group.Canonical?.Id);
        return (reference?.Line ?? 0, reference?.Column ?? 0);
    }

    private static ImmutableArray<(Demand Demand, string Wording)> Raised(List<(string Key, string Wording)> keys, Dictionary<string, Demand> demands) =>
        [.. keys.Where(k => demands.ContainsKey(k.Key)).Select(k => (demands[k.Key], k.Wording))];

    private static ImmutableArray<Demand> Ordered(IEnumerable<Demand> demands) =>
        [.. demands.OrderByDescending(d => d.Count).ThenByDescending(d => d.Last).ThenBy(d => d.Slug, StringComparer.Ordinal)];

    private static (string Key, string Wording, CanonicalDemand? Canonical)? Resolve(
        DemandReference reference,
        Article article,
        Dictionary<string, CanonicalDemand> byId,
        Dictionary<string, CanonicalDemand> byWording,
        DiagnosticBag diagnostics,
        ConcurrentDictionary<string, (string Key, CanonicalDemand? Canonical)?>? joined = null)
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

        // A wording used by many articles is looked up once.
        var text = reference.Text!;
        var key = joined is null ? Join(text, byWording) : joined.GetOrAdd(text, Join, byWording);
        if (key is not { } found)
        {
            diagnostics.Error(DiagnosticCodes.EmptyValue, "this demand has no words: write it out, or remove the line", article.Source, reference.Line, reference.Column);
            return null;
        }

        return (found.Key, text, found.Canonical);
    }

    // The group of a wording: a canonical demand it names by its whole text or by its headline, else its
    // headline (or its whole text, when it has none); null for a wording without words.
    private static (string Key, CanonicalDemand? Canonical)? Join(string text, Dictionary<string, CanonicalDemand> byWording)
    {
        var normalized = DemandText.Normalize(text);
        if (byWording.TryGetValue(normalized, out var canonical))
        {
            return ("id:" + canonical.Id, canonical);
        }

        if (normalized.Length == 0)
        {
            return null;
        }

        var headline = DemandText.Normalize(DemandHeadline.Split(text).Headline);
        if (headline.Length > 0 && byWording.TryGetValue(headline, out canonical))
        {
            return ("id:" + canonical.Id, canonical);
        }

        return ("text:" + (headline.Length > 0 ? headline : normalized), null);
    }

    private sealed class Group(string key, CanonicalDemand? canonical, string file)
    {
        public string Key { get; } = key;

        public CanonicalDemand? Canonical { get; } = canonical;

        public string File { get; } = file;

        public List<DemandEntry> Entries { get; } = [];
    }
}
