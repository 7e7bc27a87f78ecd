using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Taxonomy;

namespace Broadside.Modules;

/// <summary>
/// Warns about a demand worded almost, but not quite, like another (<c>Rent contrl now!</c> beside
/// <c>Rent control now!</c>): most often a typo that splits one demand into two on the index. It names
/// the wording to use, and the canonical demand's id when there is one.
/// </summary>
public sealed class CheckDemandWording(string indexPipeline) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var demands = IndexDocument.In(context, indexPipeline).Index.Demands;

        // Every wording a demand is known by: canonical demands' text and aliases, other demands' own.
        var known = demands
            .SelectMany(d => d.Wordings.Select(w => w.Wording).Append(d.Text).Select(w => (Key: DemandText.Normalize(w), Demand: d)))
            .DistinctBy(x => x.Key)
            .ToList();

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

            if (near is null)
            {
                continue;
            }

            // Of two demands of their own worded almost alike, only the one raised less often (or, as
            // often, the later by slug) is reported, so the advice points one way.
            var keepsThis = demand.Count > near.Count || (demand.Count == near.Count && string.CompareOrdinal(demand.Slug, near.Slug) < 0);
            if (near.Id.Length == 0 && keepsThis)
            {
                continue;
            }

            foreach (var entry in demand.Entries)
            {
                var reference = entry.Article.FrontMatter.Demands.FirstOrDefault(r => r.Text == entry.Wording);
                var fix = near.Id.Length > 0
                    ? $"write '- id: {near.Id}', or add this wording to its aliases in demands.yml if it is the same demand"
                    : $"use the same words if it is the same demand";
                context.Diagnostics.Warning(
                    DiagnosticCodes.SimilarDemand,
                    $"the demand '{entry.Wording}' is worded almost like '{near.Text}': {fix}",
                    entry.Article.Source,
                    reference?.Line ?? 0,
                    reference?.Column ?? 0);
            }
        }

        return inputs;
    }

    // A slip of a letter or two in a short demand, a few more in a long one; never so many that
    // different demands ("Free buses" and "Free nurses") look alike.
    private static int Tolerance(string key) => Math.Clamp(key.Length / 12, 1, 3);
}
