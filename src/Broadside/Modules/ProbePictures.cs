using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Pictures;

namespace Broadside.Modules;

/// <summary>
/// Reads the pictures of <c>media/</c>: the hash of each file's bytes, and its size upright, from its
/// header alone (kept in <paramref name="store"/> by that hash, so that a picture is read once). A
/// picture that cannot be read, or that claims more pixels than allowed, is an error at its file.
/// Gives one <see cref="PicturesDocument"/>.
/// </summary>
/// <param name="assetsPipeline">The pipeline that lists the files of <c>media/</c>.</param>
/// <param name="settings">How pictures are published.</param>
/// <param name="store">Where what a picture's header said is kept between builds.</param>
public sealed class ProbePictures(string assetsPipeline, PictureSettings settings, PictureStore store) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var files = context.OutputsOf<PictureFile>(assetsPipeline).ToArray();
        var pictures = new SourcePicture?[files.Length];
        var problems = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var maxPixels = (long)settings.MaxMegapixels * 1_000_000;
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var file = files[i];
            Hash128 hash;
            try
            {
                hash = PictureStore.HashOf(file.FullPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems[file.SitePath] = $"the picture cannot be read: {ex.Message}";
                context.Diagnostics.Error(Diagnostics.DiagnosticCodes.PictureUnreadable, $"the picture cannot be read: {ex.Message}", file.Source);
                return;
            }

            var header = store.Header(hash, maxPixels);
            if (header is null)
            {
                header = PictureImaging.Probe(file.FullPath, maxPixels, out var problem);
                if (header is { } read)
                {
                    store.KeepHeader(hash, maxPixels, read);
                }
                else
                {
                    var code = problem!.Contains("million", StringComparison.Ordinal) ? Diagnostics.DiagnosticCodes.PictureTooLarge : Diagnostics.DiagnosticCodes.PictureUnreadable;
                    problems[file.SitePath] = problem;
                    context.Diagnostics.Error(code, problem, file.Source);
                    return;
                }
            }

            pictures[i] = SourcePicture.Of(file.SitePath, file.Source!, file.FullPath, hash, header.Value.Width, header.Value.Height, header.Value.Alpha, settings);
        });

        // Two pictures named alike but for their extension (banner.gif, banner.png) would make files of one
        // name: the first, in the order of their paths, is published, and the other is reported.
        var stems = new Dictionary<string, SourcePicture>(StringComparer.OrdinalIgnoreCase);
        var published = new List<SourcePicture>();
        foreach (var picture in pictures.OfType<SourcePicture>().OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var stem = picture.Path[..^Path.GetExtension(picture.Path).Length];
            if (stems.TryGetValue(stem, out var first))
            {
                var problem = $"the picture has the name of '{first.Source}' but for its extension, and the site would publish both as {Path.GetFileName(stem)}-640w.avif and so on: rename one of them";
                problems[picture.Path] = problem;
                context.Diagnostics.Error(Diagnostics.DiagnosticCodes.UrlCollision, problem, picture.Source);
                continue;
            }

            stems[stem] = picture;
            published.Add(picture);
        }

        return [new PicturesDocument(new PictureCatalog(published, problems, settings))];
    }
}
