namespace Broadside.Templates.Views;

/// <summary>A feed a page announces for autodiscovery.</summary>
/// <param name="Title">A title for feed readers' lists.</param>
/// <param name="Type">Its media type: <c>application/rss+xml</c>, <c>application/atom+xml</c>, <c>application/feed+json</c>.</param>
/// <param name="Url">Its URL.</param>
public sealed record FeedLinkView(string Title, string Type, string Url);
