using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Broadside.Output;

namespace Broadside.Pictures;

/// <summary>
/// A theme's font as the card drawing uses it: a copy named by its bytes, in a folder of the user's
/// that nothing deletes while a build runs, whose family is renamed to one no other font has
/// (<c>Broadside</c> and sixteen letters of its hash).
/// <para>
/// Text is laid out by Pango, which finds a font by its family name among every font fontconfig was
/// given. Given the theme's file itself, the same family could come from an installed font of another
/// version, or from the copy of a theme in a folder since deleted (fontconfig keeps every file it was
/// once given), and the card came out in another font or in empty boxes. A family of its own, from a
/// file that stays, is drawn the same on every machine and in every build of a process.
/// </para>
/// </summary>
public static class CardFont
{
    private static readonly Lock Writing = new();

    // What each font's bytes were prepared as in this process: a preview that rebuilds on every save
    // does not rename and compare the fonts each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Hash128, (string File, string Name)> Prepared = new();

    /// <summary>
    /// The file and family to draw the font of <paramref name="bytes"/> with. A file that is no TrueType or
    /// OpenType font keeps its own family (<paramref name="fallback"/> when it names none); a folder that
    /// cannot be written leaves the theme's own file in use.
    /// </summary>
    /// <param name="bytes">The font file's bytes.</param>
    /// <param name="path">The theme's font file.</param>
    /// <param name="fallback">The family to ask for when the file names none (<c>Serif Bold</c>).</param>
    public static (string File, string Name) Prepare(byte[] bytes, string path, string fallback)
    {
        var hash = Hash128.Of(bytes);
        if (Prepared.TryGetValue(hash, out var known) && File.Exists(known.File))
        {
            return known;
        }

        var family = Family(hash);
        var renamed = Renamed(bytes, family);
        var (copy, name) = renamed is null ? (bytes, CardStyle.FontName(bytes) ?? fallback) : (renamed, family);
        foreach (var folder in Folders())
        {
            var file = Path.Combine(folder, $"{KeyFormat(hash)}{(renamed is null ? "-own" : string.Empty)}.ttf");
            if (Keep(file, copy))
            {
                return Prepared[hash] = (file, name);
            }
        }

        return (path, CardStyle.FontName(bytes) ?? fallback);
    }

    /// <summary>The family a font with the bytes of <paramref name="hash"/> is renamed to: <c>Broadside</c> and sixteen letters.</summary>
    internal static string Family(Hash128 hash)
    {
        // Letters only: Pango reads a trailing number of a font's description as its size.
        var name = new StringBuilder("Broadside", 25);
        for (var i = 0; i < 16; i++)
        {
            name.Append((char)('a' + (int)((hash.Low >> (4 * i)) & 0xF)));
        }

        return name.ToString();
    }

    /// <summary>
    /// The font of <paramref name="font"/> with a name table that names it <paramref name="family"/> (family,
    /// full and PostScript name; style Regular); null when it is no TrueType or OpenType font. The new table
    /// is added at the end and the font's checksums are made again; every other table is left as it was.
    /// </summary>
    internal static byte[]? Renamed(ReadOnlySpan<byte> font, string family)
    {
        if (font.Length < 12 || !(font[..4].SequenceEqual(new byte[] { 0, 1, 0, 0 }) || font[..4].SequenceEqual("OTTO"u8) || font[..4].SequenceEqual("true"u8)))
        {
            return null;
        }

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        if (12 + (16 * tables) > font.Length)
        {
            return null;
        }

        int? name = null, head = null;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            var tag = font.Slice(record, 4);
            if (tag.SequenceEqual("name"u8))
            {
                name = record;
            }
            else if (tag.SequenceEqual("head"u8))
            {
                head = record;
            }
        }

        if (name is null)
        {
            return null;
        }

        var table = NameTable(family);
        var start = Align(font.Length);
        var result = new byte[start + Align(table.Length)];
        font.CopyTo(result);
        table.CopyTo(result, start);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(name.Value + 4), Checksum(result.AsSpan(start, Align(table.Length))));
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(name.Value + 8), (uint)start);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(name.Value + 12), (uint)table.Length);
        if (head is { } at && BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(at + 8)) is var offset && offset + 12 <= start)
        {
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan((int)offset + 8), 0);
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan((int)offset + 8), unchecked(0xB1B0AFBA - Checksum(result)));
        }

        return result;
    }

    // A name table of format 0 with the family (1), style (2), full name (4) and PostScript name (6), in
    // UTF-16 for Windows' Unicode platform, US English: the records fontconfig and FreeType read.
    private static byte[] NameTable(string family)
    {
        (ushort Id, string Value)[] names = [(1, family), (2, "Regular"), (4, family), (6, family)];
        var strings = names.Select(n => Encoding.BigEndianUnicode.GetBytes(n.Value)).ToArray();
        var header = 6 + (12 * names.Length);
        var table = new byte[header + strings.Sum(s => s.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), (ushort)names.Length);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), (ushort)header);
        var offset = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var record = table.AsSpan(6 + (12 * i));
            BinaryPrimitives.WriteUInt16BigEndian(record, 3);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], 0x409);
            BinaryPrimitives.WriteUInt16BigEndian(record[6..], names[i].Id);
            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)strings[i].Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)offset);
            strings[i].CopyTo(table, header + offset);
            offset += strings[i].Length;
        }

        return table;
    }

    private static int Align(int length) => (length + 3) & ~3;

    // The sum of the big-endian 32-bit words of the bytes, the last padded with zeros.
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (var i = 0; i < bytes.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < bytes.Length ? bytes[i + j] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }

    // The user's cache (XDG_CACHE_HOME, or ~/.cache; the local application data elsewhere), then the temporary folder.
    private static IEnumerable<string> Folders()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(cache) && Path.IsPathFullyQualified(cache))
        {
            yield return Path.Combine(cache, "broadside", "fonts");
        }
        else if (!OperatingSystem.IsWindows() && home.Length > 0)
        {
            yield return Path.Combine(home, ".cache", "broadside", "fonts");
        }
        else if (Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } local)
        {
            yield return Path.Combine(local, "broadside", "fonts");
        }

        yield return Path.Combine(Path.GetTempPath(), $"broadside-fonts-{Environment.UserName}");
    }

    // Writes the bytes to the file unless it holds them already, under a temporary name renamed into place;
    // false when the folder cannot be written.
    private static bool Keep(string file, byte[] bytes)
    {
        lock (Writing)
        {
            try
            {
                if (File.Exists(file) && File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes))
                {
                    return true;
                }

                var folder = Path.GetDirectoryName(file)!;
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                var temporary = $"{file}.{Environment.ProcessId}.tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, file, overwrite: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    private static string KeyFormat(Hash128 hash) => hash.ToString();
}
