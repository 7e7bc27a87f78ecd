namespace Broadside.Output;

/// <summary>
/// A build's files could not be moved into the published folder (<see cref="StagedOutput.Commit"/>).
/// The message says what failed and what became of the published site.
/// </summary>
public sealed class PublishException(string message, bool restored) : IOException(message)
{
    /// <summary>True when the published folder is as it was before the commit began.</summary>
    public bool Restored { get; } = restored;
}
