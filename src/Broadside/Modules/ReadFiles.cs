using System.Collections.Immutable;
using System.Text.Unicode;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Reads the files of a content folder that match a pattern, in parallel, as <see cref="SourceFile"/>
/// documents in path order. Files and folders whose names start with <c>_</c> or <c>.</c> are not content.
/// </summary>
/// <param name="folder">The folder on disk; a missing folder gives no documents.</param>
/// <param name="displayFolder">The folder as diagnostics show it (<c>input/articles</c>).</param>
/// <param name="pattern">A file pattern such as <c>*.md</c>.</param>
public sealed class ReadFiles(string folder, string displayFolder, string pattern) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (!Directory.Exists(folder))
        {
            return inputs;
        }

        var paths = ContentFiles.Enumerate(folder, pattern);
        var documents = new Document?[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var relative = Path.GetRelativePath(folder, paths[i]).Replace('\\', '/');
            var display = displayFolder + "/" + relative;
            try
            {
                var bytes = File.ReadAllBytes(paths[i]);
                if (!Utf8.IsValid(bytes))
                {
                    context.Diagnostics.Error(DiagnosticCodes.FileUnreadable, "the file is not UTF-8 text: save it as UTF-8 in your editor", display);
                    return;
                }

                documents[i] = new SourceFile { Source = display, FullPath = paths[i], RelativePath = relative, Bytes = bytes };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Diagnostics.Error(DiagnosticCodes.FileUnreadable, $"cannot read the file: {ex.Message}", display);
            }
        });

        return [.. inputs, .. documents.OfType<Document>()];
    }
}
