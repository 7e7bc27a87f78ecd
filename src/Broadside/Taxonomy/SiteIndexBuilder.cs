using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// <param name="articles">The published articles, newest first.</param>
    /// <param name="site">The configuration, for the sections' order and descriptions.</param>
    /// <param name="profiles">The author profiles of authors.yml.</param>
    /// <param name="canonical">The demands of demands.yml.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    /// <param name="reuse">
    /// The index of an earlier build of the same configuration and data, without a problem, and the
    /// articles changed since: what depends on the others alone is taken from it. The index comes out
    /// as a build from nothing makes it.
    /// </param>
    public static SiteIndex Build(
        ImmutableArray<Article> articles,
        SiteConfig site,
        ImmutableArray<AuthorProfile> profiles,
        ImmutableArray<CanonicalDemand> canonical,
        DiagnosticBag diagnostics,
        Reuse? reuse = null)
    {
        // The demands are gathered while the terms are grouped: each is a pass over every article.
        var prefix = site.PathPrefix;
        var demandIndex = Task.Run(() => DemandIndex.Build(articles, canonical, diagnostics, reuse, prefix));
        var changed = reuse is null ? [] : reuse.Fresh ?? [.. articles.Where(a => reuse.Changed.ContainsKey(a.Source!))];
        (ImmutableArray<Term> Terms, Dictionary<string, string> Keys) Terms(TermKind kind, Func<Article, IEnumerable<string>> names, Func<SiteIndex, IReadOnlyDictionary<string, Term>> earlier, Func<string, string> path) =>
            (reuse is null ? null : Regroup(kind, names, earlier(reuse.Index), reuse, changed, path))
            ?? Group(kind, articles.SelectMany(a => names(a).Select(n => (a, n))), path, diagnostics);

        // Tags, the most numerous terms, are grouped while the sections and authors are.
        var tagTerms = Task.Run(() => Terms(TermKind.Tag, a => a.FrontMatter.Tags, i => i.TagsByKey, slug => prefix + UrlScheme.Tag(slug)));
        var (sections, sectionKeys) = Terms(TermKind.Section, a => [site.SectionName(a.FrontMatter.Section)], i => i.SectionsByKey, slug => prefix + UrlScheme.Section(slug));
        var listed = site.Sections.Select((s, i) => (Key: TermKey.Of(s.Name), s.Description, Order: i))
            .ToDictionary(x => x.Key, x => (x.Description, x.Order), StringComparer.Ordinal);
        sections = [.. sections
            .Select(t => listed.TryGetValue(TermKey.Of(t.Name), out var l) ? Named(t, site.Sections[l.Order].Name, l.Description, t.Profile) : t)
            .OrderBy(t => listed.TryGetValue(TermKey.Of(t.Name), out var l) ? l.Order : int.MaxValue)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)];

        // A listed section is found by any of its names in the site's languages (an article in Spanish
        // may name its section in English): each other name is the key of its name in this language.
        var sectionAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var listedSection in site.Sections)
        {
            var key = TermKey.Of(listedSection.Name);
            foreach (var name in listedSection.AllNames)
            {
                if (TermKey.Of(name) is var alias && alias != key)
                {
                    sectionAliases.TryAdd(alias, key);
                }
            }
        }


        var byName = profiles.ToDictionary(p => TermKey.Of(p.Name), StringComparer.Ordinal);
        var (authors, authorKeys) = Terms(TermKind.Author, a => a.FrontMatter.Authors, i => i.AuthorsByKey, slug => prefix + UrlScheme.Author(slug));
        authors = [.. authors.Select(t => byName.TryGetValue(TermKey.Of(t.Name), out var p) ? Named(t, p.Name, t.Description, p) : t)];

        var (series, seriesKeys) = Terms(TermKind.Series, a => a.FrontMatter.Series is { } name ? [name] : [], i => i.SeriesByKey, slug => prefix + UrlScheme.Series(slug));
        var years = Years(articles, reuse?.Index.Years ?? [], prefix);
        var (tags, tagKeys) = tagTerms.GetAwaiter().GetResult();

        var (demands, demandsOf) = demandIndex.GetAwaiter().GetResult();
        var (related, relatedAgain) = Related(articles, tags, demands, reuse, changed);

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
            related,
            relatedAgain)
        {
            SectionAliases = sectionAliases,
            Series = series,
            SeriesByKey = Lookup(series, seriesKeys),
        };
    }

    // The years, newest first, each with its articles in the index's order. Articles newest first come
    // in runs of one year each, which are cut without a string per article; a year found in two runs
    // (which no order by date makes) is grouped with a dictionary instead.
    private static ImmutableArray<Term> Years(ImmutableArray<Article> articles, ImmutableArray<Term> earlier, string prefix)
    {
        var at = prefix.Length;
        var runs = new List<(string Year, int Start, int Count)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Length;)
        {
            var year = articles[i].Path.AsSpan(at, 4);
            var end = i + 1;
            while (end < articles.Length && articles[end].Path.AsSpan(at, 4).SequenceEqual(year))
            {
                end++;
            }

            var name = year.ToString();
            if (!seen.Add(name))
            {
                return [.. articles
                    .GroupBy(a => a.Path.Substring(at, 4), StringComparer.Ordinal)
                    .OrderByDescending(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Term(TermKind.Year, g.Key, g.Key, prefix + UrlScheme.Year(g.Key), [.. g]))];
            }

            runs.Add((name, i, end - i));
            i = end;
        }

        // A year that holds the very articles it held in the earlier index is its earlier term.
        Term Year((string Year, int Start, int Count) run)
        {
            var then = earlier.FirstOrDefault(t => t.Name == run.Year);
            return then is not null && then.Articles.Length == run.Count && then.Articles.AsSpan().SequenceEqual(articles.AsSpan(run.Start, run.Count), ReferenceEqualityComparer.Instance)
                ? then
                : new Term(TermKind.Year, run.Year, run.Year, prefix + UrlScheme.Year(run.Year), articles.Slice(run.Start, run.Count));
        }

        return [.. runs.OrderByDescending(r => r.Year, StringComparer.Ordinal).Select(Year)];
    }

    // A term under the name, description and profile given: itself when it has them already (a term
    // taken from an earlier index), so that what is kept by term finds it.
    private static Term Named(Term term, string name, string description, AuthorProfile? profile) =>
        term.Name == name && term.Description == description && Equals(term.Profile, profile)
            ? term
            : term with { Name = name, Description = description, Profile = profile };

    private static FrozenDictionary<string, Term> Lookup(ImmutableArray<Term> terms, Dictionary<string, string> keys)
    {
        var bySlug = terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        return keys.Where(kv => bySlug.ContainsKey(kv.Value))
            .ToFrozenDictionary(kv => kv.Key, kv => bySlug[kv.Value], StringComparer.Ordinal);
    }

    /// <summary>
    /// The terms of one kind as <see cref="Group"/> makes them from every article, made from the
    /// <paramref name="earlier"/> terms of the kind by key: those that hold no changed article, before or
    /// after the change, are the earlier terms; those that do are grouped again from their uses. Null when
    /// a term grouped again would share a page with an earlier one: <see cref="Group"/> reports it.
    /// </summary>
    private static (ImmutableArray<Term> Terms, Dictionary<string, string> Keys)? Regroup(
        TermKind kind,
        Func<Article, IEnumerable<string>> names,
        IReadOnlyDictionary<string, Term> earlier,
        Reuse reuse,
        Article[] changed,
        Func<string, string> path)
    {
        var affected = reuse.Before.Concat(changed).SelectMany(names).Select(TermKey.Of).ToHashSet(StringComparer.Ordinal);

        // The uses of those keys, in the index's order (newest first, then by file), as Group sees them.
        var uses = affected
            .SelectMany(key => earlier.TryGetValue(key, out var term) ? term.Articles.Where(a => !reuse.Changed.ContainsKey(a.Source!)) : [])
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<Article>()
            .Concat(changed)
            .OrderByDescending(a => a.FrontMatter.Date)
            .ThenBy(a => a.Source, StringComparer.Ordinal)
            .SelectMany(a => names(a).Where(n => affected.Contains(TermKey.Of(n))).Select(n => (a, n)));
        var diagnostics = new DiagnosticBag();
        var (regrouped, keys) = Group(kind, uses, path, diagnostics);
        var kept = earlier.Where(kv => !affected.Contains(kv.Key)).ToList();
        var slugs = kept.Select(kv => kv.Value.Slug).ToHashSet(StringComparer.Ordinal);
        if (diagnostics.Count > 0 || regrouped.Any(t => slugs.Contains(t.Slug)))
        {
            return null;
        }

        foreach (var (key, term) in kept)
        {
            keys[key] = term.Slug;
        }

        return ([.. kept.Select(kv => kv.Value).Concat(regrouped).OrderBy(t => t.Slug, StringComparer.Ordinal)], keys);
    }

    /// <summary>
    /// Groups <paramref name="uses"/> by <see cref="TermKey"/>; returns the terms by slug and a map
    /// from each key to its term's slug. The uses of one article come one after another.
    /// </summary>
    private static (ImmutableArray<Term> Terms, Dictionary<string, string> Keys) Group(
        TermKind kind,
        IEnumerable<(Article Article, string Name)> uses,
        Func<string, string> path,
        DiagnosticBag diagnostics)
    {
        var groups = new Dictionary<string, (List<Article> Articles, Dictionary<string, int> Spellings, string File)>(StringComparer.Ordinal);

        // A name many articles use is keyed once.
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (article, name) in uses)
        {
            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(keyOf, name, out _);
            var key = known ??= TermKey.Of(name);
            if (!groups.TryGetValue(key, out var group))
            {
                group = ([], new Dictionary<string, int>(StringComparer.Ordinal), article.Source!);
                groups[key] = group;
            }

            // An article's uses come together: it is in the group already when it is the last one added.
            if (group.Articles.Count == 0 || !string.Equals(group.Articles[^1].Source, article.Source, StringComparison.Ordinal))
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

    private static (Dictionary<string, ImmutableArray<Article>> Related, List<Article>? Again) Related(ImmutableArray<Article> articles, ImmutableArray<Term> tags, ImmutableArray<Demand> demands, Reuse? reuse, Article[] changed)
    {
        if (reuse is not null && InPlace(articles, demands, reuse, changed) is { } moved)
        {
            return RelatedInPlace(articles, reuse, moved);
        }

        // An inverted index keeps this linear in the number of shared tags and demands, not quadratic
        // in the number of articles: each tag's and demand's articles, by their places in the index
        // (ascending: terms and demands list articles in its order). A shared demand weighs more than a
        // shared tag.
        var position = new Dictionary<Article, int>(articles.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Length; i++)
        {
            position[articles[i]] = i;
        }

        var byFeature = tags.Select(t => (Articles: t.Articles.Select(a => position[a]).ToArray(), Weight: 1))
            .Concat(demands.Select(d => (Articles: d.Entries.Select(e => position[e.Article]).ToArray(), Weight: 2)))
            .ToArray();
        var features = new List<int>[articles.Length];
        for (var feature = 0; feature < byFeature.Length; feature++)
        {
            foreach (var i in byFeature[feature].Articles)
            {
                (features[i] ??= []).Add(feature);
            }
        }

        // An article that shares no tag or demand with a changed one, before or after the change, has the
        // same candidates in the same order as before, and so the same related articles.
        var related = new ImmutableArray<Article>[articles.Length];
        var affected = reuse is null ? null : Affected(articles, tags, demands, byFeature, reuse);
        for (var i = 0; affected is not null && i < articles.Length; i++)
        {
            if (!affected[i])
            {
                related[i] = reuse!.Index.RelatedTo(articles[i]);
            }
        }

        Parallel.For(
            0,
            articles.Length,
            () => (Scores: new int[articles.Length], Touched: new List<int>()),
            (i, _, scratch) =>
            {
                if (affected is { } only && !only[i])
                {
                    return scratch;
                }

                var (scores, touched) = scratch;
                foreach (var feature in features[i] ?? [])
                {
                    var (candidates, weight) = byFeature[feature];
                    var here = Array.BinarySearch(candidates, i);
                    var from = Math.Clamp(here - (CandidatesPerFeature / 2), 0, Math.Max(0, candidates.Length - CandidatesPerFeature));
                    for (var k = from; k < Math.Min(candidates.Length, from + CandidatesPerFeature); k++)
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

                Span<int> best = stackalloc int[RelatedCount];
                var count = Best(scores, touched, best);
                var found = new Article[count];
                for (var k = 0; k < count; k++)
                {
                    found[k] = articles[best[k]];
                }

                related[i] = ImmutableCollectionsMarshal.AsImmutableArray(found);
                foreach (var j in touched)
                {
                    scores[j] = 0;
                }

                touched.Clear();
                return scratch;
            },
            _ => { });

        // A plain dictionary: a build looks each article up a few times, and an edit in serve makes it again.
        var bySource = new Dictionary<string, ImmutableArray<Article>>(articles.Length, StringComparer.Ordinal);
        for (var i = 0; i < articles.Length; i++)
        {
            bySource[articles[i].Source!] = related[i];
        }

        return (bySource, affected is null ? null : [.. articles.Where((_, i) => affected[i])]);
    }

    /// <summary>
    /// The new version of each changed article, by its earlier version, when every changed article
    /// holds the place it held and raises the tags and demands it raised: then every article has the
    /// candidates it had, in the same order, and the same related articles, the changed ones being their
    /// new versions. Null otherwise (an article added, deleted, moved or filed otherwise).
    /// </summary>
    private static Dictionary<Article, Article>? InPlace(ImmutableArray<Article> articles, ImmutableArray<Demand> demands, Reuse reuse, Article[] changed)
    {
        var moved = new Dictionary<Article, Article>(ReferenceEqualityComparer.Instance);
        var before = reuse.Index.Articles;
        if (before.Length != articles.Length)
        {
            return null;
        }

        var demandsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (source, old) in reuse.Changed)
        {
            if (old is null)
            {
                return null;
            }

            demandsOf[source] = [];
        }

        // The changed articles are new objects: they are found among the demands' by reference, without
        // reading every article the demands hold.
        foreach (var demand in demands)
        {
            foreach (var entry in demand.Entries)
            {
                if (IndexOf(changed, entry.Article) is var at and >= 0)
                {
                    demandsOf[changed[at].Source!].Add(demand.Path);
                }
            }
        }

        var found = 0;
        for (var i = 0; i < articles.Length && found < reuse.Changed.Count; i++)
        {
            var (now, then) = (articles[i], before[i]);
            if (ReferenceEquals(now, then))
            {
                continue;
            }

            if (now.Source != then.Source || !reuse.Changed.ContainsKey(now.Source!)
                || !now.FrontMatter.Tags.Select(TermKey.Of).SequenceEqual(then.FrontMatter.Tags.Select(TermKey.Of))
                || !demandsOf[now.Source!].Order(StringComparer.Ordinal).SequenceEqual(reuse.Index.DemandsOf(then).Select(d => d.Demand.Path).Order(StringComparer.Ordinal)))
            {
                return null;
            }

            moved[then] = now;
            found++;
        }

        return found == reuse.Changed.Count ? moved : null;
    }

    // The earlier index's related articles, with the new versions of the changed ones (InPlace).
    private static (Dictionary<string, ImmutableArray<Article>> Related, List<Article> Again) RelatedInPlace(ImmutableArray<Article> articles, Reuse reuse, Dictionary<Article, Article> moved)
    {
        var earlier = reuse.Index.RelatedBySource;
        var bySource = new Dictionary<string, ImmutableArray<Article>>(earlier, StringComparer.Ordinal);
        var sources = new HashSet<string>(reuse.Changed.Keys, StringComparer.Ordinal);
        var olds = moved.Keys.ToArray();
        foreach (var (source, related) in earlier)
        {
            if (Holds(related, olds))
            {
                bySource[source] = [.. related.Select(a => moved.GetValueOrDefault(a, a))];
                sources.Add(source);
            }
        }

        return (bySource, [.. articles.Where(a => sources.Contains(a.Source!))]);
    }

    // Whether some of articles is one of few, by reference: the articles are not read.
    private static bool Holds(ImmutableArray<Article> articles, Article[] few)
    {
        foreach (var article in articles)
        {
            if (IndexOf(few, article) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // Where article is in few, by reference: Array.IndexOf would compare articles as records, field by field.
    private static int IndexOf(Article[] few, Article article)
    {
        for (var i = 0; i < few.Length; i++)
        {
            if (ReferenceEquals(few[i], article))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The articles whose related articles may differ from <paramref name="reuse"/>'s: the changed ones,
    /// and those that share a tag or demand with one, before or after the change.
    /// </summary>
    private static bool[] Affected(ImmutableArray<Article> articles, ImmutableArray<Term> tags, ImmutableArray<Demand> demands, (int[] Articles, int Weight)[] byFeature, Reuse reuse)
    {
        // Before: the old versions' tags and demands. After: the tags and demands that hold a changed article.
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in reuse.Before)
        {
            paths.UnionWith(old.FrontMatter.Tags.Select(reuse.Index.Tag).OfType<Term>().Select(t => t.Path));
            paths.UnionWith(reuse.Index.DemandsOf(old).Select(d => d.Demand.Path));
        }

        var changed = new bool[articles.Length];
        for (var i = 0; i < articles.Length; i++)
        {
            changed[i] = reuse.Changed.ContainsKey(articles[i].Source!);
        }

        var featurePaths = tags.Select(t => t.Path).Concat(demands.Select(d => d.Path)).ToArray();
        var affected = (bool[])changed.Clone();
        for (var feature = 0; feature < byFeature.Length; feature++)
        {
            var members = byFeature[feature].Articles;
            if (paths.Contains(featurePaths[feature]) || members.Any(i => changed[i]))
            {
                foreach (var i in members)
                {
                    affected[i] = true;
                }
            }
        }

        return affected;
    }

    /// <summary>
    /// Puts the <see cref="RelatedCount"/> highest scores of <paramref name="touched"/> in <paramref name="best"/>,
    /// highest first, and returns how many there are; articles are newest first, so the lower index wins a tie.
    /// </summary>
    private static int Best(int[] scores, List<int> touched, Span<int> best)
    {
        var count = 0;
        foreach (var j in CollectionsMarshal.AsSpan(touched))
        {
            var score = scores[j];
            bool Beats(int other) => scores[other] < score || (scores[other] == score && other > j);
            if (count == best.Length && !Beats(best[^1]))
            {
                continue;
            }

            // The last place is free, or taken by one j beats; j moves up past every other it beats.
            var at = Math.Min(count, best.Length - 1);
            while (at > 0 && Beats(best[at - 1]))
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = j;
            count = Math.Min(count + 1, best.Length);
        }

        return count;
    }

    /// <summary>An earlier index to build from (<see cref="Build"/>).</summary>
    /// <param name="Index">The earlier index, of a build without a problem, with the same configuration and data.</param>
    /// <param name="Changed">
    /// The articles that changed since, by source file, as the earlier index holds them: null for an
    /// article added since; one deleted since is in the earlier index only. Every other article is the
    /// same object in both.
    /// </param>
    /// <param name="Fresh">
    /// The changed articles as <see cref="Build"/> is given them, in its order, when the caller knows them;
    /// otherwise they are found by <paramref name="Changed"/>'s files.
    /// </param>
    public sealed record Reuse(SiteIndex Index, IReadOnlyDictionary<string, Article?> Changed, Article[]? Fresh = null)
    {
        /// <summary>The earlier versions of the changed articles that the earlier index holds.</summary>
        public IEnumerable<Article> Before => Changed.Values.OfType<Article>();
    }
}
