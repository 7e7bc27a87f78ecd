namespace Broadside.Content;

/// <summary>
/// Where files really are once symbolic links are followed, so that a link committed inside the input
/// folder cannot publish or read a file from elsewhere on the machine that builds the site.
/// </summary>
public static class InputPaths
{
    // As many links as a path may pass through before it is taken for a loop (Linux's own limit).
    private const int MaxLinks = 40;

    /// <summary>
    /// The absolute path of <paramref name="path"/> with every symbolic link along it followed, and each
    /// <c>..</c> taken after the link before it, as the system does; a part that does not exist is kept
    /// as written. A loop of links gives the path where the loop was found.
    /// </summary>
    public static string Real(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var links = 0;
        return Walk(root, full[root.Length..], ref links);
    }

    /// <summary>
    /// Where <paramref name="path"/> really leads when that is outside <paramref name="realRoot"/> (a
    /// path from <see cref="Real"/>); null when it stays inside.
    /// </summary>
    public static string? Outside(string path, string realRoot)
    {
        var real = Real(path);
        return IsWithin(real, realRoot) ? null : real;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both full paths, compared as written).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(folder);
        var inside = Path.TrimEndingDirectorySeparator(path);
        return inside == root || inside.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// The links that <paramref name="path"/>, a link that never reaches a file, leads round, as full
    /// paths: the loop its targets fall into. Just the path when the loop is not found by following them.
    /// </summary>
    public static IReadOnlyList<string> LinkCycle(string path)
    {
        var visited = new List<string>();
        var current = Path.GetFullPath(path);
        while (visited.Count <= MaxLinks)
        {
            var seen = visited.IndexOf(current);
            if (seen >= 0)
            {
                return visited[seen..];
            }

            visited.Add(current);
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                break;
            }

            if (target is null)
            {
                break;
            }

            current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, target));
        }

        return [Path.GetFullPath(path)];
    }

    // Follows the parts of a relative path from the real folder start.
    private static string Walk(string start, string relative, ref int links)
    {
        var current = start;
        foreach (var part in relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return next;
                }

                var targetRoot = Path.GetPathRoot(target) ?? string.Empty;
                next = targetRoot.Length > 0 ? Walk(targetRoot, target[targetRoot.Length..], ref links) : Walk(current, target, ref links);
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// The file at <paramref name="path"/> as its size and time tell whether it changed: the file a
    /// symbolic link leads to, since a link keeps its own time when what it leads to changes.
    /// </summary>
    public static FileInfo Stamped(string path)
    {
        var file = new FileInfo(path);
        return (file.Attributes & FileAttributes.ReparsePoint) != 0 && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : file;
    }
}
