using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text.Json;

namespace Broadside.Output;

/// <summary>
/// The output folder of one build. New and changed files are written into a staging folder beside the
/// published one and moved in only when the whole build succeeded, so a build that fails, or is killed
/// while it works, leaves the previous site complete. The moves are recorded in a journal first; a build
/// killed while moving files in is completed by the next one (<see cref="Recover"/>). Files whose bytes
/// would not change are left where they are, so their modification times stay and a deploy uploads only
/// what changed; files an earlier build wrote and this one does not produce are deleted; files no build
/// wrote are never touched.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private const string JournalName = "journal.json";
    private readonly Lazy<string> _staging;
    private readonly ConcurrentDictionary<string, string> _moves = new(StringComparer.Ordinal);
    private int _files;
    private bool _committed;

    /// <summary>Prepares to write the site published at <paramref name="folder"/>; nothing is touched until the first write.</summary>
    public StagedOutput(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

        // Staged files are moved in with rename, so the staging folder sits beside the folder a link names.
        Folder = Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.TrimEndingDirectorySeparator(target.FullName)
            : full;
        StagingFolder = Path.Combine(Path.GetDirectoryName(Folder) ?? Folder, $".{Path.GetFileName(Folder)}.broadside-staging");
        _staging = new Lazy<string>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The published folder.</summary>
    public string Folder { get; }

    /// <summary>Where new and changed files wait until the build succeeds.</summary>
    public string StagingFolder { get; }

    /// <summary>
    /// Finishes the moves of a build that was killed after it recorded them, or drops the staging folder
    /// of a build killed before; either way the published folder is then a complete site.
    /// </summary>
    public void Recover()
    {
        if (!Directory.Exists(StagingFolder))
        {
            return;
        }

        var journal = Path.Combine(StagingFolder, JournalName);
        if (File.Exists(journal))
        {
            Apply(JsonSerializer.Deserialize<Journal>(File.ReadAllBytes(journal)) ?? new Journal([], []));
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
        var published = new FileInfo(Path.Combine(Folder, relative));
        if (published.Exists && published.Length == bytes.Length
            && (previous is not null && previous.Hash == hash && previous.Length == bytes.Length && previous.LastWriteTicks == published.LastWriteTimeUtc.Ticks
                || File.ReadAllBytes(published.FullName).AsSpan().SequenceEqual(bytes)))
        {
            return (false, new OutputRecord(hash, bytes.Length, published.LastWriteTimeUtc.Ticks));
        }

        var staged = Stage(relative);
        File.WriteAllBytes(staged, bytes);
        return (true, new OutputRecord(hash, bytes.Length, File.GetLastWriteTimeUtc(staged).Ticks));
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
        if (published.Exists && published.Length == from.Length && published.LastWriteTimeUtc >= from.LastWriteTimeUtc)
        {
            return (false, new OutputRecord(string.Empty, published.Length, published.LastWriteTimeUtc.Ticks));
        }

        var staged = Stage(relative);
        File.Copy(source, staged, overwrite: true);
        return (true, new OutputRecord(string.Empty, from.Length, File.GetLastWriteTimeUtc(staged).Ticks));
    }

    /// <summary>
    /// Moves the staged files in, deletes the files the last build wrote that <paramref name="produced"/>
    /// no longer lists, and records <paramref name="produced"/> as the manifest. Returns how many files were deleted.
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
        OutputManifest.Write(staging, produced, order);
        var moves = _moves.Select(m => new[] { m.Key, m.Value }).Append([OutputManifest.FileName, OutputManifest.FileName]).ToArray();

        // The journal is complete on disk before the first move: from then on a killed build is finished, not undone.
        var journal = Path.Combine(staging, JournalName);
        File.WriteAllBytes(journal + ".tmp", JsonSerializer.SerializeToUtf8Bytes(new Journal(moves, deletions)));
        File.Move(journal + ".tmp", journal);
        var deleted = Apply(new Journal(moves, deletions));
        Directory.Delete(staging, recursive: true);
        _committed = true;
        return deleted;
    }

    /// <summary>Removes the staging folder of a build that did not commit; the published site is untouched.</summary>
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

    private string Stage(string relative)
    {
        var staged = Path.Combine(_staging.Value, Interlocked.Increment(ref _files).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _moves[relative] = Path.GetFileName(staged);
        return staged;
    }

    private int Apply(Journal journal)
    {
        foreach (var move in journal.Moves)
        {
            var staged = Path.Combine(StagingFolder, move[1]);
            if (File.Exists(staged))
            {
                var target = Path.Combine(Folder, move[0]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(staged, target, overwrite: true);
            }
        }

        var deleted = 0;
        foreach (var relative in journal.Deletions)
        {
            var file = Path.Combine(Folder, relative);
            if (File.Exists(file))
            {
                File.Delete(file);
                deleted++;
                RemoveEmptyFolders(Path.GetDirectoryName(file)!);
            }
        }

        return deleted;
    }

    private bool IsInside(string relative) =>
        !Path.IsPathRooted(relative) && Path.GetFullPath(Path.Combine(Folder, relative)).StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void RemoveEmptyFolders(string folder)
    {
        for (var current = Path.GetFullPath(folder); current.Length > Folder.Length && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current)!)
        {
            Directory.Delete(current);
        }
    }

    /// <summary>What a commit does: moves (site path, staged name) and the site paths to delete.</summary>
    private sealed record Journal(string[][] Moves, string[] Deletions);
}
