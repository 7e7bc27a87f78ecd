using System.Collections.Immutable;
using System.IO.Enumeration;
using Broadside.Content;
using Broadside.Diagnostics;

namespace Broadside.Modules;

/// <summary>Lists content files: recursively, in ordinal path order, skipping names that start with <c>_</c> or <c>.</c>.</summary>
public static class ContentFiles
{
    // As Directory.EnumerateFiles matches names by default: without regard to case on Windows and macOS only.
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>The files of <paramref name="folder"/> matching <paramref name="pattern"/>.</summary>
    public static ImmutableArray<string> Enumerate(string folder, string pattern) => List(folder, pattern, _ => true);

    /// <summary>
    /// The files of <paramref name="folder"/> matching <paramref name="pattern"/> that are really inside
    /// <paramref name="root"/>. A symbolic link, to a file or a folder, that leads outside it is
    /// reported (shown under <paramref name="displayFolder"/>) and left out with everything below it.
    /// </summary>
    public static ImmutableArray<string> Enumerate(string folder, string pattern, string root, string displayFolder, DiagnosticBag diagnostics)
    {
        var realRoot = InputPaths.Real(root);
        var outside = new List<(string Path, string Target)>();
        bool Inside(string path)
        {
            if (InputPaths.Outside(path, realRoot) is { } target)
            {
                outside.Add((path, target));
                return false;
            }

            return true;
        }

        var files = Inside(folder) ? List(folder, pattern, Inside) : [];
        foreach (var (path, target) in outside.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            TextFile.ReportOutside(relative == "." ? displayFolder : displayFolder + "/" + relative, target, diagnostics);
        }

        return files;
    }

    /// <summary>True when any segment of <paramref name="relativePath"/> starts with <c>_</c> or <c>.</c>.</summary>
    public static bool IsHidden(string relativePath) =>
        relativePath.Split('/', '\\').Any(IsHiddenName);

    /// <summary>True when the file at <paramref name="relativePath"/> in a content folder is listed with <paramref name="pattern"/>.</summary>
    public static bool IsContent(string relativePath, string pattern) =>
        !IsHidden(relativePath) && FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(relativePath), IgnoreCase);

    private static bool IsHiddenName(string name) => name.StartsWith('_') || name.StartsWith('.');

    private static bool IsHiddenName(ReadOnlySpan<char> name) => name.StartsWith("_") || name.StartsWith(".");

    // Lists the files, asking keepLink about each symbolic link (to a file or a folder) before following it.
    private static ImmutableArray<string> List(string folder, string pattern, Func<string, bool> keepLink)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        var entries = new FileSystemEnumerable<string>(folder, (ref entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref entry) =>
                !entry.IsDirectory
                && !IsHiddenName(entry.FileName)
                && FileSystemName.MatchesSimpleExpression(pattern, entry.FileName, IgnoreCase)
                && (!IsLink(entry) || keepLink(entry.ToFullPath())),
            ShouldRecursePredicate = (ref entry) =>
                !IsHiddenName(entry.FileName) && (!IsLink(entry) || keepLink(entry.ToFullPath())),
        };
        return [.. entries.Order(StringComparer.Ordinal)];
    }

    private static bool IsLink(in FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
}
