using System.Collections.Immutable;
using System.Text;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Content;

/// <summary>A Markdown document with front matter: an article or a standalone page.</summary>
public abstract record ContentDocument : Document
{
    /// <summary>
    /// The Markdown body, after the front matter, as UTF-8: a slice of the file's bytes rather than a
    /// copy, emptied once rendered, so a large site never holds its sources twice.
    /// </summary>
    public required ReadOnlyMemory<byte> Markdown { get; init; }

    /// <summary>The links and image addresses the body writes, with their lines; filled when rendered.</summary>
    public ImmutableArray<Markdown.WrittenLink> Links { get; init; } = [];

    /// <summary>A hash of the whole file, front matter and body: what the document's own view is made from.</summary>
    public Hash128 SourceHash { get; init; }

    /// <summary>Lines of the file before the body starts, to report body problems at the right line.</summary>
    public required int BodyLineOffset { get; init; }

    /// <summary>The URL path below the site root, ending in <c>/</c> (<c>2026/03/bus-drivers/</c>).</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The body rendered to HTML, kept as UTF-8 (half the memory of text); empty until the Markdown
    /// is rendered.
    /// </summary>
    public byte[] HtmlUtf8
    {
        get => _html ??= LoadHtml?.Invoke() ?? [];
        init => _html = value;
    }

    /// <summary>
    /// Reads <see cref="HtmlUtf8"/> when it is first asked for, for an article taken from the
    /// article cache: most builds after the first never need most bodies.
    /// </summary>
    public Func<byte[]>? LoadHtml { get; init; }

    private byte[]? _html;

    /// <summary>
    /// True when <see cref="HtmlUtf8"/> can go into a feed as it is: every address absolute, nothing XML
    /// forbids, no <c>]]&gt;</c>. Feeds then copy its bytes instead of rewriting it for every feed.
    /// </summary>
    public bool FeedReady { get; init; }

    /// <summary>True once the body has been rendered (by this build, or by an earlier one and cached).</summary>
    public bool Rendered { get; init; }

    /// <summary>The body rendered to HTML, decoded each time it is asked for.</summary>
    public string Html => Encoding.UTF8.GetString(HtmlUtf8);

    /// <summary>The body's first paragraph as plain text.</summary>
    public string FirstParagraph { get; init; } = string.Empty;

    /// <summary>Words in the body.</summary>
    public int WordCount { get; init; }

    /// <summary>The click-to-load video players the body shows; its page then loads the player's script.</summary>
    public int Players { get; init; }

    /// <summary>The body's sub-headings, in order, for a table of contents.</summary>
    public ImmutableArray<Markdown.Heading> Headings { get; init; } = [];

    /// <summary>The document's title.</summary>
    public abstract string Title { get; }

    /// <summary>True when the document is a draft.</summary>
    public abstract bool IsDraft { get; }
}
