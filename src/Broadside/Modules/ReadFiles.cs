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
public sealed class ReadFiles(string folder, string displayFolder, string pattern, string root) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!Directory.Exists(folder))
        {
            return inputs;
        }

        var paths = ContentFiles.Enumerate(folder, pattern, root, displayFolder, context.Diagnostics);
        var documents = new Document?[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var relative = Path.GetRelativePath(folder, paths[i]).Replace('\\', '/');
            var display = displayFolder + "/" + relative;
            if (TextFile.Read(paths[i], display, context.Diagnostics) is { } bytes)
            {
                documents[i] = new SourceFile { Source = display, FullPath = paths[i], RelativePath = relative, Bytes = bytes };
            }
        });

        return [.. inputs, .. documents.OfType<Document>()];
    }
}
