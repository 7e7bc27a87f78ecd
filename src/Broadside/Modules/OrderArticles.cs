using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>Orders articles newest first; articles of the same instant by their source path.</summary>
public sealed class OrderArticles : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [.. inputs.OfType<Article>()
            .OrderByDescending(a => a.FrontMatter.Date)
            .ThenBy(a => a.Source, StringComparer.Ordinal)
            .Cast<Document>()
            .Concat(inputs.Where(d => d is not Article))];
}
