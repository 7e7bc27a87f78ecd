using System.Buffers;
using System.Globalization;
using System.Text;

namespace Broadside.Output;

/// <summary>
/// The list of files the last successful build produced, kept in the output folder. The next build
/// drops what it listed and no longer produces (a removed article, an unpublished draft), and nothing
/// else: a file Broadside did not write is carried over (<see cref="StagedOutput"/>).
/// </summary>
public static class OutputManifest
{
    /// <summary>The manifest's file name in the output folder.</summary>
    public const string FileName = ".broadside-manifest";

    /// <summary>What the last build recorded of each file it produced; empty when there is no manifest.</summary>
    public static IReadOnlyDictionary<string, OutputRecord> Load(string outputFolder)
    {
        var path = Path.Combine(outputFolder, FileName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        }

        // Made at about its size (a line is a path, a hash, a size, a time and a key: over a hundred
        // bytes): grown by doubling, a large site's table is several arrays on the large object heap.
        var records = new Dictionary<string, OutputRecord>((int)Math.Min(info.Length / 128, 1 << 20), StringComparer.Ordinal);

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length is 4 or 5 && long.TryParse(parts[2], out var length) && long.TryParse(parts[3], out var ticks))
            {
                records[parts[0]] = new OutputRecord(parts[1], length, ticks, parts.Length == 5 ? parts[4] : string.Empty);
            }
            else if (parts.Length >= 1 && parts[0].Length > 0)
            {
                records[parts[0]] = new OutputRecord(string.Empty, -1, 0);
            }
        }

        return records;
    }

    /// <summary>Records <paramref name="produced"/> as the manifest of the site in <paramref name="folder"/>, in ordinal order.</summary>
    /// <param name="folder">The folder to write it in.</param>
    /// <param name="produced">Every file of the site, with what the manifest keeps of it.</param>
    /// <param name="order">The files of <paramref name="produced"/> in ordinal order, when the caller holds them so (<see cref="OrdinalOrder"/>).</param>
    public static void Write(string folder, IReadOnlyDictionary<string, OutputRecord> produced, IReadOnlyList<string>? order = null)
    {
        // Made as UTF-8 in a pooled buffer, as pages are: a large site's manifest is megabytes, written on
        // every build. Lines are gathered as characters and encoded a large piece at a time, which is
        // many times faster than encoding each field.
        var paths = order ?? OrdinalOrder.Merge([], produced.Keys);
        using var buffer = new PooledBuffer(paths.Count * 128);
        using (var text = new Utf8Writer(buffer))
        {
            var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
            var used = 0;
            void Add(ReadOnlySpan<char> part)
            {
                if (used + part.Length > chars.Length)
                {
                    text.Write(chars.AsSpan(0, used));
                    used = 0;
                    if (part.Length > chars.Length)
                    {
                        text.Write(part);
                        return;
                    }
                }

                part.CopyTo(chars.AsSpan(used));
                used += part.Length;
            }

            Span<char> number = stackalloc char[20];
            foreach (var relative in paths)
            {
                var record = produced[relative];
                Add(relative);
                Add("\t");
                Add(record.Hash);
                Add("\t");
                Add(number[..Format(record.Length, number)]);
                Add("\t");
                Add(number[..Format(record.LastWriteTicks, number)]);
                Add("\t");
                Add(record.Key);
                Add("\n");
            }

            text.Write(chars.AsSpan(0, used));
            ArrayPool<char>.Shared.Return(chars);
            text.Flush();
        }

        File.WriteAllBytes(Path.Combine(folder, FileName), buffer.Written);
    }

    private static int Format(long value, Span<char> into) =>
        value.TryFormat(into, out var written, default, CultureInfo.InvariantCulture) ? written : throw new FormatException("a number too long for the manifest");
}
