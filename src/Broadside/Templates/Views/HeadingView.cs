using System.Collections.Immutable;

namespace Broadside.Templates.Views;

/// <summary>
/// An entry of an article's table of contents (items of <c>article.contents</c>): a <c>##</c> heading,
/// with the <c>###</c> headings under it.
/// </summary>
/// <param name="Text">The heading's words.</param>
/// <param name="Url">The link to it on the page: <c>#</c> and its id.</param>
/// <param name="Children">The sub-headings under it; empty for none.</param>
public sealed record HeadingView(string Text, string Url, ImmutableArray<HeadingView> Children);
