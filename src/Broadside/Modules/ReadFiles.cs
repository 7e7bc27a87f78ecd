using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Reads the files of a content folder that match a pattern, in parallel, as <see cref="SourceFile"/>
/// documents in path order. Files and folders whose names start with <c>_</c> or <c>.</c> are not content.
/// </summary>
/// <param name="folder">The folder on disk; a missing folder gives no documents.</param>
/// <param name="displayFolder">The folder as diagnostics show it (<c>input/articles</c>).</param>
/// <param name="pattern">A file pattern such as <c>*.md</c>.</param>
/// <param name="root">The input folder: a link that leads outside it is reported, not read.</param>
/// <param name="cache">
/// Articles kept by earlier builds, or null: a file whose size and time are as the cache recorded them
/// is not read, and its document says so (<see cref="SourceFile.Unread"/>).
/// </param>
/// <param name="listed">The folder as the build already listed it (<see cref="FolderListing"/>), or null to list it here.</param>
public sealed class ReadFiles(string folder, string displayFolder, string pattern, string root, Caching.ArticleCache? cache = null, FolderListing? listed = null) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        ImmutableArray<ListedFile> files;
        if (listed is not null && listed.Lists(folder, pattern))
        {
            context.Diagnostics.AddRange(listed.Problems);
            files = listed.Files;
        }
        else
        {
            files = ContentFiles.List(folder, pattern, root, displayFolder, context.Diagnostics);
        }

        var documents = new Document?[files.Length];
        var sources = new string[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i => documents[i] = Read(files[i].Path, sources[i] = SourceOf(files[i].Path), context.Diagnostics, files[i]));
        return [.. inputs, .. documents.OfType<Document>(), new SourcesDocument([.. files.Select(file => file.Path)], [.. sources])];
    }

    /// <summary>The folder read.</summary>
    public string Folder => folder;

    /// <summary>The pattern of the files read.</summary>
    public string Pattern => pattern;

    /// <summary>The file that <paramref name="source"/>, a source file as diagnostics show it, names, relative to the folder.</summary>
    public string RelativeOf(string source) => source[(displayFolder.Length + 1)..];

    /// <summary>
    /// The document of the file at <paramref name="path"/>, in the folder, as listing would make it; null
    /// (after reporting why) when it cannot be read.
    /// </summary>
    public SourceFile? Read(string path, Diagnostics.DiagnosticBag diagnostics) => Read(path, SourceOf(path), diagnostics);

    /// <summary>The file at <paramref name="path"/>, in the folder, as diagnostics show it (<c>input/articles/a.md</c>).</summary>
    public string SourceOf(string path) => displayFolder + "/" + ContentFiles.RelativePath(folder, path);

    // A file the listing found comes with its size and time; another (one serve was told of) is looked at.
    private SourceFile? Read(string path, string display, Diagnostics.DiagnosticBag diagnostics, ListedFile? listedFile = null)
    {
        var relative = display[(displayFolder.Length + 1)..];
        if (cache is not null && Stamp(path, listedFile) is (long length, DateTime modified))
        {
            if (cache.Unchanged(display, length, modified) is { } hash)
            {
                return new SourceFile { Source = display, FullPath = path, RelativePath = relative, Bytes = [], Hash = hash, Unread = true };
            }

            cache.Stamp(display, length, modified);
        }

        return TextFile.Read(path, display, diagnostics) is { } bytes
            ? new SourceFile { Source = display, FullPath = path, RelativePath = relative, Bytes = bytes }
            : null;
    }

    // The size and time of a file that exists; null for one that does not.
    private static (long Length, DateTime Modified)? Stamp(string path, ListedFile? listedFile)
    {
        if (listedFile is { } file)
        {
            return (file.Length, new DateTime(file.LastWriteTicks, DateTimeKind.Utc));
        }

        var info = InputPaths.Stamped(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }
}

/// <summary>The files a folder's listing read, whatever became of them.</summary>
/// <param name="Paths">The files, as full paths.</param>
/// <param name="Sources">The same files, as diagnostics show them (<see cref="ReadFiles.SourceOf"/>).</param>
public sealed record SourcesDocument(ImmutableArray<string> Paths, ImmutableArray<string> Sources) : Document;
