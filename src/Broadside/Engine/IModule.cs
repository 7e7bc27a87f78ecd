using System.Collections.Immutable;

namespace Broadside.Engine;

/// <summary>
/// One step of a pipeline phase: takes the documents of the previous step and returns the documents
/// for the next. Modules are built once per build and must be safe to call from any thread.
/// </summary>
public interface IModule
{
    /// <summary>Transforms <paramref name="inputs"/>; the order of the result is the order downstream sees.</summary>
    ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context);
}
