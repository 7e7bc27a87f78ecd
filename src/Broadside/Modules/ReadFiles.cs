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
public sealed class ReadFiles(string folder, string displayFolder, string pattern, string root, Caching.ArticleCache? cache = null) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var paths = ContentFiles.Enumerate(folder, pattern, root, displayFolder, context.Diagnostics);
        var documents = new Document?[paths.Length];
        var sources = new string[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i => documents[i] = Read(paths[i], sources[i] = SourceOf(paths[i]), context.Diagnostics));
        return [.. inputs, .. documents.OfType<Document>(), new SourcesDocument(paths, [.. sources])];
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

    private SourceFile? Read(string path, string display, Diagnostics.DiagnosticBag diagnostics)
    {
        var relative = display[(displayFolder.Length + 1)..];
        if (cache is not null)
        {
            var info = InputPaths.Stamped(path);
            if (info.Exists && cache.Unchanged(display, info.Length, info.LastWriteTimeUtc) is { } hash)
            {
                return new SourceFile { Source = display, FullPath = path, RelativePath = relative, Bytes = [], Hash = hash, Unread = true };
            }

            if (info.Exists)
            {
                cache.Stamp(display, info.Length, info.LastWriteTimeUtc);
            }
        }

        return TextFile.Read(path, display, diagnostics) is { } bytes
            ? new SourceFile { Source = display, FullPath = path, RelativePath = relative, Bytes = bytes }
            : null;
    }
}

/// <summary>The files a folder's listing read, whatever became of them.</summary>
/// <param name="Paths">The files, as full paths.</param>
/// <param name="Sources">The same files, as diagnostics show them (<see cref="ReadFiles.SourceOf"/>).</param>
public sealed record SourcesDocument(ImmutableArray<string> Paths, ImmutableArray<string> Sources) : Document;
