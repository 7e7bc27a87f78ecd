using System.Collections.Immutable;

namespace Broadside.Markdown;

/// <summary>The result of rendering a Markdown body.</summary>
/// <param name="Html">The body as HTML.</param>
/// <param name="FirstParagraph">The first paragraph as plain text, for summaries.</param>
/// <param name="WordCount">Words of text in the body.</param>
/// <param name="Links">Every link and image address the body writes, where it writes it.</param>
public sealed record RenderedMarkdown(string Html, string FirstParagraph, int WordCount, ImmutableArray<WrittenLink> Links)
{
    /// <summary>The body's sub-headings (<c>##</c> and <c>###</c>, outside lists and quotes), in order, for a table of contents.</summary>
    public ImmutableArray<Heading> Headings { get; init; } = [];

    /// <summary>The click-to-load video players the body shows, which need the player's script.</summary>
    public int Players { get; init; }
}

/// <summary>A sub-heading of a body.</summary>
/// <param name="Level">2 for <c>##</c>, 3 for <c>###</c>.</param>
/// <param name="Id">The id of the heading's element, which a link to <c>#id</c> leads to.</param>
/// <param name="Text">Its words, as plain text.</param>
public sealed record Heading(int Level, string Id, string Text);

/// <summary>A link or image address as the Markdown writes it.</summary>
/// <param name="Url">The address as written.</param>
/// <param name="Line">Its line in the file.</param>
/// <param name="Column">Its column.</param>
/// <param name="Image">True for a picture's address (<c>![alt](address)</c>).</param>
public sealed record WrittenLink(string Url, int Line, int Column, bool Image = false);
