using Broadside.Engine;

namespace Broadside.Content;

/// <summary>A Markdown document with front matter: an article or a standalone page.</summary>
public abstract record ContentDocument : Document
{
    /// <summary>The Markdown body, after the front matter.</summary>
    public required string Markdown { get; init; }

    /// <summary>Lines of the file before the body starts, to report body problems at the right line.</summary>
    public required int BodyLineOffset { get; init; }

    /// <summary>The URL path below the site root, ending in <c>/</c> (<c>2026/03/bus-drivers/</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The body rendered to HTML; empty until the Markdown is rendered.</summary>
    public string Html { get; init; } = string.Empty;

    /// <summary>The body's first paragraph as plain text.</summary>
    public string FirstParagraph { get; init; } = string.Empty;

    /// <summary>Words in the body.</summary>
    public int WordCount { get; init; }

    /// <summary>The document's title.</summary>
    public abstract string Title { get; }

    /// <summary>True when the document is a draft.</summary>
    public abstract bool IsDraft { get; }
}
