using System.Collections.Immutable;
using System.IO.Enumeration;
using Broadside.Diagnostics;

namespace Broadside.Content;

/// <summary>
/// Lists the files of a folder of the publication or the theme: recursively, in ordinal path order,
/// skipping names that start with <c>_</c> or <c>.</c>. Only regular files are listed, each known to be
/// one before anything opens it; everything else found on the way is reported and left out.
/// </summary>
public static class ContentFiles
{
    // As Directory.EnumerateFiles matches names by default: without regard to case on Windows and macOS only.
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// <paramref name="path"/>, a file of <paramref name="folder"/> or of a folder below it, relative to
    /// it with <c>/</c> between segments: a slice of the path when it starts with the folder, as the paths
    /// listed here do, which is many times cheaper than <see cref="Path.GetRelativePath"/>.
    /// </summary>
    public static string RelativePath(string folder, string path) =>
        path.Length > folder.Length + 1 && path[folder.Length] == Path.DirectorySeparatorChar && path.StartsWith(folder, StringComparison.Ordinal)
            ? path[(folder.Length + 1)..].Replace('\\', '/')
            : Path.GetRelativePath(folder, path).Replace('\\', '/');

    /// <summary>
    /// The regular files of <paramref name="folder"/> matching <paramref name="pattern"/>, with everything
    /// else reported (shown under <paramref name="displayFolder"/>) and left out: a named pipe, socket or
    /// device (BS0012); a symbolic link that leads outside <paramref name="root"/> (BS0011) or back to a
    /// folder that holds it (BS0013, once for each loop, and not followed); a folder or link that cannot be
    /// read (BS0002). Other links, to a file or a folder, are followed. A missing folder lists nothing.
    /// </summary>
    /// <param name="folder">The folder on disk.</param>
    /// <param name="pattern">A file pattern such as <c>*.md</c>.</param>
    /// <param name="root">The folder links must really stay in; null to let them lead anywhere (the theme).</param>
    /// <param name="displayFolder">The folder as diagnostics show it (<c>input/articles</c>).</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="hidden">True to list names that start with <c>_</c> or <c>.</c> too.</param>
    public static ImmutableArray<string> Enumerate(string folder, string pattern, string? root, string displayFolder, DiagnosticBag diagnostics, bool hidden = false) =>
        [.. List(folder, pattern, root, displayFolder, diagnostics, hidden).Select(file => file.Path)];

    /// <summary>
    /// The files <see cref="Enumerate"/> lists, each with its size and time as the listing found them
    /// (a link's are those of the file it leads to): no file is looked at twice to learn them.
    /// </summary>
    /// <param name="folder">The folder on disk.</param>
    /// <param name="pattern">A file pattern such as <c>*.md</c>.</param>
    /// <param name="root">The folder links must really stay in; null to let them lead anywhere (the theme).</param>
    /// <param name="displayFolder">The folder as diagnostics show it (<c>input/articles</c>).</param>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="hidden">True to list names that start with <c>_</c> or <c>.</c> too.</param>
    public static ImmutableArray<ListedFile> List(string folder, string pattern, string? root, string displayFolder, DiagnosticBag diagnostics, bool hidden = false) =>
        new Walk(Path.GetFullPath(folder), pattern, root, displayFolder, diagnostics, hidden).Run();

    /// <summary>True when any segment of <paramref name="relativePath"/> starts with <c>_</c> or <c>.</c>.</summary>
    public static bool IsHidden(string relativePath) =>
        relativePath.Split('/', '\\').Any(IsHiddenName);

    /// <summary>True when the file at <paramref name="relativePath"/> in a content folder is listed with <paramref name="pattern"/>.</summary>
    public static bool IsContent(string relativePath, string pattern) =>
        !IsHidden(relativePath) && FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(relativePath), IgnoreCase);

    private static bool IsHiddenName(string name) => name.StartsWith('_') || name.StartsWith('.');

    /// <summary>
    /// One listing. Folders are walked one at a time, with the real folders above the one being walked:
    /// a link that leads to one of them, or above, would repeat them without end.
    /// </summary>
    private sealed class Walk(string folder, string pattern, string? root, string displayFolder, DiagnosticBag diagnostics, bool hidden)
    {
        // The most links through which one folder is listed.
        private const int MostPaths = 8;

        private readonly string? _realRoot = root is null ? null : InputPaths.Real(root);
        private readonly List<ListedFile> _files = [];
        private readonly HashSet<string> _loops = new(StringComparer.Ordinal);
        private readonly List<Level> _chain = [];
        private readonly Dictionary<string, int> _entered = new(StringComparer.Ordinal);
        private string? _realFolder;

        public ImmutableArray<ListedFile> Run()
        {
            // The folder is looked at as an entry of the one that holds it: it may itself be a link.
            var parent = Path.GetDirectoryName(folder);
            _chain.Add(new Level(parent is null ? folder : InputPaths.Real(parent), null, null));
            Visit(folder, displayFolder, top: true);
            return [.. _files.OrderBy(file => file.Path, StringComparer.Ordinal)];
        }

        private void Visit(string path, string display, bool top = false)
        {
            try
            {
                Look(path, display, top);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder on the way that cannot be searched, or a file removed while the build runs.
                TextFile.ReportUnreadable(display, ex, diagnostics, folder: false);
            }
        }

        private void Look(string path, string display, bool top)
        {
            var status = FileProbe.Of(path, followLinks: false);
            var link = status.Kind == FileKind.Link;
            if (link)
            {
                if (_realRoot is not null && InputPaths.Outside(path, _realRoot) is { } target)
                {
                    TextFile.ReportOutside(display, target, diagnostics);
                    return;
                }

                status = FileProbe.Of(path, followLinks: true);
            }

            switch (status.Kind)
            {
                case FileKind.File when !top:
                    _files.Add(new ListedFile(path, status.Length, status.LastWriteTicks));
                    break;
                case FileKind.Folder:
                    Descend(path, display, link);
                    break;
                case FileKind.Missing when link:
                    diagnostics.Error(
                        DiagnosticCodes.FileUnreadable,
                        $"this symbolic link leads to '{LinkTarget(path)}', which does not exist: correct the link, or delete it",
                        display);
                    break;
                case FileKind.LinkLoop:
                    ReportLinkCycle(path, display);
                    break;
                case FileKind.Unreadable:
                    diagnostics.Error(
                        DiagnosticCodes.FileUnreadable,
                        "cannot look at it: the folder that holds it cannot be searched (permission denied); make that folder readable, such as with chmod a+rx",
                        display);
                    break;
                case FileKind.Pipe or FileKind.Socket or FileKind.Device:
                    TextFile.ReportSpecial(display, status, diagnostics, link);
                    break;
            }
        }

        private void Descend(string path, string display, bool link)
        {
            string real;
            if (link || _chain.Count == 1)
            {
                real = InputPaths.Real(path);
                var above = _chain.FindIndex(level => InputPaths.IsWithin(level.Real, real));
                if (link && above >= 0)
                {
                    ReportFolderLoop(path, display, real, above);
                    return;
                }
            }
            else
            {
                real = Path.Combine(_chain[^1].Real, Path.GetFileName(path));
            }

            // Links that branch (a/x and a/y both to b, b/x and b/y both to c...) list a folder once per
            // path to it, twice as many at each step: a folder is entered through a few links at most.
            var entered = link ? _entered[real] = _entered.GetValueOrDefault(real) + 1 : 0;
            if (entered > MostPaths)
            {
                if (entered == MostPaths + 1)
                {
                    diagnostics.Error(
                        DiagnosticCodes.LinkLoop,
                        $"symbolic links lead to the folder '{Shown(real, real)}' by more than {MostPaths} paths, so its files would be published again under each: Broadside follows no more of them; link to it once",
                        display);
                }

                return;
            }

            List<(string Name, bool IsFolder)> entries;
            try
            {
                entries = [.. new FileSystemEnumerable<(string, bool)>(path, (ref entry) => (entry.FileName.ToString(), entry.IsDirectory), OneFolder)
                    .OrderBy(e => e.Item1, StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TextFile.ReportUnreadable(display, ex, diagnostics, folder: true);
                return;
            }

            if (_chain.Count == 1)
            {
                _realFolder = real;
            }

            _chain.Add(new Level(real, link ? Location(path) : null, link ? display : null));
            foreach (var (name, isFolder) in entries)
            {
                // A file that does not match is never looked at; a folder is walked whatever its name.
                if ((hidden || !IsHiddenName(name)) && (isFolder || FileSystemName.MatchesSimpleExpression(pattern, name, IgnoreCase)))
                {
                    Visit(Path.Combine(path, name), display + "/" + name);
                }
            }

            _chain.RemoveAt(_chain.Count - 1);
        }

        // A link to a folder at or above one being walked: the loop runs through it and the links by which
        // the walk entered the folders below that one. Reported once, at the first of its links.
        private void ReportFolderLoop(string path, string display, string real, int above)
        {
            var links = _chain.Skip(above + 1).Where(l => l.Link is not null).Select(l => (Location: l.Link!, Display: Shown(l.Link!, l.Display!)))
                .Append((Location: Location(path), Display: Shown(Location(path), display)))
                .OrderBy(l => l.Display, StringComparer.Ordinal)
                .ToList();
            if (!_loops.Add(string.Join('\n', links.Select(l => l.Location).Order(StringComparer.Ordinal))))
            {
                return;
            }

            var others = links.Skip(1).Select(l => l.Display).ToList();
            var through = others.Count == 0 ? string.Empty : $", through {string.Join(" and ", others)},";
            diagnostics.Error(
                DiagnosticCodes.LinkLoop,
                $"this symbolic link leads back{through} to a folder that holds it ('{Shown(real, real)}'), so its folders would repeat without end: Broadside does not follow it; delete the link, or point it at a folder that does not hold it",
                links[0].Display);
        }

        // A link that never reaches a file: reported once for the links that lead round to each other.
        private void ReportLinkCycle(string path, string display)
        {
            var cycle = InputPaths.LinkCycle(path);
            if (!_loops.Add(string.Join('\n', cycle.Order(StringComparer.Ordinal))))
            {
                return;
            }

            var others = cycle.Where(c => c != Path.GetFullPath(path)).Select(c => Shown(c, c)).ToList();
            var with = others.Count == 0 ? string.Empty : $" with {string.Join(" and ", others)}";
            diagnostics.Error(
                DiagnosticCodes.LinkLoop,
                $"this symbolic link leads round a loop of links{with} ('{LinkTarget(path)}'), and never reaches a file: delete it, or point it at the file or folder it is meant for",
                display);
        }

        // Where a link really is: its real folder and its name.
        private static string Location(string path) => Path.Combine(InputPaths.Real(Path.GetDirectoryName(path)!), Path.GetFileName(path));

        // A real path as messages show it: below the listed folder, or the root, when it is there.
        private string Shown(string real, string otherwise)
        {
            if (_realFolder is { } realFolder && InputPaths.IsWithin(real, realFolder))
            {
                var relative = Path.GetRelativePath(realFolder, real).Replace('\\', '/');
                return relative == "." ? displayFolder : displayFolder + "/" + relative;
            }

            if (_realRoot is not null && root is not null && InputPaths.IsWithin(real, _realRoot))
            {
                var below = Path.GetRelativePath(Path.GetFullPath(root), folder).Replace('\\', '/');
                var rootDisplay = displayFolder.EndsWith("/" + below, StringComparison.Ordinal) ? displayFolder[..^(below.Length + 1)] : null;
                if (rootDisplay is not null)
                {
                    var relative = Path.GetRelativePath(_realRoot, real).Replace('\\', '/');
                    return relative == "." ? rootDisplay : rootDisplay + "/" + relative;
                }
            }

            return otherwise == real ? real.Replace('\\', '/') : otherwise;
        }

        private static string? LinkTarget(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>A folder being walked: where it really is, and the link the walk entered it by, if any.</summary>
        private readonly record struct Level(string Real, string? Link, string? Display);
    }
}

/// <summary>A file a listing found (<see cref="ContentFiles.List"/>), with its size and time as it found them.</summary>
/// <param name="Path">The file, as a full path.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="LastWriteTicks">When it was last written, in UTC ticks.</param>
public readonly record struct ListedFile(string Path, long Length, long LastWriteTicks);
