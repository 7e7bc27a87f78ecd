using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace Broadside.Tests.TestSupport;

/// <summary>
/// Pictures as phones make them, for tests: a JPEG whose pixels lie sideways and whose EXIF says how to
/// turn them, carrying the GPS position, the phone's make, model and serial number, the owner's name,
/// the time it was taken, an XMP packet naming its creator and a comment: everything a published picture
/// must not keep.
/// </summary>
public static class PhonePhotos
{
    /// <summary>The owner's name the photos carry.</summary>
    public const string Owner = "Mariela Quispe-Hartmann";

    /// <summary>The phone's serial number the photos carry.</summary>
    public const string Serial = "SN-7Q4X-22918-RIVERTON";

    /// <summary>The phone's model the photos carry.</summary>
    public const string Model = "Pocket Phone 12 Pro";

    /// <summary>
    /// A JPEG <paramref name="width"/> by <paramref name="height"/> stored pixels, with EXIF orientation
    /// <paramref name="orientation"/> (6: turn a quarter clockwise to see it upright) and every kind of
    /// metadata above. The picture is a colour gradient with a dark bar on its stored left edge, so that a
    /// test can tell which way up a published copy is.
    /// </summary>
    public static byte[] Jpeg(int width = 1600, int height = 1200, int orientation = 6)
    {
        using var x = Image.Xyz(width, height);
        using var red = x[0] * (255.0 / width);
        using var green = x[1] * (255.0 / height);
        using var blue = (x[0] + x[1]) * (128.0 / (width + height)) + 64;
        using var rgb = red.Bandjoin(green, blue).Cast(Enums.BandFormat.Uchar);
        using var bar = Image.Black(width / 10, height, bands: 3);
        using var marked = rgb.Insert(bar, 0, 0);
        using var srgb = marked.Copy(interpretation: Enums.Interpretation.Srgb);
        var plain = srgb.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
        return WithMetadata(plain, orientation);
    }

    /// <summary>A PNG with transparent parts and a text chunk naming the owner.</summary>
    public static byte[] TransparentPng(int width = 900, int height = 600)
    {
        using var x = Image.Xyz(width, height);
        using var grey = (x[0] * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        using var alpha = (x[1] * (255.0 / height)).Cast(Enums.BandFormat.Uchar);
        using var rgba = grey.Bandjoin(grey, grey, alpha).Copy(interpretation: Enums.Interpretation.Srgb);
        using var tagged = rgba.Mutate(m => m.Set(GValue.GStrType, "png-comment-0-Author", Owner));
        return tagged.PngsaveBuffer(keep: Enums.ForeignKeep.All);
    }

    /// <summary>
    /// A PNG that claims to be <paramref name="side"/> pixels a side but holds almost nothing: a
    /// decompression bomb. Its IHDR says the size; its one IDAT is a valid start of a stream of zeroes.
    /// </summary>
    public static byte[] Bomb(int side = 60_000)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[1 << 20]);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>True when <paramref name="bytes"/> hold any of the metadata the photos above carry.</summary>
    public static IEnumerable<string> Leaks(byte[] bytes)
    {
        var latin = Encoding.Latin1.GetString(bytes);
        foreach (var secret in new[] { Owner, Serial, Model, "2026:03:14 09:26:53", "Exif\0\0", "http://ns.adobe.com/xap/1.0/", "PhoneCo" })
        {
            if (latin.Contains(secret, StringComparison.Ordinal))
            {
                yield return secret.Replace("\0", "\\0", StringComparison.Ordinal);
            }
        }
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, System.IO.Hashing.Crc32.HashToUInt32(typed));
        png.Write(number);
    }

    // The JPEG with an EXIF segment, an XMP segment and a comment put in after its start marker.
    private static byte[] WithMetadata(byte[] jpeg, int orientation)
    {
        var output = new MemoryStream();
        output.Write(jpeg.AsSpan(0, 2));
        Segment(output, 0xE1, [.. "Exif\0\0"u8.ToArray(), .. Exif(orientation)]);
        var xmp = $"<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>{Owner}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        Segment(output, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8.ToArray(), .. Encoding.UTF8.GetBytes(xmp)]);
        Segment(output, 0xFE, Encoding.ASCII.GetBytes($"Taken by {Owner} on {Serial}"));
        output.Write(jpeg.AsSpan(2));
        return output.ToArray();
    }

    private static void Segment(Stream output, byte marker, byte[] payload)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
        var length = payload.Length + 2;
        output.WriteByte((byte)(length >> 8));
        output.WriteByte((byte)length);
        output.Write(payload);
    }

    // A little-endian TIFF structure: IFD0 (make, model, orientation, artist, copyright, pointers), the EXIF
    // IFD (time taken, owner, serial number) and the GPS IFD (a place in Minneapolis).
    private static byte[] Exif(int orientation)
    {
        var tiff = new TiffWriter();
        var ifd0 = new List<TiffWriter.Entry>
        {
            TiffWriter.Ascii(0x010F, "PhoneCo"),
            TiffWriter.Ascii(0x0110, Model),
            TiffWriter.Short(0x0112, (ushort)orientation),
            TiffWriter.Ascii(0x013B, Owner),
            TiffWriter.Ascii(0x8298, "(c) " + Owner),
        };
        var exif = new List<TiffWriter.Entry>
        {
            TiffWriter.Ascii(0x9003, "2026:03:14 09:26:53"),
            TiffWriter.Ascii(0xA430, Owner),
            TiffWriter.Ascii(0xA431, Serial),
        };
        var gps = new List<TiffWriter.Entry>
        {
            TiffWriter.Ascii(0x0001, "N"),
            TiffWriter.Rationals(0x0002, (44, 1), (58, 1), (4512, 100)),
            TiffWriter.Ascii(0x0003, "W"),
            TiffWriter.Rationals(0x0004, (93, 1), (15, 1), (2133, 100)),
        };
        return tiff.Write(ifd0, exif, gps);
    }

    private sealed class TiffWriter
    {
        public sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Data);

        public static Entry Ascii(ushort tag, string value)
        {
            var bytes = Encoding.ASCII.GetBytes(value + "\0");
            return new Entry(tag, 2, (uint)bytes.Length, bytes);
        }

        public static Entry Short(ushort tag, ushort value) => new(tag, 3, 1, BitConverter.GetBytes(value));

        public static Entry Rationals(ushort tag, params (uint Numerator, uint Denominator)[] values) =>
            new(tag, 5, (uint)values.Length, [.. values.SelectMany(v => BitConverter.GetBytes(v.Numerator).Concat(BitConverter.GetBytes(v.Denominator)))]);

        public byte[] Write(List<Entry> ifd0, List<Entry> exif, List<Entry> gps)
        {
            // Laid out as: header, IFD0, EXIF IFD, GPS IFD, then every value longer than four bytes.
            static int Size(List<Entry> entries) => 2 + (12 * entries.Count) + 4;
            var ifd0At = 8;
            var exifAt = ifd0At + Size(ifd0) + 24;
            var gpsAt = exifAt + Size(exif);
            ifd0.Add(new Entry(0x8769, 4, 1, BitConverter.GetBytes((uint)exifAt)));
            ifd0.Add(new Entry(0x8825, 4, 1, BitConverter.GetBytes((uint)gpsAt)));
            exifAt = ifd0At + Size(ifd0);
            gpsAt = exifAt + Size(exif);
            ifd0[^2] = ifd0[^2] with { Data = BitConverter.GetBytes((uint)exifAt) };
            ifd0[^1] = ifd0[^1] with { Data = BitConverter.GetBytes((uint)gpsAt) };
            var dataAt = gpsAt + Size(gps);
            var output = new MemoryStream();
            output.Write("II"u8);
            output.Write(BitConverter.GetBytes((ushort)42));
            output.Write(BitConverter.GetBytes((uint)ifd0At));
            var data = new MemoryStream();
            void Directory(List<Entry> entries)
            {
                output.Write(BitConverter.GetBytes((ushort)entries.Count));
                foreach (var entry in entries.OrderBy(e => e.Tag))
                {
                    output.Write(BitConverter.GetBytes(entry.Tag));
                    output.Write(BitConverter.GetBytes(entry.Type));
                    output.Write(BitConverter.GetBytes(entry.Count));
                    if (entry.Data.Length <= 4)
                    {
                        output.Write(entry.Data);
                        output.Write(new byte[4 - entry.Data.Length]);
                    }
                    else
                    {
                        output.Write(BitConverter.GetBytes((uint)(dataAt + data.Length)));
                        data.Write(entry.Data);
                        if (data.Length % 2 == 1)
                        {
                            data.WriteByte(0);
                        }
                    }
                }

                output.Write(BitConverter.GetBytes(0u));
            }

            Directory(ifd0);
            Directory(exif);
            Directory(gps);
            output.Write(data.ToArray());
            return output.ToArray();
        }
    }
}
