using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Broadside.Markdown;

/// <summary>A rendered body read as part of a page.</summary>
/// <param name="Document">The page.</param>
/// <param name="Root">The element that holds the body.</param>
/// <param name="Body">The body as rendered.</param>
internal sealed record BodyPage(IHtmlDocument Document, IElement Root, string Body);
