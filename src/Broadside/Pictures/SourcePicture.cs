using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>The formats pictures are published in.</summary>
public enum PictureFormat
{
    Avif,
    Webp,
    Jpeg,
    Png,
}

/// <summary>One file made from a picture.</summary>
/// <param name="Path">Its path in the site (<c>media/2026/march-640w.avif</c>).</param>
/// <param name="Format">Its format.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Whole">True for the whole picture published at its own address (<see cref="PictureSettings.Originals"/>).</param>
/// <param name="Card">True for the social card, cropped to <see cref="PictureSettings.CardWidth"/> by <see cref="PictureSettings.CardHeight"/>.</param>
public readonly record struct PictureVariant(string Path, PictureFormat Format, int Width, int Height, bool Whole = false, bool Card = false);

/// <summary>
/// A picture of <c>media/</c> as its file holds it (its size upright, after the turn EXIF asks for), and
/// the files the site publishes of it: each width in AVIF, WebP and a fallback (JPEG, or PNG when it is
/// transparent), the picture at its own address when its format is one a browser shows, and its social card.
/// </summary>
public sealed record SourcePicture
{
    /// <summary>Its path in the site, as written in articles without the leading slash (<c>media/2026/march.jpg</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Its file as messages show it.</summary>
    public required string Source { get; init; }

    /// <summary>Its file on disk.</summary>
    public required string FullPath { get; init; }

    /// <summary>A hash of its bytes.</summary>
    public required Hash128 Hash { get; init; }

    /// <summary>Its width, upright.</summary>
    public required int Width { get; init; }

    /// <summary>Its height, upright.</summary>
    public required int Height { get; init; }

    /// <summary>True when it has transparent parts: its fallback is PNG.</summary>
    public required bool Alpha { get; init; }

    /// <summary>The format of the fallback every browser shows.</summary>
    public PictureFormat Fallback => Alpha ? PictureFormat.Png : PictureFormat.Jpeg;

    /// <summary>The files made of it, but its card, by format and then width, narrowest first.</summary>
    public ImmutableArray<PictureVariant> Variants { get; init; } = [];

    /// <summary>What is published at its own address, when its format is one every browser shows.</summary>
    public PictureVariant? Own { get; init; }

    /// <summary>Its social card.</summary>
    public required PictureVariant Card { get; init; }

    /// <summary>A hash of what its files are made from: its bytes and the settings.</summary>
    public required Hash128 Key { get; init; }

    /// <summary>The variants of <paramref name="format"/>, narrowest first.</summary>
    public IEnumerable<PictureVariant> Of(PictureFormat format) => Variants.Where(v => v.Format == format);

    /// <summary>The variant of the fallback format nearest <paramref name="width"/> without being narrower, or the widest.</summary>
    public PictureVariant FallbackNear(int width)
    {
        var fallbacks = Of(Fallback).ToList();
        return fallbacks.FirstOrDefault(v => v.Width >= width, fallbacks[^1]);
    }

    /// <summary>The picture of <paramref name="path"/>, <paramref name="width"/> by <paramref name="height"/>, with the files <paramref name="settings"/> make of it.</summary>
    public static SourcePicture Of(string path, string source, string fullPath, Hash128 hash, int width, int height, bool alpha, PictureSettings settings)
    {
        var stem = path[..^System.IO.Path.GetExtension(path).Length];
        var widths = settings.Widths.Where(w => w < width).Append(Math.Min(width, settings.Widths.Max())).Distinct().Order().ToArray();
        int HeightAt(int w) => Math.Max(1, (int)Math.Round((double)height * w / width));
        var fallback = alpha ? PictureFormat.Png : PictureFormat.Jpeg;
        var variants = ImmutableArray.CreateBuilder<PictureVariant>();
        foreach (var format in new[] { PictureFormat.Avif, PictureFormat.Webp, fallback })
        {
            foreach (var w in widths)
            {
                variants.Add(new PictureVariant($"{stem}-{w}w.{Extension(format)}", format, w, HeightAt(w)));
            }
        }

        // At its own address: the picture in its own format, when that is one every browser shows.
        var own = FormatOf(path) is { } ownFormat && (ownFormat != PictureFormat.Jpeg || !alpha)
            ? settings.Originals
                ? new PictureVariant(path, ownFormat, width, height, Whole: true)
                : new PictureVariant(path, ownFormat, widths[^1], HeightAt(widths[^1]))
            : (PictureVariant?)null;
        return new SourcePicture
        {
            Path = path,
            Source = source,
            FullPath = fullPath,
            Hash = hash,
            Width = width,
            Height = height,
            Alpha = alpha,
            Variants = variants.ToImmutable(),
            Own = own,
            Card = new PictureVariant($"{stem}-card.jpg", PictureFormat.Jpeg, PictureSettings.CardWidth, PictureSettings.CardHeight, Card: true),
            Key = new KeyBuilder().Add(hash).Add(settings.Key).Add(path).Finish(),
        };
    }

    /// <summary>The extension of <paramref name="format"/>'s files.</summary>
    public static string Extension(PictureFormat format) => format switch
    {
        PictureFormat.Avif => "avif",
        PictureFormat.Webp => "webp",
        PictureFormat.Png => "png",
        _ => "jpg",
    };

    /// <summary>The media type of <paramref name="format"/>.</summary>
    public static string MediaType(PictureFormat format) => format switch
    {
        PictureFormat.Avif => "image/avif",
        PictureFormat.Webp => "image/webp",
        PictureFormat.Png => "image/png",
        _ => "image/jpeg",
    };

    /// <summary>The format a published file of <paramref name="path"/>'s extension is in; null for one no browser shows (HEIC, TIFF, GIF).</summary>
    public static PictureFormat? FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => PictureFormat.Jpeg,
        ".png" => PictureFormat.Png,
        ".webp" => PictureFormat.Webp,
        ".avif" => PictureFormat.Avif,
        _ => null,
    };

    /// <summary>True for a file of <c>media/</c> that is a picture to publish in several sizes (not SVG, which is drawn at any size).</summary>
    public static bool IsPicture(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant()
        is ".jpg" or ".jpeg" or ".png" or ".webp" or ".avif" or ".heic" or ".heif" or ".gif" or ".tif" or ".tiff";
}
