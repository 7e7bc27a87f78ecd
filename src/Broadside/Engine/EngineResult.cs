using System.Collections.Immutable;

namespace Broadside.Engine;

/// <summary>What a run of the engine produced.</summary>
/// <param name="ProcessOutputs">Each pipeline's documents after its Process phase.</param>
/// <param name="Outputs">Each pipeline's documents after its last phase that ran.</param>
/// <param name="Completed">True when the Output phase ran (no error was reported before it).</param>
/// <param name="Timings">Time spent in each phase of each pipeline, for <c>--verbose</c> and profiling.</param>
public sealed record EngineResult(
    ImmutableDictionary<string, ImmutableArray<Document>> ProcessOutputs,
    ImmutableDictionary<string, ImmutableArray<Document>> Outputs,
    bool Completed,
    ImmutableArray<PhaseTiming> Timings);

/// <summary>How long one phase of one pipeline took.</summary>
public sealed record PhaseTiming(string Pipeline, Phase Phase, TimeSpan Elapsed, int Documents);
