using System.Globalization;
using System.Text;

namespace Broadside.Output;

/// <summary>
/// What a path of the published site may be, whatever made it (a slug, an alias, a media file's name):
/// one that every file system the site is built on and every host it is served from can hold. Each
/// segment is at most <see cref="MaxSegmentBytes"/> bytes of UTF-8, the whole path fits in
/// <see cref="MaxPathBytes"/> with the output folder before it, and no segment is empty, <c>.</c>,
/// <c>..</c>, hidden (a leading dot: hosts do not publish such files, and <c>.git/</c> or
/// <c>.well-known/</c> are not the site's to write) or holds a control character or a backslash.
/// </summary>
public static class OutputPath
{
    /// <summary>The longest name of one file or folder on the file systems sites are built on (ext4, APFS, NTFS): 255 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>The longest path Linux opens (PATH_MAX, 4,096 bytes with the terminating zero).</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>The folder Pagefind writes its index into; Broadside never writes or deletes there.</summary>
    public const string SearchFolder = "pagefind";

    /// <summary>
    /// Why <paramref name="relative"/> cannot be a file of the site, or null when it can. The message
    /// completes "the path … " and says what is wrong with it.
    /// </summary>
    /// <param name="relative">The file's path in the site, with <c>/</c> between segments.</param>
    /// <param name="folderBytes">The UTF-8 length of the output folder's full path, which the file's path is added to.</param>
    public static string? Problem(string relative, int folderBytes = 0)
    {
        if (relative.Length == 0)
        {
            return "is empty";
        }

        var start = 0;
        var total = folderBytes + 1;
        while (start <= relative.Length)
        {
            var end = relative.IndexOf('/', start);
            if (end < 0)
            {
                end = relative.Length;
            }

            var segment = relative.AsSpan(start, end - start);
            if (SegmentProblem(segment, first: start == 0) is { } problem)
            {
                return problem;
            }

            total += Encoding.UTF8.GetByteCount(segment) + (end < relative.Length ? 1 : 0);
            start = end + 1;
        }

        return total > MaxPathBytes
            ? string.Create(CultureInfo.InvariantCulture, $"is {total:N0} bytes long with the output folder before it, more than the {MaxPathBytes:N0} a file system can open: use shorter names, or an output folder nearer the root")
            : null;
    }

    /// <summary>
    /// Why <paramref name="segment"/> cannot be one file or folder name of the site, or null. The message
    /// completes "the path … ".
    /// </summary>
    /// <param name="segment">One name.</param>
    /// <param name="first">True for the first segment of a path, where Pagefind's folder is reserved.</param>
    public static string? SegmentProblem(ReadOnlySpan<char> segment, bool first = false)
    {
        if (segment.Length == 0)
        {
            return "has an empty segment ('//', or a '/' at the start)";
        }

        if (segment is "." or "..")
        {
            return $"has a '{segment}' segment";
        }

        if (segment[0] == '.')
        {
            return $"has a hidden segment ('{segment}', starting with a dot), which hosts do not publish";
        }

        foreach (var c in segment)
        {
            if (c == '\\')
            {
                return "has a backslash";
            }

            if (char.IsControl(c))
            {
                return "has a control character";
            }
        }

        var bytes = Encoding.UTF8.GetByteCount(segment);
        if (bytes > MaxSegmentBytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"has a segment of {bytes:N0} bytes ('{segment[..Math.Min(segment.Length, 40)]}…'), more than the {MaxSegmentBytes} a file or folder name may have");
        }

        return first && segment.Equals(SearchFolder, StringComparison.OrdinalIgnoreCase)
            ? $"is in '{SearchFolder}/', where the search index is kept"
            : null;
    }
}
