namespace Broadside.Markdown;

/// <summary>The result of rendering a Markdown body.</summary>
/// <param name="Html">The body as HTML.</param>
/// <param name="FirstParagraph">The first paragraph as plain text, for summaries.</param>
/// <param name="WordCount">Words of text in the body.</param>
public sealed record RenderedMarkdown(string Html, string FirstParagraph, int WordCount);
