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
        var root = Path.TrimEndingDirectorySeparator(realRoot);
        return real == root || real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : real;
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
}
