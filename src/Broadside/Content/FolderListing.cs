using System.Collections.Immutable;
using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>
/// A content folder listed once (<see cref="ContentFiles.List"/>), with what the listing reported, for
/// every part of one build that needs it: the state a build saves records each file's size and time, and
/// the build reads the files, from the same listing.
/// </summary>
/// <param name="Folder">The folder, as a full path.</param>
/// <param name="Pattern">The pattern of the files listed.</param>
/// <param name="Files">The files, in ordinal order, with their sizes and times.</param>
/// <param name="Problems">What the listing reported (links that lead outside, unreadable folders...).</param>
public sealed record FolderListing(string Folder, string Pattern, ImmutableArray<ListedFile> Files, ImmutableArray<Diagnostic> Problems)
{
    /// <summary>Lists <paramref name="folder"/> as <see cref="ContentFiles.List"/> does, keeping what it reports.</summary>
    public static FolderListing Of(string folder, string pattern, string? root, string displayFolder)
    {
        var problems = new DiagnosticBag();
        var files = ContentFiles.List(folder, pattern, root, displayFolder, problems);
        return new FolderListing(Path.GetFullPath(folder), pattern, files, problems.ToImmutableSorted());
    }

    /// <summary>True when this is the listing of <paramref name="folder"/> by <paramref name="pattern"/>.</summary>
    public bool Lists(string folder, string pattern) => Folder == Path.GetFullPath(folder) && Pattern == pattern;
}
