using System.Collections.Immutable;

namespace Broadside.Feeds;

/// <summary>
/// An article as every feed carries it, made once per build and shared by the site feed and every
/// section, tag, author and demand feed that lists it. Every text is already safe for XML.
/// </summary>
public sealed record FeedEntry
{
    /// <summary>The permanent id: the article's absolute URL.</summary>
    public required string Id { get; init; }

    /// <summary>The article's absolute URL.</summary>
    public required string Url { get; init; }

    public required string Title { get; init; }

    /// <summary>The standfirst, plain text.</summary>
    public required string Summary { get; init; }

    /// <summary>The full article body, HTML with absolute URLs, when already made.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>Makes <see cref="Content"/> when a feed is written, so a large site's feeds do not all hold a copy.</summary>
    public Func<string>? MakeContent { get; init; }

    /// <summary>The full article body, HTML with absolute URLs.</summary>
    public string Content => ContentHtml ?? MakeContent?.Invoke() ?? string.Empty;

    /// <summary>
    /// The body as UTF-8 bytes a feed can copy into a CDATA section as they are, asked for when a feed
    /// is written; null when the body first needs rewriting (use <see cref="Content"/>).
    /// </summary>
    public Func<byte[]>? ReadyUtf8 { get; init; }

    /// <summary>Bylines, in order, with their author pages' absolute URLs (or empty).</summary>
    public required ImmutableArray<(string Name, string Url)> Authors { get; init; }

    /// <summary>
    /// Every author in one line, as the theme joins names ("A, B and C"): what RSS gives as the item's
    /// creator, since readers show one <c>dc:creator</c> only.
    /// </summary>
    public string Byline { get; init; } = string.Empty;

    /// <summary>The section, then the tags.</summary>
    public required ImmutableArray<string> Categories { get; init; }

    public required DateTimeOffset Published { get; init; }

    /// <summary>The last substantial change, or the publication time.</summary>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>The lead picture's absolute URL, or empty.</summary>
    public required string Image { get; init; }

    /// <summary>The article's language tag.</summary>
    public required string Language { get; init; }
}
