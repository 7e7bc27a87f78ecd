using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Leaves out drafts and articles dated after <paramref name="now"/>, unless the build asks for them
/// (previews do; production does not).
/// </summary>
public sealed class FilterPublished(bool includeDrafts, bool includeFuture, DateTimeOffset now) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [.. inputs.Where(document => document switch
        {
            ContentDocument { IsDraft: true } when !includeDrafts => false,
            Article article when !includeFuture && article.FrontMatter.Date > now => false,
            _ => true,
        })];
}
