using System.Text;

namespace Broadside.Output;

/// <summary>
/// The list of files the last successful build produced, kept in the output folder. The next build
/// deletes what it listed and no longer produces (a removed article, an unpublished draft), and
/// nothing else: a file Broadside did not write is never deleted.
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
            if (parts.Length == 4 && long.TryParse(parts[2], out var length) && long.TryParse(parts[3], out var ticks))
            {
                records[parts[0]] = new OutputRecord(parts[1], length, ticks);
            }
            else if (parts.Length >= 1 && parts[0].Length > 0)
            {
                records[parts[0]] = new OutputRecord(string.Empty, -1, 0);
            }
        }

        return records;
    }

    /// <summary>
    /// Deletes files listed by the previous manifest that are not in <paramref name="produced"/>,
    /// removes folders left empty, and records <paramref name="produced"/>. Returns how many files were deleted.
    /// </summary>
    public static int Update(string outputFolder, IReadOnlyDictionary<string, OutputRecord> produced)
    {
        var path = Path.Combine(outputFolder, FileName);
        var deleted = 0;
        if (File.Exists(path))
        {
            foreach (var relative in Load(outputFolder).Keys)
            {
                if (produced.ContainsKey(relative) || !IsInside(outputFolder, relative))
                {
                    continue;
                }

                var file = Path.Combine(outputFolder, relative);
                if (File.Exists(file))
                {
                    File.Delete(file);
                    deleted++;
                    RemoveEmptyFolders(outputFolder, Path.GetDirectoryName(file)!);
                }
            }
        }

        Directory.CreateDirectory(outputFolder);
        var text = new StringBuilder();
        foreach (var (relative, record) in produced.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(relative).Append('\t').Append(record.Hash).Append('\t')
                .Append(record.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t')
                .Append(record.LastWriteTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        OutputWriter.WriteText(path, text.ToString());
        return deleted;
    }

    private static bool IsInside(string folder, string relative)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return !Path.IsPathRooted(relative) && Path.GetFullPath(Path.Combine(folder, relative)).StartsWith(root, StringComparison.Ordinal);
    }

    private static void RemoveEmptyFolders(string root, string folder)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        for (var current = Path.GetFullPath(folder); current.Length > top.Length && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current)!)
        {
            Directory.Delete(current);
        }
    }
}
