using System.Collections.Immutable;

namespace Broadside.Engine;

/// <summary>
/// A named sequence of phases. A pipeline lists the pipelines whose Process outputs it reads; the
/// engine orders them and reports unknown names and cycles before anything runs.
/// </summary>
public sealed class Pipeline
{
    /// <summary>Creates a pipeline called <paramref name="name"/>.</summary>
    public Pipeline(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The pipeline's unique name.</summary>
    public string Name { get; }

    /// <summary>Names of the pipelines whose Process phase must finish before this one's starts.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Modules of the Input phase.</summary>
    public ImmutableArray<IModule> Input { get; init; } = [];

    /// <summary>Modules of the Process phase.</summary>
    public ImmutableArray<IModule> Process { get; init; } = [];

    /// <summary>Modules of the PostProcess phase.</summary>
    public ImmutableArray<IModule> PostProcess { get; init; } = [];

    /// <summary>Modules of the Output phase.</summary>
    public ImmutableArray<IModule> Output { get; init; } = [];

    /// <summary>The modules of one phase.</summary>
    public ImmutableArray<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        Phase.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
