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

    /// <summary>
    /// Which documents this run transforms, decided once per run; null (the default) transforms every
    /// one. The others pass through unchanged, without a task of their own.
    /// </summary>
    protected virtual Func<TIn, bool>? Selected(PipelineContext context) => null;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var results = new Document?[inputs.Length];
        var options = new ParallelOptions { CancellationToken = context.CancellationToken };
        if (Selected(context) is { } selected)
        {
            var chosen = new List<int>();
            for (var i = 0; i < inputs.Length; i++)
            {
                results[i] = inputs[i];
                if (inputs[i] is TIn typed && selected(typed))
                {
                    chosen.Add(i);
                }
            }

            Parallel.For(0, chosen.Count, options, k => results[chosen[k]] = TransformOne((TIn)inputs[chosen[k]], context));
        }
        else
        {
            Parallel.For(0, inputs.Length, options, i => results[i] = inputs[i] is TIn typed ? TransformOne(typed, context) : inputs[i]);
        }

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
