using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Outputs;

namespace Broadside.Tests.TestSupport;

/// <summary>A pipeline that plans to make every file, for modules tested without the rest of the build.</summary>
public sealed class PlanEverything : IModule
{
    /// <summary>The pipeline's name.</summary>
    public const string Name = "Plan";

    /// <summary>The pipeline.</summary>
    public static Pipeline Pipeline() => new(Name) { Process = [new PlanEverything()] };

    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [new OutputPlan { All = true, Declared = ImmutableHashSet<string>.Empty, Declarations = new Dictionary<object, ImmutableArray<ListDeclaration>>() }];
}
