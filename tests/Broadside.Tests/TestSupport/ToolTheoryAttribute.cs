namespace Broadside.Tests.TestSupport;

/// <summary>
/// A theory that needs programs outside .NET (<see cref="Tool"/>): skipped, with how to install them,
/// on a machine that lacks one, except in CI, where the test runs and fails.
/// </summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks a theory that needs <paramref name="tools"/>.</summary>
    public ToolTheoryAttribute(Tool tools)
    {
        Tools = tools;
        Skip = QualityTools.SkipReason(tools);
    }

    /// <summary>The programs the test needs.</summary>
    public Tool Tools { get; }
}
