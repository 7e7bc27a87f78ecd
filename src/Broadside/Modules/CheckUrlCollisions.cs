using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Reports two documents that would be written to the same place, naming both files. URLs are
/// compared without regard to case, because some file systems and hosts ignore it.
/// </summary>
public sealed class CheckUrlCollisions : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var groups = context.AllOutputs
            .Where(d => d.Destination is not null)
            .GroupBy(d => d.Destination!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var documents = group.ToList();
            var first = documents[0];
            foreach (var other in documents.Skip(1))
            {
                var url = "/" + (group.Key.EndsWith("index.html", StringComparison.Ordinal) ? group.Key[..^"index.html".Length] : group.Key);
                var message = $"{Describe(other)} and {Describe(first)} would both be published at {url}: give one of them another 'slug:' (or rename the file)";
                context.Diagnostics.Error(DiagnosticCodes.UrlCollision, message, other.Source ?? first.Source);
            }
        }

        return inputs;
    }

    private static string Describe(Document document) => document.Source is { } source ? $"'{source}'" : "a generated page";
}
