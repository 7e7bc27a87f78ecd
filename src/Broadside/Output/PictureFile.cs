using Broadside.Engine;

namespace Broadside.Output;

/// <summary>A picture of <c>media/</c> (JPEG, PNG, WebP, AVIF, HEIC, GIF, TIFF), published in the sizes and formats its files are made in, never as it is.</summary>
public sealed record PictureFile : Document
{
    /// <summary>The file's full path on disk.</summary>
    public required string FullPath { get; init; }

    /// <summary>Its path in the site (<c>media/2026/march.jpg</c>): where it would be published as it is, which it is not.</summary>
    public required string SitePath { get; init; }
}
