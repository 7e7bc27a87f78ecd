using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    public string Infer(IEnumerable<DemandEntry> entries) => Votes(entries).FirstOrDefault().Topic ?? string.Empty;

    /// <summary>
    /// The topics the articles of <paramref name="entries"/> point to, with how many articles point to
    /// each, most first. Each article is in the entries once, as in a demand's.
    /// </summary>
    public ImmutableArray<(string Topic, int Articles)> Votes(IEnumerable<DemandEntry> entries)
    {
        if (_byKey.Count == 0)
        {
            return [];
        }

        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in entries.Select(e => e.Article))
        {
            var pointed = article.FrontMatter.Tags.Prepend(article.FrontMatter.Section)
                .Select(name => _byName.GetOrAdd(name, static (name, byKey) => byKey.GetValueOrDefault(Slug.From(name)), _byKey))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
            foreach (var topic in pointed)
            {
                votes[topic] = votes.GetValueOrDefault(topic) + 1;
            }
        }

        return [.. votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value))];
    }
}
