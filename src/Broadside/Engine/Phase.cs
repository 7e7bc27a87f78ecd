namespace Broadside.Engine;

/// <summary>The four phases every pipeline runs, in this order.</summary>
public enum Phase
{
    /// <summary>Reads documents from outside (files); sees no other pipeline.</summary>
    Input,

    /// <summary>Transforms documents; sees the Process outputs of the pipelines it depends on.</summary>
    Process,

    /// <summary>Runs once every Process phase is done; sees the Process outputs of all pipelines.</summary>
    PostProcess,

    /// <summary>Writes documents out; runs only when no error was reported.</summary>
    Output,
}
