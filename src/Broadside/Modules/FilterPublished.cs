using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Leaves out drafts and articles dated after <paramref name="now"/>, unless the build asks for them
/// (previews do; production does not), and says when the next article left out for its date is due
/// (<see cref="ScheduleDocument"/>).
/// </summary>
public sealed class FilterPublished(bool includeDrafts, bool includeFuture, DateTimeOffset now) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        DateTimeOffset? next = null;
        var kept = ImmutableArray.CreateBuilder<Document>(inputs.Length + 1);
        foreach (var document in inputs)
        {
            switch (document)
            {
                case ContentDocument { IsDraft: true } when !includeDrafts:
                    break;
                case Article article when !includeFuture && article.FrontMatter.Date > now:
                    next = next is { } earliest && earliest <= article.FrontMatter.Date ? earliest : article.FrontMatter.Date;
                    break;
                case ScheduleDocument:
                    break;
                default:
                    kept.Add(document);
                    break;
            }
        }

        kept.Add(new ScheduleDocument(next?.ToUniversalTime()));
        return kept.ToImmutable();
    }
}

/// <summary>When the site will change with no file changed: the date of the earliest article left out for its date.</summary>
/// <param name="NextPublication">That date, or null when no article waits for one.</param>
public sealed record ScheduleDocument(DateTimeOffset? NextPublication) : Document;
