using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Broadside.Output;

/// <summary>
/// The output folder of one build. The new site is written into a staging folder beside the published
/// one and swapped in whole when the build succeeds, so a build that fails, or is killed at any moment,
/// leaves the previous site complete. A file whose bytes would not change is hard-linked from the
/// published site rather than written, so its modification time stays and a deploy uploads only what
/// changed. Files the build did not write (listed in no manifest) are carried over; files an earlier
/// build wrote and this one does not produce are not.
/// </summary>
public sealed partial class StagedOutput : IDisposable
{
    private readonly Lazy<string> _staging;
    private bool _committed;

    /// <summary>Prepares to write the site published at <paramref name="folder"/>; nothing is touched until the first write.</summary>
    public StagedOutput(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

        // Swapping a symbolic link would replace the link, not the folder it names.
        Folder = Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.TrimEndingDirectorySeparator(target.FullName)
            : full;
        var parent = Path.GetDirectoryName(Folder) ?? Folder;
        var name = Path.GetFileName(Folder);
        StagingFolder = Path.Combine(parent, $".{name}.broadside-staging");
        RetiredFolder = Path.Combine(parent, $".{name}.broadside-old");
        _staging = new Lazy<string>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The published folder.</summary>
    public string Folder { get; }

    /// <summary>Where the new site is written until it is swapped in.</summary>
    public string StagingFolder { get; }

    /// <summary>Where the old site waits between the two renames of a swap on systems without an atomic exchange.</summary>
    internal string RetiredFolder { get; }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="relative"/>, keeping the published file when it is identical.</summary>
    /// <param name="relative">The file's path in the site.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="previous">What the last build's manifest recorded of the file, to skip reading it back.</param>
    public (bool Written, OutputRecord Record) WriteBytes(string relative, ReadOnlySpan<byte> bytes, OutputRecord? previous)
    {
        var hash = Convert.ToHexStringLower(XxHash128.Hash(bytes));
        var staged = StagedPath(relative);
        var published = new FileInfo(Path.Combine(Folder, relative));
        if (published.Exists && published.Length == bytes.Length
            && (previous is not null && previous.Hash == hash && previous.Length == bytes.Length && previous.LastWriteTicks == published.LastWriteTimeUtc.Ticks
                || File.ReadAllBytes(published.FullName).AsSpan().SequenceEqual(bytes)))
        {
            Keep(published, staged);
            return (false, new OutputRecord(hash, bytes.Length, published.LastWriteTimeUtc.Ticks));
        }

        File.WriteAllBytes(staged, bytes);
        return (true, new OutputRecord(hash, bytes.Length, File.GetLastWriteTimeUtc(staged).Ticks));
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="relative"/>, keeping the published copy when it is current.</summary>
    public (bool Written, OutputRecord Record) Copy(string source, string relative)
    {
        var from = new FileInfo(source);
        var staged = StagedPath(relative);
        var published = new FileInfo(Path.Combine(Folder, relative));
        if (published.Exists && published.Length == from.Length && published.LastWriteTimeUtc >= from.LastWriteTimeUtc)
        {
            Keep(published, staged);
            return (false, new OutputRecord(string.Empty, published.Length, published.LastWriteTimeUtc.Ticks));
        }

        File.Copy(source, staged, overwrite: true);
        return (true, new OutputRecord(string.Empty, from.Length, File.GetLastWriteTimeUtc(staged).Ticks));
    }

    /// <summary>
    /// Carries over the files of the published site that no build wrote, records <paramref name="produced"/>
    /// in the manifest, and swaps the new site in. Returns how many files of the last build are gone.
    /// </summary>
    public int Commit(IReadOnlyDictionary<string, OutputRecord> produced)
    {
        var staging = _staging.Value;
        var previous = OutputManifest.Load(Folder);
        if (Directory.Exists(Folder))
        {
            CarryOver(new DirectoryInfo(Folder), staging, string.Empty, produced, previous);
        }

        OutputManifest.Write(staging, produced);
        Swap(staging);
        _committed = true;
        return previous.Keys.Count(relative => !produced.ContainsKey(relative));
    }

    /// <summary>Removes the staging folder of a build that did not commit; the published site is untouched.</summary>
    public void Dispose()
    {
        if (!_committed && _staging.IsValueCreated)
        {
            DeleteTree(StagingFolder);
        }
    }

    private string Prepare()
    {
        // A build killed between the two renames of a fallback swap left the old site retired and none published.
        if (!Directory.Exists(Folder) && Directory.Exists(RetiredFolder))
        {
            Directory.Move(RetiredFolder, Folder);
        }

        DeleteTree(RetiredFolder);
        DeleteTree(StagingFolder);
        Directory.CreateDirectory(StagingFolder);
        return StagingFolder;
    }

    private string StagedPath(string relative)
    {
        var path = Path.Combine(_staging.Value, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static void Keep(FileInfo published, string staged)
    {
        if (!OperatingSystem.IsWindows() && Link(published.FullName, staged) == 0)
        {
            return;
        }

        // No hard links here (another file system, or Windows): a copy with the same time serves.
        File.Copy(published.FullName, staged, overwrite: true);
        File.SetLastWriteTimeUtc(staged, published.LastWriteTimeUtc);
    }

    private static void CarryOver(DirectoryInfo folder, string staging, string prefix, IReadOnlyDictionary<string, OutputRecord> produced, IReadOnlyDictionary<string, OutputRecord> previous)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            var relative = prefix + entry.Name;
            var target = Path.Combine(staging, relative);
            if (entry is DirectoryInfo directory && directory.LinkTarget is null)
            {
                if (!Directory.Exists(target) && !directory.EnumerateFileSystemInfos().Any())
                {
                    Directory.CreateDirectory(target);
                }

                CarryOver(directory, staging, relative + "/", produced, previous);
            }
            else if (relative != OutputManifest.FileName && !produced.ContainsKey(relative) && !previous.ContainsKey(relative) && !Path.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (entry.LinkTarget is { } link)
                {
                    File.CreateSymbolicLink(target, link);
                }
                else
                {
                    Keep((FileInfo)entry, target);
                }
            }
        }
    }

    private void Swap(string staging)
    {
        if (!Directory.Exists(Folder))
        {
            Directory.Move(staging, Folder);
            return;
        }

        if (!OperatingSystem.IsWindows() && Exchange(staging, Folder))
        {
            DeleteTree(staging);
            return;
        }

        // Without an atomic exchange: two renames. A build killed between them is repaired by the next one (Prepare).
        Directory.Move(Folder, RetiredFolder);
        Directory.Move(staging, Folder);
        DeleteTree(RetiredFolder);
    }

    private static void DeleteTree(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Exchange(string from, string to)
    {
        const int currentFolder = -100;
        const uint exchange = 2;
        try
        {
            return RenameAt2(currentFolder, from, currentFolder, to, exchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int fromFolder, string from, int toFolder, string to, uint flags);
}
