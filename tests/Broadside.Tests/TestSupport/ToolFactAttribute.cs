namespace Broadside.Tests.TestSupport;

/// <summary>
/// A fact that needs programs outside .NET (<see cref="Tool"/>): skipped, with how to install them,
/// on a machine that lacks one, except in CI, where the test runs and fails.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    /// <summary>Marks a fact that needs <paramref name="tools"/>.</summary>
    public ToolFactAttribute(Tool tools)
    {
        Tools = tools;
        Skip = QualityTools.SkipReason(tools);
    }

    /// <summary>The programs the test needs.</summary>
    public Tool Tools { get; }
}
