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

    /// <summary>
    /// Deletes files listed by the previous manifest that are not in <paramref name="produced"/>,
    /// removes folders left empty, and records <paramref name="produced"/>. Returns how many files were deleted.
    /// </summary>
    public static int Update(string outputFolder, IReadOnlyCollection<string> produced)
    {
        var path = Path.Combine(outputFolder, FileName);
        var keep = new HashSet<string>(produced, StringComparer.Ordinal);
        var deleted = 0;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var relative = line.Trim();
                if (relative.Length == 0 || keep.Contains(relative) || !IsInside(outputFolder, relative))
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
        foreach (var relative in produced.Order(StringComparer.Ordinal))
        {
            text.Append(relative).Append('\n');
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
