using Broadside.Engine;

namespace Broadside.Output;

/// <summary>Text the build made (a page, a feed) and writes at its <see cref="Document.Destination"/>.</summary>
public sealed record OutputFile : Document
{
    /// <summary>The text, written as UTF-8 without a byte-order mark.</summary>
    public required string Content { get; init; }
}
