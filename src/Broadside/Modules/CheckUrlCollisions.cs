using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// Reports two documents that would be written to the same place, naming both files, and a file that
/// would have the name of a folder of others. URLs are compared without regard to case, because some
/// file systems and hosts ignore it. A build from the last one is looked at only when its plan makes
/// every file: the files of the published site passed when it was published, and the plan makes every
/// file when one it adds is at the place of another, in any case, or where another needs a folder, or
/// the other way round.
/// </summary>
/// <param name="planPipeline">The pipeline of the plan; null to look at every build.</param>
public sealed class CheckUrlCollisions(string? planPipeline = null) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (planPipeline is not null && OutputPlan.In(context, planPipeline) is { All: false })
        {
            return inputs;
        }

        var published = context.AllOutputs.Where(d => d.Destination is not null).ToList();

        var groups = published
            .GroupBy(d => d.Destination!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToList();

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

        FilesThatAreFolders(published, context);
        return inputs;
    }

    /// <summary>Reports a file (<c>/old.html</c>, from an alias) with the same name as a folder of other files (<c>/old.html/x/</c>), which no file system can hold.</summary>
    private static void FilesThatAreFolders(List<Document> published, PipelineContext context)
    {
        var files = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in published)
        {
            files.TryAdd(document.Destination!, document);
        }

        var folders = files.GetAlternateLookup<ReadOnlySpan<char>>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (destination, document) in files)
        {
            for (var slash = destination.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = destination.IndexOf('/', slash + 1))
            {
                if (folders.TryGetValue(destination.AsSpan(0, slash), out var folder, out var file) && reported.Add(folder))
                {
                    context.Diagnostics.Error(
                        DiagnosticCodes.UrlCollision,
                        $"{Describe(file)} publishes the file /{folder} and {Describe(document)} a page in the folder /{folder}/: a name cannot be both: change the alias, or give the page another 'slug:'",
                        file.Source ?? document.Source);
                }
            }
        }
    }

    private static string Describe(Document document) => document.Source is { } source ? $"'{source}'" : "a generated page";
}
