using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Output;

/// <summary>
/// Text the build makes (a page, a feed) and writes at its <see cref="Document.Destination"/>: either
/// already made (<see cref="Content"/>) or made as UTF-8 when it is written (<see cref="Render"/>), so
/// that a large site's pages are held in memory one at a time rather than all at once.
/// </summary>
public sealed record OutputFile : Document
{
    /// <summary>The text, when it is already made; written as UTF-8 without a byte-order mark.</summary>
    public string? Content { get; init; }

    /// <summary>
    /// Makes the file's UTF-8 bytes into the given buffer when it is written; false, after reporting
    /// why, when it could not be made (what it wrote is then thrown away).
    /// </summary>
    public Func<PooledBuffer, DiagnosticBag, bool>? Render { get; init; }

    /// <summary>A <see cref="Render"/> for a file that is always made once asked for (a feed, a data file): nothing in it can fail.</summary>
    public static Func<PooledBuffer, DiagnosticBag, bool> Writing(Action<Stream> write) => (buffer, _) =>
    {
        write(buffer);
        return true;
    };

    /// <summary>
    /// A hash of everything the file is made from (<see cref="KeyBuilder"/>). When the last build wrote
    /// the file with the same key, and it is still as written, it is kept without being made again.
    /// Null for files made every time.
    /// </summary>
    public Hash128? Key { get; init; }

    /// <summary>When the page's content last changed, for the sitemap's <c>lastmod</c>; null when unknown.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True for pages search engines should find through the sitemap (not redirects or the 404 page).</summary>
    public bool InSitemap { get; init; } = true;
}
