using NetVips;

namespace Broadside.Pictures;

/// <summary>
/// The publication's icon in the sizes phones and feed readers ask for, drawn from the theme's
/// <c>assets/favicon.svg</c>: a PNG of the given size, without metadata, the same bytes on every build.
/// </summary>
public static class IconImaging
{
    /// <summary>
    /// Draws the SVG at <paramref name="svgPath"/> as a square PNG <paramref name="size"/> pixels a side;
    /// on <paramref name="background"/> when given (a phone's home screen shows transparent parts black).
    /// </summary>
    public static byte[] Render(string svgPath, int size, (byte R, byte G, byte B)? background)
    {
        if (PictureImaging.WhyUnavailable is { } why)
        {
            throw new InvalidOperationException(why);
        }

        using var drawn = Image.Thumbnail(svgPath, size, height: size, size: Enums.Size.Force, failOn: Enums.FailOn.Error);
        using var srgb = drawn.Colourspace(Enums.Interpretation.Srgb);
        using var flat = background is { } colour && srgb.HasAlpha() ? srgb.Flatten(background: [colour.R, colour.G, colour.B]) : srgb.Copy();
        return flat.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None);
    }
}
