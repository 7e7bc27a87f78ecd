namespace Broadside.Engine;

/// <summary>
/// An immutable unit of work that flows through pipelines. Concrete documents are records with typed
/// members (a parsed article, a rendered page, a file to copy); modules make new documents with
/// <c>with</c> expressions and never change one in place.
/// </summary>
public abstract record Document
{
    /// <summary>
    /// The file the document came from, as given to the build (for diagnostics), or null for a
    /// document the build generated.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>
    /// Where the document is written, relative to the output folder with <c>/</c> separators
    /// (<c>2026/03/bus-drivers/index.html</c>); null while it has no place in the output.
    /// </summary>
    public string? Destination { get; init; }
}
