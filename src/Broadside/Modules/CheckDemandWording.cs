using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Taxonomy;

namespace Broadside.Modules;

/// <summary>
/// The checks of demands that <c>check</c> adds to a build's:
/// <list type="bullet">
/// <item>a demand worded almost, but not quite, like another (<c>Rent contrl now!</c> beside <c>Rent
/// control now!</c>), most often a typo that splits one demand in two (BS0502);</item>
/// <item>a demand whose headline contains another's wording, starts with it, or shares most of its
/// words (<c>Abolish ICE and put the deportation machine's budget toward housing!</c> beside <c>Abolish
/// ICE!</c>), most often the same demand written out at length (BS0508);</item>
/// <item>and, as notes for <c>check --verbose</c>, the topic each demand without one took from its articles (BS0509).</item>
/// </list>
/// Each names the wording to use, and the canonical demand's id when there is one. Of two demands of
/// their own that look alike, only the one raised less often is reported, so the advice points one way.
/// </summary>
public sealed class CheckDemandWording(string indexPipeline, string dataPipeline) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var index = IndexDocument.In(context, indexPipeline).Index;
        var demands = index.Demands;
        var canonical = context.OutputsOf<DemandCatalogDocument>(dataPipeline).SelectMany(d => d.Demands).ToImmutableArray();
        var topics = new DemandTopics(canonical);

        // Every wording a demand is known by: canonical demands' text and aliases, other demands' headlines and wordings.
        var known = demands
            .SelectMany(d => d.Wordings.Select(w => w.Wording).Concat(d.Headlines.Select(h => h.Wording)).Append(d.Text).Select(w => (Key: DemandText.Normalize(w), Demand: d)))
            .Concat(canonical.SelectMany(c => c.Aliases.Select(a => (Key: DemandText.Normalize(a), Demand: demands.FirstOrDefault(d => d.Id == c.Id)!))).Where(k => k.Demand is not null))
            .DistinctBy(x => x.Key)
            .ToList();
        var wordings = known.Select(k => (k.Key, k.Demand, Words: DemandWords.Of(k.Key))).ToList();

        foreach (var demand in demands.Where(d => d.Id.Length == 0))
        {
            var key = DemandText.Normalize(demand.Text);
            var near = known
                .Where(k => !ReferenceEquals(k.Demand, demand))
                .Select(k => (k.Demand, Distance: NearestName.Distance(key, k.Key)))
                .Where(k => k.Distance > 0 && k.Distance <= Tolerance(key))
                .OrderBy(k => k.Distance).ThenByDescending(k => k.Demand.Count).ThenBy(k => k.Demand.Slug, StringComparer.Ordinal)
                .Select(k => k.Demand)
                .FirstOrDefault();
            if (near is not null)
            {
                if (PointsThisWay(demand, near))
                {
                    Report(context, demand, DiagnosticCodes.SimilarDemand, entry => near.Id.Length > 0
                        ? $"the demand '{entry}' is worded almost like '{near.Text}': write '- id: {near.Id}', or add this wording to its aliases in demands.yml if it is the same demand"
                        : $"the demand '{entry}' is worded almost like '{near.Text}': use the same words if it is the same demand");
                }

                continue;
            }

            var words = DemandWords.Of(key);
            // Related either way (the longer contains the shorter), among the demands the advice may point to.
            var relative = wordings
                .Where(k => !ReferenceEquals(k.Demand, demand) && PointsThisWay(demand, k.Demand))
                .Select(k => (k.Demand, Score: Math.Max(DemandWords.Relation(words, k.Words), DemandWords.Relation(k.Words, words))))
                .Where(k => k.Score > 0)
                .OrderByDescending(k => k.Score).ThenByDescending(k => k.Demand.Id.Length > 0).ThenByDescending(k => k.Demand.Count).ThenBy(k => k.Demand.Slug, StringComparer.Ordinal)
                .Select(k => k.Demand)
                .FirstOrDefault();
            if (relative is not null)
            {
                Report(context, demand, DiagnosticCodes.RelatedDemand, _ => relative.Id.Length > 0
                    ? $"the demand '{demand.Text}' looks like the demand '{relative.Id}' (\"{relative.Text}\") of demands.yml: if it is the same demand, write '- id: {relative.Id}', or add \"{demand.Text}\" to its aliases in demands.yml"
                    : $"the demand '{demand.Text}' looks like '{relative.Text}' (raised in {Articles(relative.Count)}): if it is the same demand, begin both with the same sentence, or join them in demands.yml under one id with the other as an alias");
            }
        }

        foreach (var demand in demands.Where(d => d.TopicInferred))
        {
            var votes = topics.Votes(demand.Entries).First();
            var newest = demand.Entries[0];
            var reference = newest.Reference(demand.Id);
            context.Diagnostics.Note(
                DiagnosticCodes.DemandTopicInferred,
                $"the demand '{demand.Text}' is listed under the topic {demand.Topic}: {Pointing(votes.Articles, demand.Count)} in a section or tagged with that name; give it a topic in demands.yml to list it elsewhere",
                newest.Article.Source,
                reference?.Line ?? 0,
                reference?.Column ?? 0);
        }

        return inputs;
    }

    // Of two demands of their own alike, the one raised less often (or, as often, the later by slug) is
    // reported; a demand like a canonical one always is.
    private static bool PointsThisWay(Demand demand, Demand other) =>
        other.Id.Length > 0 || demand.Count < other.Count || (demand.Count == other.Count && string.CompareOrdinal(demand.Slug, other.Slug) > 0);

    // One warning at each article's wording of the demand.
    private static void Report(PipelineContext context, Demand demand, string code, Func<string, string> message)
    {
        foreach (var entry in demand.Entries)
        {
            var reference = entry.Reference(demand.Id);
            context.Diagnostics.Warning(code, message(entry.Wording), entry.Article.Source, reference?.Line ?? 0, reference?.Column ?? 0);
        }
    }

    private static string Articles(int count) => count == 1 ? "1 article" : $"{count} articles";

    private static string Pointing(int pointing, int count) => (pointing, count) switch
    {
        (1, 1) => "the one article raising it is",
        _ when pointing == count => $"all {count} articles raising it are",
        (1, _) => $"1 of the {count} articles raising it is",
        _ => $"{pointing} of the {count} articles raising it are",
    };

    // A slip of a letter or two in a short demand, a few more in a long one; never so many that
    // different demands ("Free buses" and "Free nurses") look alike.
    private static int Tolerance(string key) => Math.Clamp(key.Length / 12, 1, 3);
}
