using Broadside.Engine;

namespace Broadside.Output;

/// <summary>Text the build made (a page, a feed) and writes at its <see cref="Document.Destination"/>.</summary>
public sealed record OutputFile : Document
{
    /// <summary>The text, written as UTF-8 without a byte-order mark.</summary>
    public required string Content { get; init; }

    /// <summary>When the page's content last changed, for the sitemap's <c>lastmod</c>; null when unknown.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True for pages search engines should find through the sitemap (not redirects or the 404 page).</summary>
    public bool InSitemap { get; init; } = true;
}
