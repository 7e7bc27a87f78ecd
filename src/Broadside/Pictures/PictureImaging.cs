using Broadside.Configuration;
using NetVips;

namespace Broadside.Pictures;

/// <summary>
/// Reads and makes pictures with libvips (NetVips). A picture's size is read from its header alone, and
/// one that claims more pixels than allowed is refused before any is decoded; every file made is turned
/// upright, converted to sRGB and written without metadata (EXIF with GPS, device and owner, XMP, IPTC,
/// comments, thumbnails and colour profiles).
/// </summary>
public static class PictureImaging
{
    private static readonly Lazy<string?> Unavailable = new(Start);

    // libvips' own warnings (a damaged file's "error in tile") would reach the terminal beside the
    // build's message about the same file: the build says what happened, at the file and line. Kept
    // in a field: the library calls it for as long as the process runs.
    private static readonly Log.LogDelegate Quiet = (_, _, _) => { };

    /// <summary>Why pictures cannot be made on this machine (libvips could not be loaded); null when they can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>The version of libvips.</summary>
    public static string Version => WhyUnavailable is null ? $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}" : "none";

    private static string? Start()
    {
        try
        {
            // Builds run their own pictures in parallel: libvips keeps no cache of operations between
            // them, and each uses one thread, so memory stays bounded by the pictures in hand.
            Cache.Max = 0;
            Cache.MaxFiles = 0;
            Cache.MaxMem = 0;
            NetVips.NetVips.Concurrency = 1;
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug, Quiet);
            return null;
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or VipsException)
        {
            return $"libvips could not be loaded ({ex.InnerException?.Message ?? ex.Message})";
        }
    }

    /// <summary>What a picture's header says of it.</summary>
    /// <param name="Width">Its width, upright.</param>
    /// <param name="Height">Its height, upright.</param>
    /// <param name="Alpha">True when it has an alpha channel.</param>
    public readonly record struct Header(int Width, int Height, bool Alpha);

    /// <summary>
    /// Reads the size of the picture in <paramref name="path"/> and checks that its pixels decode; null,
    /// with a message for the editor, when it cannot be read or is larger than <paramref name="maxPixels"/>.
    /// </summary>
    public static Header? Probe(string path, long maxPixels, out string? problem)
    {
        problem = WhyUnavailable;
        if (problem is not null)
        {
            return null;
        }

        try
        {
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            var (width, height) = (image.Width, image.Height);
            if (image.Contains("orientation") && image.Get("orientation") is int orientation && orientation is >= 5 and <= 8)
            {
                (width, height) = (height, width);
            }

            if ((long)width * height > maxPixels)
            {
                problem = $"the picture claims to be {width:N0} by {height:N0} pixels, more than the {maxPixels / 1_000_000:N0} million a picture may have: it is damaged or made to exhaust memory; export it again at a normal size (or raise 'pictures: max_megapixels' in site.yml)";
                return null;
            }

            // Every pixel is decoded once, small: a file cut short or damaged fails here, not in the middle of a build.
            using var check = Image.Thumbnail(path, 64, failOn: Enums.FailOn.Error);
            _ = check.Avg();
            return new Header(width, height, image.HasAlpha());
        }
        catch (VipsException ex)
        {
            problem = Unreadable(path, ex);
            return null;
        }
    }

    /// <summary>
    /// Makes every file of <paramref name="picture"/> in <paramref name="wanted"/>, decoding it once:
    /// the bytes of each by its path.
    /// </summary>
    public static Dictionary<string, byte[]> Make(SourcePicture picture, PictureSettings settings, IReadOnlyCollection<PictureVariant> wanted)
    {
        var made = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var resized = wanted.Where(v => !v.Card).ToList();
        if (resized.Count > 0)
        {
            var widest = resized.Max(v => v.Width);
            // Decoded once, in memory: every width is made from it.
            using var decoded = Upright(Image.Thumbnail(picture.FullPath, widest, height: 10_000_000, size: Enums.Size.Down, outputProfile: "srgb", failOn: Enums.FailOn.Error));
            using var upright = decoded.CopyMemory();
            foreach (var group in resized.GroupBy(v => v.Width).OrderByDescending(g => g.Key))
            {
                using var sized = group.Key == upright.Width ? upright.Copy() : upright.ThumbnailImage(group.Key, height: 10_000_000, size: Enums.Size.Down);
                foreach (var variant in group)
                {
                    made[variant.Path] = Save(sized, variant.Format, settings);
                }
            }
        }

        foreach (var card in wanted.Where(v => v.Card))
        {
            using var cropped = Upright(Image.Thumbnail(picture.FullPath, card.Width, height: card.Height, size: Enums.Size.Both, crop: Enums.Interesting.Attention, outputProfile: "srgb", failOn: Enums.FailOn.Error));
            using var flat = cropped.HasAlpha() ? cropped.Flatten(background: [255, 255, 255]) : cropped.Copy();
            made[card.Path] = Save(flat, PictureFormat.Jpeg, settings);
        }

        return made;
    }

    /// <summary>The message for a picture libvips could not read.</summary>
    internal static string Unreadable(string path, VipsException ex)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".heic" or ".heif")
        {
            return "HEIC pictures (the iPhone's own format) cannot be read by this build of Broadside: export the picture as JPEG (on the iPhone, Settings > Camera > Formats > Most Compatible; or share it by mail or AirDrop as JPEG)";
        }

        var first = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.Length > 0) ?? ex.Message;
        return $"the picture cannot be read: it is damaged, cut short or not the kind of file its name says ({first}); open it and export it again as JPEG or PNG";
    }

    // The picture in 8-bit sRGB (or grey), as every format writes it.
    private static Image Upright(Image image)
    {
        if (image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw && image.Format == Enums.BandFormat.Uchar)
        {
            return image;
        }

        using (image)
        {
            var space = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16 ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb;
            return image.Colourspace(space).Cast(Enums.BandFormat.Uchar);
        }
    }

    private static byte[] Save(Image image, PictureFormat format, PictureSettings settings) => format switch
    {
        PictureFormat.Avif => image.HeifsaveBuffer(q: settings.AvifQuality, compression: Enums.ForeignHeifCompression.Av1, effort: settings.AvifEffort, keep: Enums.ForeignKeep.None),
        PictureFormat.Webp => image.WebpsaveBuffer(q: settings.WebpQuality, effort: 4, keep: Enums.ForeignKeep.None),
        PictureFormat.Png => image.PngsaveBuffer(compression: 9, effort: 7, keep: Enums.ForeignKeep.None),
        _ => (image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image).JpegsaveBuffer(q: settings.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None),
    };
}
