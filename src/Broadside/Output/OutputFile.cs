using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Output;

/// <summary>
/// Text the build makes (a page, a feed) and writes at its <see cref="Document.Destination"/>: either
/// already made (<see cref="Content"/>) or made when it is written (<see cref="Render"/>), so that a
/// large site's pages are held in memory one at a time rather than all at once.
/// </summary>
public sealed record OutputFile : Document
{
    /// <summary>The text, when it is already made; written as UTF-8 without a byte-order mark.</summary>
    public string? Content { get; init; }

    /// <summary>Makes the text when the file is written; null after reporting why it could not.</summary>
    public Func<DiagnosticBag, string?>? Render { get; init; }

    /// <summary>Writes the file's UTF-8 bytes into the given stream when it is written (feeds, which copy article bytes).</summary>
    public Action<Stream>? WriteUtf8 { get; init; }

    /// <summary>
    /// A hash of everything the file is made from (<see cref="KeyBuilder"/>). When the last build wrote
    /// the file with the same key, and it is still as written, it is kept without being made again.
    /// Null for files made every time.
    /// </summary>
    public UInt128? Key { get; init; }

    /// <summary>The text: <see cref="Content"/>, or what <see cref="Render"/> makes.</summary>
    public string? Text(DiagnosticBag diagnostics) => Content ?? Render?.Invoke(diagnostics);

    /// <summary>When the page's content last changed, for the sitemap's <c>lastmod</c>; null when unknown.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True for pages search engines should find through the sitemap (not redirects or the 404 page).</summary>
    public bool InSitemap { get; init; } = true;
}
