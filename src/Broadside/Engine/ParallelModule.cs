using System.Collections.Immutable;

namespace Broadside.Engine;

/// <summary>
/// A module that transforms each document of type <typeparamref name="TIn"/> on its own, in parallel,
/// keeping the input order. Documents of other types pass through unchanged.
/// </summary>
public abstract class ParallelModule<TIn> : IModule
    where TIn : Document
{
    /// <summary>Transforms one document; null drops it (after reporting why, if it is a problem).</summary>
    protected abstract Document? Transform(TIn input, PipelineContext context);

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var results = new Document?[inputs.Length];
        Parallel.For(
            0,
            inputs.Length,
            new ParallelOptions { CancellationToken = context.CancellationToken },
            i => results[i] = inputs[i] is TIn typed ? TransformOne(typed, context) : inputs[i]);

        var builder = ImmutableArray.CreateBuilder<Document>(inputs.Length);
        foreach (var result in results)
        {
            if (result is not null)
            {
                builder.Add(result);
            }
        }

        return builder.DrainToImmutable();
    }

    private Document? TransformOne(TIn input, PipelineContext context)
    {
        try
        {
            return Transform(input, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One document that trips a bug is reported against its own file; the others go on.
            context.Diagnostics.Error(
                Diagnostics.DiagnosticCodes.InternalError,
                $"{GetType().Name} failed on this file: {ex.Message}",
                input.Source);
            return null;
        }
    }
}
