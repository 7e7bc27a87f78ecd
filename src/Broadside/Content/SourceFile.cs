using Broadside.Engine;

namespace Broadside.Content;

/// <summary>A text file read from the input folder, before it is parsed.</summary>
public sealed record SourceFile : Document
{
    /// <summary>The file's full path on disk.</summary>
    public required string FullPath { get; init; }

    /// <summary>The path relative to its content folder, with <c>/</c> separators (<c>2026/x.md</c>).</summary>
    public required string RelativePath { get; init; }

    /// <summary>The file's text, with any byte-order mark removed.</summary>
    public required string Text { get; init; }
}
