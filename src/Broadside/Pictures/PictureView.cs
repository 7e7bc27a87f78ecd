using System.Collections.Immutable;
using Broadside.Configuration;

namespace Broadside.Pictures;

/// <summary>
/// A picture as templates see it (<c>article.picture</c>): a <c>&lt;picture&gt;</c> with a source for
/// each modern format and a fallback image, each in several widths, with its size, description, caption
/// and credit. <c>partials/picture.liquid</c> draws it.
/// </summary>
public sealed record PictureView
{
    /// <summary>The fallback file of a middle width (JPEG, or PNG for a transparent picture), root-relative.</summary>
    public required string Src { get; init; }

    /// <summary>Every width of the fallback, as <c>srcset</c> says them.</summary>
    public required string Srcset { get; init; }

    /// <summary>A source per modern format (AVIF, WebP), best first.</summary>
    public required ImmutableArray<PictureSourceView> Sources { get; init; }

    /// <summary>The widest variant's width: with <see cref="Height"/>, the shape the page reserves.</summary>
    public required int Width { get; init; }

    /// <summary>The widest variant's height.</summary>
    public required int Height { get; init; }

    /// <summary>What it shows, for readers who cannot see it.</summary>
    public required string Alt { get; init; }

    /// <summary>Its caption, or empty.</summary>
    public required string Caption { get; init; }

    /// <summary>Its credit line, or empty.</summary>
    public required string Credit { get; init; }

    /// <summary>The absolute URL of its social card (1200 by 630), or empty.</summary>
    public required string Card { get; init; }
}

/// <summary>A <c>&lt;source&gt;</c> of a picture.</summary>
/// <param name="Type">Its media type (<c>image/avif</c>).</param>
/// <param name="Srcset">Its files with their widths.</param>
public sealed record PictureSourceView(string Type, string Srcset);
