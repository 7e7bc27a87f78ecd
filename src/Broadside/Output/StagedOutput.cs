using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Broadside.Output;

/// <summary>
/// The output folder of one build. New and changed files are written into a staging folder beside the
/// published one and moved in only when the whole build succeeded, so a build that fails, or is killed
/// while it works, leaves the previous site complete. Before the first move every one is checked
/// (<see cref="Blocked"/>) and the moves are recorded in a journal; a move that fails anyway is undone
/// with all before it, and a build killed while moving files in is completed by the next one
/// (<see cref="Recover"/>). Files whose bytes would not change are left where they are, so their
/// modification times stay and a deploy uploads only what changed; files an earlier build wrote and
/// this one does not produce are deleted; files no build wrote are never touched.
/// </summary>
/// <remarks>
/// When the published folder is missing or empty, as on a deploy's first build, there is no previous
/// site to protect file by file: the files are staged in the site's own layout and the whole folder is
/// renamed into place, one step that is all or nothing by itself.
/// </remarks>
public sealed class StagedOutput : IDisposable
{
    private const string JournalName = "journal.json";

    // Where the files a commit replaces or deletes wait until it is done, inside the staging folder.
    private const string KeptFolder = "kept";

    // Where a site for a missing or empty published folder is staged, in its own layout, inside the staging folder.
    private const string SiteFolder = "site";

    private readonly Lazy<string> _staging;
    private readonly ConcurrentDictionary<string, string> _moves = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _stagedFolders = new(StringComparer.Ordinal);
    private readonly Lazy<bool> _fresh;
    private int _flat;
    private readonly OutputFileSystem _fileSystem;
    private int _staged;
    private bool _committed;

    /// <summary>Prepares to write the site published at <paramref name="folder"/>; nothing is touched until the first write.</summary>
    /// <param name="folder">The published folder.</param>
    /// <param name="fileSystem">What changes the published folder; the machine's own unless a test says otherwise.</param>
    public StagedOutput(string folder, OutputFileSystem? fileSystem = null)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _fileSystem = fileSystem ?? OutputFileSystem.Physical;

        // Staged files are moved in with rename, so the staging folder sits beside the folder a link names.
        Folder = Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.TrimEndingDirectorySeparator(target.FullName)
            : full;
        StagingFolder = Path.Combine(Path.GetDirectoryName(Folder) ?? Folder, $".{Path.GetFileName(Folder)}.broadside-staging");
        _staging = new Lazy<string>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
        // Asked after the staging folder is prepared, since preparing finishes a killed build's moves first.
        _fresh = new Lazy<bool>(
            () =>
            {
                _ = _staging.Value;
                return IsMissingOrEmpty(Folder);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The published folder.</summary>
    public string Folder { get; }

    /// <summary>Where new and changed files wait until the build succeeds.</summary>
    public string StagingFolder { get; }

    /// <summary>
    /// Finishes the moves of a build that was killed after it recorded them, puts back what a build
    /// killed while undoing a failed commit had changed, or drops the staging folder of a build killed
    /// before it committed; either way the published folder is then a complete site.
    /// </summary>
    public void Recover()
    {
        if (!Directory.Exists(StagingFolder))
        {
            return;
        }

        var journalPath = Path.Combine(StagingFolder, JournalName);
        if (File.Exists(journalPath))
        {
            var journal = JsonSerializer.Deserialize<Journal>(File.ReadAllBytes(journalPath)) ?? new Journal([], []);
            if (journal.Undo)
            {
                if (Restore(journal, undo: null) is [var first, ..] failed)
                {
                    throw new PublishException($"cannot put back {failed.Count} files of the site as they were before a failed build ({first}…)", restored: false);
                }
            }
            else
            {
                Apply(journal, undo: null);
            }
        }

        Directory.Delete(StagingFolder, recursive: true);
    }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="relative"/>, leaving the published file alone when it is identical.</summary>
    /// <param name="relative">The file's path in the site.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="previous">What the last build's manifest recorded of the file, to skip reading it back.</param>
    public (bool Written, OutputRecord Record) WriteBytes(string relative, ReadOnlySpan<byte> bytes, OutputRecord? previous)
    {
        var hash = Convert.ToHexStringLower(XxHash128.Hash(bytes));
        if (_fresh.Value)
        {
            return (true, new OutputRecord(hash, bytes.Length, WriteNew(Stage(relative), bytes)));
        }

        var published = new FileInfo(Path.Combine(Folder, relative));
        if (published.Exists && published.Length == bytes.Length
            && (previous is not null && previous.Hash == hash && previous.Length == bytes.Length && previous.LastWriteTicks == published.LastWriteTimeUtc.Ticks
                || File.ReadAllBytes(published.FullName).AsSpan().SequenceEqual(bytes)))
        {
            return (false, new OutputRecord(hash, bytes.Length, published.LastWriteTimeUtc.Ticks));
        }

        return (true, new OutputRecord(hash, bytes.Length, WriteNew(Stage(relative), bytes)));
    }

    /// <summary>
    /// True when the published file at <paramref name="relative"/> is still as the last build recorded
    /// it (<paramref name="previous"/>: same size and modification time), and so can stay.
    /// </summary>
    public bool IsUnchanged(string relative, OutputRecord previous)
    {
        var published = new FileInfo(Path.Combine(Folder, relative));
        return published.Exists && published.Length == previous.Length && published.LastWriteTimeUtc.Ticks == previous.LastWriteTicks;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="relative"/>, leaving the published copy alone when it is current.</summary>
    public (bool Written, OutputRecord Record) Copy(string source, string relative)
    {
        var from = new FileInfo(source);
        var published = new FileInfo(Path.Combine(Folder, relative));
        if (!_fresh.Value && published.Exists && published.Length == from.Length && published.LastWriteTimeUtc >= from.LastWriteTimeUtc)
        {
            return (false, new OutputRecord(string.Empty, published.Length, published.LastWriteTimeUtc.Ticks));
        }

        var staged = Stage(relative);
        File.Copy(source, staged, overwrite: true);
        return (true, new OutputRecord(string.Empty, from.Length, File.GetLastWriteTimeUtc(staged).Ticks));
    }

    /// <summary>
    /// Moves the staged files in, deletes the files the last build wrote that <paramref name="produced"/>
    /// no longer lists, and records <paramref name="produced"/> as the manifest. Returns how many files
    /// were deleted. All or nothing: no move is made until every one is known to fit
    /// (<see cref="Blocked"/>), and when one fails anyway (a full disk, a permission, another program
    /// racing) every change already made is undone before a <see cref="PublishException"/> says so.
    /// </summary>
    /// <param name="produced">Every file of the new site, with what the manifest keeps of it.</param>
    /// <param name="previous">The manifest of the published site when the caller holds it; otherwise it is read.</param>
    /// <param name="order">The files of <paramref name="produced"/> in ordinal order, when the caller holds them so; otherwise they are sorted.</param>
    /// <param name="gone">
    /// The files of <paramref name="previous"/> that <paramref name="produced"/> no longer lists, when the caller
    /// knows them; otherwise they are found by comparing the two.
    /// </param>
    public int Commit(
        IReadOnlyDictionary<string, OutputRecord> produced,
        IReadOnlyDictionary<string, OutputRecord>? previous = null,
        IReadOnlyList<string>? order = null,
        IEnumerable<string>? gone = null)
    {
        var staging = _staging.Value;
        previous ??= OutputManifest.Load(Folder);
        var deletions = (gone ?? previous.Keys.Where(relative => !produced.ContainsKey(relative)))
            .Where(relative => previous.ContainsKey(relative) && !produced.ContainsKey(relative) && IsInside(relative))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var moves = _moves.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new[] { m.Key, m.Value }).ToList();
        var blocked = Blocked(moves.Select(m => m[0]), deletions.ToHashSet(StringComparer.Ordinal)).ToList();
        if (blocked.Count > 0)
        {
            var (path, problem) = blocked[0];
            var more = blocked.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {blocked.Count - 1} more)") : string.Empty;
            throw new PublishException($"'{path}' {problem}{more}; no file was moved, so the previous site is as it was", restored: true);
        }

        if (_fresh.IsValueCreated && _fresh.Value && Volatile.Read(ref _flat) == 0 && deletions.Length == 0 && IsMissingOrEmpty(Folder))
        {
            var site = Path.Combine(staging, SiteFolder);
            Directory.CreateDirectory(site);
            OutputManifest.Write(site, produced, order);
            if (MoveInWhole(site))
            {
                _committed = true;
                DeleteStaging();
                return 0;
            }
        }

        OutputManifest.Write(staging, produced, order);
        moves.Add([OutputManifest.FileName, OutputManifest.FileName]);
        var journal = new Journal([.. moves], deletions);

        // The journal is complete on disk before the first move: from then on a killed build is finished, not undone.
        try
        {
            WriteJournal(journal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PublishException($"{ex.Message.TrimEnd('.')}; no file was moved, so the previous site is as it was", restored: true);
        }

        // From here on the staging folder holds what the site needs to be made whole, should this fail.
        _committed = true;
        var undo = new Undo();
        int deleted;
        try
        {
            deleted = Apply(journal, undo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw RollBack(journal, undo, ex);
        }

        DeleteStaging();
        return deleted;
    }

    /// <summary>
    /// Each of <paramref name="paths"/> (files of the new site) that the published folder has no room
    /// for, with why: a file of the published site stands where one of its folders must go, or a folder
    /// holds files where it must go. Files in <paramref name="leaving"/> (which the last build wrote and
    /// this one deletes) are out of the way by then; anything else is the publisher's and is never removed.
    /// </summary>
    /// <param name="paths">Paths of the site, with <c>/</c> between segments.</param>
    /// <param name="leaving">Paths of the published site that this build deletes.</param>
    /// <param name="files">
    /// Paths the last build wrote as files, when the caller knows them: only their folders are looked at,
    /// which is cheap, since a folder is looked at once whatever the number of files in it.
    /// </param>
    public IEnumerable<(string Path, string Problem)> Blocked(IEnumerable<string> paths, IReadOnlySet<string> leaving, IReadOnlyDictionary<string, OutputRecord>? files = null)
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        var folders = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            string? problem = null;
            for (var slash = path.IndexOf('/'); slash > 0 && problem is null; slash = path.IndexOf('/', slash + 1))
            {
                var folder = path[..slash];
                if (!folders.TryGetValue(folder, out problem))
                {
                    problem = File.Exists(Path.Combine(Folder, folder)) && !leaving.Contains(folder)
                        ? $"cannot be written: '{folder}' in the output folder is a file that Broadside did not write, where a folder must go: move or delete it, or build into another folder"
                        : null;
                    folders[folder] = problem;
                }
            }

            var full = Path.Combine(Folder, path);
            if (problem is null && files?.ContainsKey(path) != true && Directory.Exists(full)
                && Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Any(file => !leaving.Contains(Path.GetRelativePath(Folder, file).Replace('\\', '/'))))
            {
                problem = $"cannot be written: '{path}/' in the output folder is a folder that holds files Broadside did not write, where a file must go: move or delete it, or build into another folder";
            }

            if (problem is not null)
            {
                yield return (path, problem);
            }
        }
    }

    /// <summary>
    /// Removes the staging folder of a build that did not begin to commit; the published site is
    /// untouched. That of a commit that failed and could not be undone stays for <see cref="Recover"/>.
    /// </summary>
    public void Dispose()
    {
        if (!_committed && _staging.IsValueCreated && Directory.Exists(StagingFolder))
        {
            Directory.Delete(StagingFolder, recursive: true);
        }
    }

    private string Prepare()
    {
        Recover();
        Directory.CreateDirectory(StagingFolder);
        return StagingFolder;
    }

    // Nothing at all at the path (not even a link), or an empty folder.
    private static bool IsMissingOrEmpty(string folder) => Directory.Exists(folder)
        ? !Directory.EnumerateFileSystemEntries(folder).Any()
        : !File.Exists(folder) && new FileInfo(folder).LinkTarget is null;

    // Writes a file that is not there yet; returns its modification time.
    private static long WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        }

        using (handle)
        {
            RandomAccess.Write(handle, bytes, 0);
            return File.GetLastWriteTimeUtc(handle).Ticks;
        }
    }

    // Where the file at relative waits: at its own path in the staged site when the published folder
    // was missing or empty, else under a number of its own.
    private string Stage(string relative)
    {
        var staging = _staging.Value;
        if (_fresh.Value && IsInside(relative))
        {
            var inSite = Path.Combine(SiteFolder, relative);
            var staged = Path.Combine(staging, inSite);
            if (TryStageFolder(Path.GetDirectoryName(staged)!))
            {
                _moves[relative] = inSite;
                return staged;
            }
        }

        Interlocked.Increment(ref _flat);
        var name = Interlocked.Increment(ref _staged).ToString(CultureInfo.InvariantCulture);
        _moves[relative] = name;
        return Path.Combine(staging, name);
    }

    // Makes a folder of the staged site once; false when a staged file stands in its way.
    private bool TryStageFolder(string folder)
    {
        if (_stagedFolders.ContainsKey(folder))
        {
            return true;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException)
        {
            return false;
        }

        _stagedFolders.TryAdd(folder, true);
        return true;
    }

    // Puts the staged site in place of the missing or empty published folder with one rename. False,
    // with nothing changed, when the folder cannot be removed (a mount point, say), so the files are
    // moved in one by one instead.
    private bool MoveInWhole(string site)
    {
        var existed = Directory.Exists(Folder);
        try
        {
            if (existed)
            {
                _fileSystem.DeleteFolder(Folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        try
        {
            _fileSystem.MoveFolder(site, Folder);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (existed)
            {
                try
                {
                    Directory.CreateDirectory(Folder);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // The folder was empty; the message below is what matters.
                }
            }

            throw new PublishException($"{ex.Message.TrimEnd('.')}; no file was moved, so the previous site is as it was", restored: true);
        }
    }

    private void WriteJournal(Journal journal)
    {
        var path = Path.Combine(StagingFolder, JournalName);
        _fileSystem.Write(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(journal));
        _fileSystem.Move(path + ".tmp", path);
    }

    // Deletions first, so that a file the last build wrote is out of the way of a folder of the same
    // name. Each file deleted or replaced waits in the staging folder until the whole commit is done.
    private int Apply(Journal journal, Undo? undo)
    {
        var deleted = 0;
        for (var i = 0; i < journal.Deletions.Length; i++)
        {
            var file = Path.Combine(Folder, journal.Deletions[i]);
            if (File.Exists(file))
            {
                Keep(file, Kept("d", i), undo);
                deleted++;
            }

            // Also when the file went before a build was killed, and its folder was left.
            RemoveEmptyFolders(Path.GetDirectoryName(file)!, undo);
        }

        for (var i = 0; i < journal.Moves.Length; i++)
        {
            var staged = Path.Combine(StagingFolder, journal.Moves[i][1]);
            if (!File.Exists(staged))
            {
                // Moved in before a build was killed.
                continue;
            }

            var target = Path.Combine(Folder, journal.Moves[i][0]);
            if (Directory.Exists(target))
            {
                // Emptied of the last build's files by the deletions above, as Blocked made sure.
                RemoveEmptyFolders(target, undo, inside: true);
            }
            else if (File.Exists(target))
            {
                Keep(target, Kept("m", i), undo);
            }

            EnsureFolder(Path.GetDirectoryName(target)!, undo);
            _fileSystem.Move(staged, target);
            undo?.Add(Step.Moved, staged, target);
        }

        return deleted;
    }

    private void Keep(string file, string kept, Undo? undo)
    {
        if (!Directory.Exists(Path.GetDirectoryName(kept)))
        {
            _fileSystem.CreateFolder(Path.GetDirectoryName(kept)!);
        }

        _fileSystem.Move(file, kept);
        undo?.Add(Step.Moved, file, kept);
    }

    // Undoes what Apply changed, and says what became of the site.
    private PublishException RollBack(Journal journal, Undo undo, Exception cause)
    {
        try
        {
            // A build killed from here on is undone by the next one, not finished.
            WriteJournal(journal with { Undo = true });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Put back now all the same; if that fails too, the next build finishes the commit instead.
        }

        var failed = Restore(journal, undo);
        var reason = cause.Message.TrimEnd('.');
        if (failed.Count > 0)
        {
            return new PublishException(
                $"{reason}; then {failed.Count} of the files it had already changed could not be put back ({string.Join(", ", failed.Take(3))}): they wait in {StagingFolder}, which the next build uses to make the site whole",
                restored: false);
        }

        try
        {
            DeleteStaging();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The site is whole; the next build drops what is left of the staging folder.
        }

        return new PublishException($"{reason}; every file it had already changed was put back, so the previous site is whole", restored: true);
    }

    // Puts back what Apply changed. In this process every step it took is known and undone in reverse;
    // after a build was killed, the journal and the staging folder tell: files moved in go back to it,
    // files replaced or deleted come out of it. Returns the paths it could not put back.
    private List<string> Restore(Journal journal, Undo? undo)
    {
        var failed = new List<string>();
        void Try(string what, Action action)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add(what.StartsWith(Folder, StringComparison.Ordinal) ? Path.GetRelativePath(Folder, what) : what);
            }
        }

        if (undo is not null)
        {
            foreach (var (step, from, to) in Enumerable.Reverse(undo.Steps))
            {
                Try(step == Step.Moved ? from : to, () =>
                {
                    switch (step)
                    {
                        case Step.Moved:
                            _fileSystem.Move(to, from);
                            break;
                        case Step.Created when !Directory.EnumerateFileSystemEntries(to).Any():
                            _fileSystem.DeleteFolder(to);
                            break;
                        case Step.Removed:
                            _fileSystem.CreateFolder(to);
                            break;
                    }
                });
            }

            return failed;
        }

        for (var i = journal.Moves.Length - 1; i >= 0; i--)
        {
            var (relative, staged) = (journal.Moves[i][0], Path.Combine(StagingFolder, journal.Moves[i][1]));
            var (target, kept) = (Path.Combine(Folder, relative), Kept("m", i));
            Try(relative, () =>
            {
                if (!File.Exists(staged) && File.Exists(target))
                {
                    _fileSystem.Move(target, staged);
                }

                if (File.Exists(kept))
                {
                    EnsureFolder(Path.GetDirectoryName(target)!, undo: null);
                    _fileSystem.Move(kept, target);
                }
            });
        }

        for (var i = journal.Deletions.Length - 1; i >= 0; i--)
        {
            var (relative, kept) = (journal.Deletions[i], Kept("d", i));
            Try(relative, () =>
            {
                if (File.Exists(kept))
                {
                    var target = Path.Combine(Folder, relative);
                    EnsureFolder(Path.GetDirectoryName(target)!, undo: null);
                    _fileSystem.Move(kept, target);
                }
            });
        }

        return failed;
    }

    private string Kept(string kind, int index) =>
        Path.Combine(StagingFolder, KeptFolder, kind + index.ToString(CultureInfo.InvariantCulture));

    // Makes the folder and each missing parent, noting each one made.
    private void EnsureFolder(string folder, Undo? undo)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (Path.GetDirectoryName(folder) is { Length: > 0 } parent)
        {
            EnsureFolder(parent, undo);
        }

        _fileSystem.CreateFolder(folder);
        undo?.Add(Step.Created, string.Empty, folder);
    }

    private void DeleteStaging()
    {
        if (Directory.Exists(StagingFolder))
        {
            Directory.Delete(StagingFolder, recursive: true);
        }
    }

    private bool IsInside(string relative) =>
        !Path.IsPathRooted(relative) && Path.GetFullPath(Path.Combine(Folder, relative)).StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Removes the folder when it is empty, then each parent inside the published folder left empty;
    // with inside, the empty folders within it first.
    private void RemoveEmptyFolders(string folder, Undo? undo, bool inside = false)
    {
        if (inside)
        {
            foreach (var inner in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(inner).Any())
                {
                    _fileSystem.DeleteFolder(inner);
                    undo?.Add(Step.Removed, string.Empty, inner);
                }
            }
        }

        for (var current = Path.GetFullPath(folder); current.Length > Folder.Length && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current)!)
        {
            _fileSystem.DeleteFolder(current);
            undo?.Add(Step.Removed, string.Empty, current);
        }
    }

    /// <summary>
    /// What a commit does: moves (site path, staged name) and the site paths to delete; with
    /// <paramref name="Undo"/>, a commit that failed and is being undone.
    /// </summary>
    private sealed record Journal(string[][] Moves, string[] Deletions, bool Undo = false);

    private enum Step
    {
        Moved,
        Created,
        Removed,
    }

    /// <summary>Each step a commit took, in order, so that a failed one can be undone in reverse.</summary>
    private sealed class Undo
    {
        public List<(Step Step, string From, string To)> Steps { get; } = [];

        public void Add(Step step, string from, string to) => Steps.Add((step, from, to));
    }
}
