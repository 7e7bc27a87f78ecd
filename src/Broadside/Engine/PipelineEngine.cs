using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Broadside.Diagnostics;

namespace Broadside.Engine;

/// <summary>
/// Runs named pipelines through their four phases. Input phases run in parallel; a pipeline's
/// Process phase starts as soon as the Process phases it depends on are done; PostProcess runs when
/// every Process phase is done; Output runs only when no error has been reported. The order of
/// pipelines and documents never depends on timing.
/// </summary>
public sealed class PipelineEngine
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _reachable;

    /// <summary>Validates the graph of <paramref name="pipelines"/>.</summary>
    /// <exception cref="PipelineGraphException">A name is duplicated or unknown, or the dependencies form a cycle.</exception>
    public PipelineEngine(IEnumerable<Pipeline> pipelines)
    {
        var list = pipelines.ToImmutableArray();
        var byName = new Dictionary<string, Pipeline>(StringComparer.Ordinal);
        foreach (var pipeline in list)
        {
            if (!byName.TryAdd(pipeline.Name, pipeline))
            {
                throw new PipelineGraphException($"Two pipelines are named '{pipeline.Name}'.");
            }
        }

        foreach (var pipeline in list)
        {
            foreach (var dependency in pipeline.DependsOn)
            {
                if (!byName.ContainsKey(dependency))
                {
                    throw new PipelineGraphException(
                        $"Pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist.");
                }
            }
        }

        Pipelines = Sort(list, byName);
        _reachable = Pipelines.ToImmutableDictionary(
            p => p.Name,
            p => Reachable(p, byName),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// True (the default) to collect garbage after Process and before Output, which keeps a large build's
    /// peak down; false for a small run in a process whose heap holds a whole site (an edit in <c>serve</c>),
    /// where a full collection would cost more than the run.
    /// </summary>
    public bool CollectBetweenPhases { get; init; } = true;

    /// <summary>The pipelines, each after every pipeline it depends on, otherwise in declared order.</summary>
    public ImmutableArray<Pipeline> Pipelines { get; }

    /// <summary>How many phases have modules to run: the total <c>progress</c> counts up to.</summary>
    public int PhaseCount => Pipelines.Sum(p => Enum.GetValues<Phase>().Count(phase => !p.ModulesOf(phase).IsEmpty));

    /// <summary>Runs every phase of every pipeline.</summary>
    /// <param name="diagnostics">Where modules report problems.</param>
    /// <param name="cancellationToken">Abandons the run.</param>
    /// <param name="runOutput">False runs everything but the Output phase: a check that writes nothing.</param>
    /// <param name="progress">Told of each phase with modules as it finishes.</param>
    public EngineResult Run(
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default,
        bool runOutput = true,
        IProgress<PhaseTiming>? progress = null)
    {
        var timings = new ConcurrentBag<PhaseTiming>();
        var empty = ImmutableDictionary<string, ImmutableArray<Document>>.Empty;

        var inputs = RunAll(
            Pipelines,
            p => RunPhase(p, Phase.Input, [], empty, diagnostics, timings, progress, cancellationToken));

        // Each Process task waits only for the pipelines it depends on; Pipelines is topologically
        // sorted, so a dependency's task always exists before its dependents' tasks are made.
        var processTasks = new Dictionary<string, Task<ImmutableArray<Document>>>(StringComparer.Ordinal);
        foreach (var pipeline in Pipelines)
        {
            var dependencies = pipeline.DependsOn.Select(d => processTasks[d]).ToArray();

            // Taken now: the loop goes on adding tasks to the dictionary while this one may already run.
            var reachable = _reachable[pipeline.Name].ToImmutableDictionary(name => name, name => processTasks[name], StringComparer.Ordinal);
            processTasks[pipeline.Name] = Task.WhenAll(dependencies).ContinueWith(
                _ =>
                {
                    var visible = new OrderedOutputs(
                        [.. Pipelines.Where(p => reachable.ContainsKey(p.Name))],
                        reachable.ToImmutableDictionary(task => task.Key, task => task.Value.Result, StringComparer.Ordinal));
                    return RunPhase(pipeline, Phase.Process, inputs[pipeline.Name], visible, diagnostics, timings, progress, cancellationToken);
                },
                cancellationToken,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        Task.WaitAll([.. processTasks.Values], cancellationToken);

        // Input documents (file texts) are not needed past Process; letting them go, and collecting
        // what the Process phases left behind before the next phases allocate, keeps a large build's
        // peak memory down. A full collection here costs a few milliseconds per hundred megabytes.
        inputs = null!;
        CollectGarbage();
        var processed = processTasks.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Result, StringComparer.Ordinal);

        // Visible to PostProcess in pipeline order, so AllOutputs is deterministic.
        var all = new OrderedOutputs(Pipelines, processed);
        var postProcessed = RunAll(
            Pipelines,
            p => RunPhase(p, Phase.PostProcess, processed[p.Name], all, diagnostics, timings, progress, cancellationToken));

        if (diagnostics.HasErrors || !runOutput)
        {
            return new EngineResult(processed, postProcessed, Completed: false, Order(timings));
        }

        CollectGarbage();
        var outputs = RunAll(
            Pipelines,
            p => RunPhase(p, Phase.Output, postProcessed[p.Name], all, diagnostics, timings, progress, cancellationToken));
        return new EngineResult(processed, outputs, Completed: !diagnostics.HasErrors, Order(timings));
    }

    // A full, blocking collection; the collector decides whether to compact (compacting the large
    // object heap as well cost more than it saved).
    private void CollectGarbage()
    {
        if (CollectBetweenPhases)
        {
            GC.Collect();
        }
    }

    private ImmutableArray<PhaseTiming> Order(ConcurrentBag<PhaseTiming> timings)
    {
        var index = Pipelines.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        return [.. timings.OrderBy(t => t.Phase).ThenBy(t => index[t.Pipeline])];
    }

    private static ImmutableDictionary<string, ImmutableArray<Document>> RunAll(
        ImmutableArray<Pipeline> pipelines,
        Func<Pipeline, ImmutableArray<Document>> run)
    {
        var results = new ImmutableArray<Document>[pipelines.Length];
        Parallel.For(0, pipelines.Length, i => results[i] = run(pipelines[i]));
        return pipelines.Select((p, i) => (p.Name, Documents: results[i]))
            .ToImmutableDictionary(x => x.Name, x => x.Documents, StringComparer.Ordinal);
    }

    private static ImmutableArray<Document> RunPhase(
        Pipeline pipeline,
        Phase phase,
        ImmutableArray<Document> documents,
        IReadOnlyDictionary<string, ImmutableArray<Document>> visible,
        DiagnosticBag diagnostics,
        ConcurrentBag<PhaseTiming> timings,
        IProgress<PhaseTiming>? progress,
        CancellationToken cancellationToken)
    {
        var modules = pipeline.ModulesOf(phase);
        if (modules.IsEmpty)
        {
            return documents;
        }

        var stopwatch = Stopwatch.StartNew();
        var context = new PipelineContext(pipeline, phase, visible, diagnostics, cancellationToken);
        foreach (var module in modules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                documents = module.Execute(documents, context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A module that throws is a bug in Broadside or its theme, not in the content; it is
                // reported like any other problem so the run still ends with a readable message.
                var inner = ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;
                diagnostics.Error(
                    DiagnosticCodes.InternalError,
                    $"{module.GetType().Name} failed in the {phase} phase of pipeline '{pipeline.Name}': {inner.Message}");
                return [];
            }
        }

        var timing = new PhaseTiming(pipeline.Name, phase, stopwatch.Elapsed, documents.Length);
        timings.Add(timing);
        progress?.Report(timing);
        return documents;
    }

    private static ImmutableArray<Pipeline> Sort(ImmutableArray<Pipeline> pipelines, Dictionary<string, Pipeline> byName)
    {
        var sorted = ImmutableArray.CreateBuilder<Pipeline>(pipelines.Length);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var path = new Stack<string>();

        void Visit(Pipeline pipeline)
        {
            if (state.TryGetValue(pipeline.Name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(n => n != pipeline.Name).Append(pipeline.Name);
                    throw new PipelineGraphException($"Pipelines depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
                }

                return;
            }

            state[pipeline.Name] = false;
            path.Push(pipeline.Name);
            foreach (var dependency in pipeline.DependsOn)
            {
                Visit(byName[dependency]);
            }

            path.Pop();
            state[pipeline.Name] = true;
            sorted.Add(pipeline);
        }

        foreach (var pipeline in pipelines)
        {
            Visit(pipeline);
        }

        return sorted.MoveToImmutable();
    }

    private static ImmutableHashSet<string> Reachable(Pipeline pipeline, Dictionary<string, Pipeline> byName)
    {
        var seen = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(pipeline.DependsOn);
        while (pending.TryPop(out var name))
        {
            if (seen.Add(name))
            {
                foreach (var next in byName[name].DependsOn)
                {
                    pending.Push(next);
                }
            }
        }

        return seen.ToImmutable();
    }

    /// <summary>A read-only view of every pipeline's outputs that enumerates in pipeline order.</summary>
    private sealed class OrderedOutputs(
        ImmutableArray<Pipeline> order,
        ImmutableDictionary<string, ImmutableArray<Document>> outputs) : IReadOnlyDictionary<string, ImmutableArray<Document>>
    {
        public ImmutableArray<Document> this[string key] => outputs[key];

        public IEnumerable<string> Keys => order.Select(p => p.Name);

        public IEnumerable<ImmutableArray<Document>> Values => order.Select(p => outputs[p.Name]);

        public int Count => order.Length;

        public bool ContainsKey(string key) => outputs.ContainsKey(key);

        public bool TryGetValue(string key, out ImmutableArray<Document> value) => outputs.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, ImmutableArray<Document>>> GetEnumerator() =>
            order.Select(p => KeyValuePair.Create(p.Name, outputs[p.Name])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
