using System.Collections.Immutable;
using Broadside.Diagnostics;

namespace Broadside.Engine;

/// <summary>
/// What a module sees while it runs: its pipeline and phase, the diagnostics to report to, and the
/// documents of the pipelines it may read (its dependencies in Process, all of them in PostProcess).
/// Services a module needs (the theme, the Markdown renderer) are given to it when it is built.
/// </summary>
public sealed class PipelineContext
{
    private readonly IReadOnlyDictionary<string, ImmutableArray<Document>> _visible;

    internal PipelineContext(
        Pipeline pipeline,
        Phase phase,
        IReadOnlyDictionary<string, ImmutableArray<Document>> visible,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        Pipeline = pipeline;
        Phase = phase;
        _visible = visible;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    /// <summary>The pipeline running.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>The phase running.</summary>
    public Phase Phase { get; }

    /// <summary>Where modules report problems; errors stop the build before the Output phase.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Cancelled when the build is abandoned.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The Process outputs of <paramref name="pipeline"/>. In Process, only pipelines this one depends
    /// on (directly or not) may be read; in PostProcess and Output, any.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pipeline is not visible from here.</exception>
    public ImmutableArray<Document> OutputsOf(string pipeline) =>
        _visible.TryGetValue(pipeline, out var documents)
            ? documents
            : throw new InvalidOperationException(
                $"Pipeline '{Pipeline.Name}' cannot read '{pipeline}' in its {Phase} phase: declare it in DependsOn.");

    /// <summary>The Process outputs of <paramref name="pipeline"/> of type <typeparamref name="T"/>, in order.</summary>
    public IEnumerable<T> OutputsOf<T>(string pipeline)
        where T : Document => OutputsOf(pipeline).OfType<T>();

    /// <summary>The Process outputs of every pipeline visible here, in pipeline order.</summary>
    public IEnumerable<Document> AllOutputs => _visible.Values.SelectMany(d => d);
}
