using System.Collections.Immutable;
using Broadside.Output;

namespace Broadside.Configuration;

/// <summary>
/// How pictures are published (<c>pictures:</c> in site.yml): the widths each is made in, the quality of
/// each format, whether a copy of the original is published too, and how large a picture may claim to be.
/// </summary>
public sealed record PictureSettings
{
    /// <summary>The settings when site.yml says nothing.</summary>
    public static PictureSettings Default { get; } = new();

    /// <summary>The widths, in pixels, each picture is made in, narrowest first; never wider than the original.</summary>
    public ImmutableArray<int> Widths { get; init; } = [320, 640, 960, 1280, 1600];

    /// <summary>AVIF quality, 1 to 100.</summary>
    public int AvifQuality { get; init; } = 50;

    /// <summary>
    /// How hard the AVIF encoder works, 0 (fastest) to 9 (smallest files): 2 makes files about a tenth
    /// larger than 4 in a seventh of the time.
    /// </summary>
    public int AvifEffort { get; init; } = 2;

    /// <summary>WebP quality, 1 to 100.</summary>
    public int WebpQuality { get; init; } = 80;

    /// <summary>JPEG quality, 1 to 100.</summary>
    public int JpegQuality { get; init; } = 80;

    /// <summary>
    /// True to publish, at the picture's own address, the whole picture (upright, in sRGB, without its
    /// metadata) rather than its widest variant.
    /// </summary>
    public bool Originals { get; init; }

    /// <summary>The most pixels a picture may have, in millions: a file that claims more is refused unread.</summary>
    public int MaxMegapixels { get; init; } = 150;

    /// <summary>The <c>sizes</c> of a picture in an article's body, as wide as the theme's column of text.</summary>
    public string BodySizes { get; init; } = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

    /// <summary>The narrowest lead picture that fills a social card and the widest page without being enlarged.</summary>
    public int LeadMinWidth { get; init; } = 1200;

    /// <summary>The narrowest picture in a body that stays sharp on a phone's screen.</summary>
    public int BodyMinWidth { get; init; } = 640;

    /// <summary>
    /// How many of the newest articles without a picture have a social card of their own, drawn with
    /// their headline; older ones show the publication's card. Each card takes a few hundredths of a
    /// second to draw, once: the bound keeps a first build of a large archive quick.
    /// </summary>
    public int HeadlineCards { get; init; } = 20;

    /// <summary>The size of a social card.</summary>
    public const int CardWidth = 1200;

    /// <summary>The height of a social card.</summary>
    public const int CardHeight = 630;

    /// <summary>A hash of everything the files of a picture depend on besides the picture.</summary>
    public Hash128 Key
    {
        get
        {
            var key = new KeyBuilder().Add("pictures/1").Add(AvifQuality).Add(AvifEffort).Add(WebpQuality).Add(JpegQuality).Add(Originals ? 1 : 0).Add(MaxMegapixels).Add(HeadlineCards);
            foreach (var width in Widths)
            {
                key.Add(width);
            }

            return key.Finish();
        }
    }
}
