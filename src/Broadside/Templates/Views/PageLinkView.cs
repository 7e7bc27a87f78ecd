namespace Broadside.Templates.Views;

/// <summary>A standalone page, for menus.</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Url">Its root-relative URL.</param>
public sealed record PageLinkView(string Title, string Url);
