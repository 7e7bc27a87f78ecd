using Broadside.Engine;

namespace Broadside.Output;

/// <summary>A file copied through unchanged (theme assets, media).</summary>
public sealed record AssetFile : Document
{
    /// <summary>The file's full path on disk.</summary>
    public required string FullPath { get; init; }
}
