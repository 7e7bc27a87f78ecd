using System.Collections.Immutable;

namespace Broadside.Modules;

/// <summary>Lists content files: recursively, in ordinal path order, skipping names that start with <c>_</c> or <c>.</c>.</summary>
public static class ContentFiles
{
    /// <summary>The files of <paramref name="folder"/> matching <paramref name="pattern"/>.</summary>
    public static ImmutableArray<string> Enumerate(string folder, string pattern)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
            MatchType = MatchType.Simple,
            ReturnSpecialDirectories = false,
        };
        return [.. Directory.EnumerateFiles(folder, pattern, options)
            .Where(path => !IsHidden(Path.GetRelativePath(folder, path)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>True when any segment of <paramref name="relativePath"/> starts with <c>_</c> or <c>.</c>.</summary>
    public static bool IsHidden(string relativePath) =>
        relativePath.Split('/', '\\').Any(part => part.StartsWith('_') || part.StartsWith('.'));
}
