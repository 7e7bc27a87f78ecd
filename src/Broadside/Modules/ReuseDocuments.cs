using System.Collections.Immutable;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>Gives documents made before the run (by an earlier build of the process) as this pipeline's own.</summary>
/// <param name="documents">The documents.</param>
public sealed class ReuseDocuments(ImmutableArray<Document> documents) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) => [.. inputs, .. documents];
}
