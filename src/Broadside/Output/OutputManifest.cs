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
        var records = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return records;
        }

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
        // Written as UTF-8 line by line: a large site's manifest is megabytes, written on every build.
        var paths = order ?? OrdinalOrder.Merge([], produced.Keys);
        using var file = new FileStream(Path.Combine(folder, FileName), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var used = 0;
        try
        {
            foreach (var relative in paths)
            {
                var record = produced[relative];
                var most = Encoding.UTF8.GetMaxByteCount(relative.Length + record.Hash.Length + record.Key.Length) + 48;
                if (buffer.Length - used < most)
                {
                    file.Write(buffer, 0, used);
                    used = 0;
                    if (buffer.Length < most)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(most);
                    }
                }

                var line = buffer.AsSpan(used);
                var at = Encoding.UTF8.GetBytes(relative, line);
                line[at++] = (byte)'\t';
                at += Encoding.UTF8.GetBytes(record.Hash, line[at..]);
                line[at++] = (byte)'\t';
                record.Length.TryFormat(line[at..], out var written, default, CultureInfo.InvariantCulture);
                at += written;
                line[at++] = (byte)'\t';
                record.LastWriteTicks.TryFormat(line[at..], out written, default, CultureInfo.InvariantCulture);
                at += written;
                line[at++] = (byte)'\t';
                at += Encoding.UTF8.GetBytes(record.Key, line[at..]);
                line[at++] = (byte)'\n';
                used += at;
            }

            file.Write(buffer, 0, used);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
