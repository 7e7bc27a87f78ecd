using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Broadside.Content;

namespace Broadside.Taxonomy;

/// <summary>
/// The topics of demands.yml, and the topic a demand without one takes: the one most of the articles
/// raising it point to, by a section or a tag of the same name (<c>Housing</c>, <c>housing</c>); of
/// topics as many articles point to, the first by name. A demand none of whose articles points to a
/// topic has none, and is listed with the other demands.
/// </summary>
public sealed class DemandTopics
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    // The topic each section or tag name points to (null for none): a name is met once per article
    // that raises each of its demands, and its slug is made once.
    private readonly ConcurrentDictionary<string, string?> _byName = new(StringComparer.Ordinal);

    /// <summary>The topics of <paramref name="canonical"/>.</summary>
    public DemandTopics(IEnumerable<CanonicalDemand> canonical)
    {
        foreach (var topic in canonical.Select(d => d.Topic).Where(t => t.Length > 0))
        {
            _byKey.TryAdd(Slug.From(topic), topic);
        }
    }

    /// <summary>The topic the articles of <paramref name="entries"/> point to most; empty when none points to one.</summary>
    public string Infer(IEnumerable<DemandEntry> entries)
    {
        // The first of the votes' order: most articles, then the first name in ordinal order.
        var best = string.Empty;
        var most = 0;
        foreach (var (topic, count) in Count(entries))
        {
            if (count > most || (count == most && string.CompareOrdinal(topic, best) < 0))
            {
                (best, most) = (topic, count);
            }
        }

        return best;
    }

    /// <summary>
    /// The topics the articles of <paramref name="entries"/> point to, with how many articles point to
    /// each, most first. Each article is in the entries once, as in a demand's.
    /// </summary>
    public ImmutableArray<(string Topic, int Articles)> Votes(IEnumerable<DemandEntry> entries) =>
        [.. Count(entries).OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value))];

    // How many of the articles point to each topic, each article once to each: by its section or its tags.
    private Dictionary<string, int> Count(IEnumerable<DemandEntry> entries)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_byKey.Count == 0)
        {
            return votes;
        }

        var pointed = new List<string>(4);
        foreach (var entry in entries)
        {
            var article = entry.Article.FrontMatter;
            pointed.Clear();
            Point(article.Section);
            foreach (var tag in article.Tags)
            {
                Point(tag);
            }

            foreach (var topic in pointed)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(votes, topic, out _)++;
            }
        }

        return votes;

        void Point(string name)
        {
            if (TopicOf(name) is { } topic && !pointed.Contains(topic))
            {
                pointed.Add(topic);
            }
        }
    }

    // The topic a section or tag name points to, null for none; its slug is made once per name.
    private string? TopicOf(string name) =>
        _byName.GetOrAdd(name, static (name, byKey) => byKey.GetValueOrDefault(Slug.From(name)), _byKey);
}
