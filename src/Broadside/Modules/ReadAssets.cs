using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>
/// Lists the files of a folder to copy through, placing them under <paramref name="prefix"/> in the output.
/// A file larger than <paramref name="maxBytes"/>, or one that cannot be read, is reported and not copied.
/// </summary>
/// <param name="folder">The folder on disk; a missing folder gives no documents.</param>
/// <param name="displayFolder">The folder as diagnostics show it.</param>
/// <param name="prefix">The output path they go under (<c>assets/</c>, <c>media/</c>).</param>
/// <param name="root">The input folder: a link that leads outside it is reported, not copied.</param>
/// <param name="maxBytes">The largest file copied (site.yml's <c>limits: media_mb</c>).</param>
/// <param name="pictures">True to list the pictures among the files (<see cref="Pictures.SourcePicture.IsPicture"/>) as <see cref="PictureFile"/>s, which are published made, not copied.</param>
public sealed class ReadAssets(string folder, string displayFolder, string prefix, string root, long maxBytes = long.MaxValue, bool pictures = false) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var paths = ContentFiles.Enumerate(folder, "*", root, displayFolder, context.Diagnostics);
        var documents = new Document?[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var relative = Path.GetRelativePath(folder, paths[i]).Replace('\\', '/');
            var source = displayFolder + "/" + relative;
            if (Usable(paths[i], source, context.Diagnostics))
            {
                documents[i] = pictures && Pictures.SourcePicture.IsPicture(relative)
                    ? new PictureFile { Source = source, FullPath = paths[i], SitePath = prefix + relative }
                    : new AssetFile { Source = source, FullPath = paths[i], Destination = prefix + relative };
            }
        });
        return [.. inputs, .. documents.OfType<Document>()];
    }

    // Listed files are regular files; opening one to check that it can be read is safe, and reading it
    // happens when it is copied.
    private bool Usable(string path, string source, DiagnosticBag diagnostics)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            if (length > maxBytes)
            {
                diagnostics.Error(
                    DiagnosticCodes.MediaTooLarge,
                    TextFile.TooLarge(length, maxBytes, "a media file") + ": make it smaller (a video belongs on a video host, linked from the article), or raise 'limits: media_mb' in site.yml",
                    source);
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TextFile.ReportUnreadable(source, ex, diagnostics, folder: false);
            return false;
        }
    }
}
