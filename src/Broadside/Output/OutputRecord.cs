namespace Broadside.Output;

/// <summary>What the manifest remembers of a file the build wrote.</summary>
/// <param name="Hash">XxHash128 of its bytes, as hex; empty for a copied asset.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="LastWriteTicks">Its modification time (UTC ticks) when it was recorded.</param>
/// <param name="Key">The key of what it was made from (<see cref="OutputFile.Key"/>), as hex; empty when it has none.</param>
public sealed record OutputRecord(string Hash, long Length, long LastWriteTicks, string Key = "");
