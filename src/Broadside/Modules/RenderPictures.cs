using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Pictures;

namespace Broadside.Modules;

/// <summary>
/// Publishes the pictures of <c>media/</c>: one list for each, whose files are its variants (each width
/// in AVIF, WebP and JPEG or PNG), what is published at its own address, and, for the lead picture of an
/// article, its social card. The files the plan makes are taken from <paramref name="store"/>, or made
/// there first, every picture on its own core, each decoded once; a <c>check</c> makes none.
/// </summary>
/// <param name="store">Where the files made are kept between builds.</param>
/// <param name="picturesPipeline">The pipeline of the pictures.</param>
/// <param name="indexPipelines">The pipelines of the index of each of the site's languages: the articles' lead pictures have social cards.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="make">False to make no file (<c>check</c>).</param>
/// <param name="background">
/// When given (<c>serve</c>), the files of a picture the published site has none of and the store lacks
/// are made after the build, which leaves them out: the site lacks them, and the build that follows makes
/// them. A picture the site shows already is made in the build, so that no page shows an old version.
/// </param>
/// <param name="published">What the published site holds, by file.</param>
public sealed class RenderPictures(PictureStore store, string picturesPipeline, IReadOnlyList<string> indexPipelines, string planPipeline, bool make = true, BackgroundPictures? background = null, IReadOnlyDictionary<string, OutputRecord>? published = null) : IModule, IListing
{
    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        var catalog = PicturesDocument.In(context, picturesPipeline);
        if (catalog.Count == 0)
        {
            yield break;
        }

        var leads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in indexPipelines.SelectMany(pipeline => IndexDocument.In(context, pipeline).Index.Articles))
        {
            if (article.FrontMatter.Image is { } image && PictureCatalog.SitePath(image, "/") is { } path)
            {
                leads.Add(path);
            }
        }

        foreach (var picture in catalog.Pictures.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var lead = leads.Contains(picture.Path);
            var files = Files(picture, lead).Select(v => new ListFile(v.Path)).ToImmutableArray();
            yield return new ListDeclaration(picture.Path, [], new KeyBuilder().Add(picture.Key).Add(lead ? 1 : 0).Finish(), files, picture);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var plan = OutputPlan.In(context, planPipeline);
        var catalog = PicturesDocument.In(context, picturesPipeline);
        var wanted = new List<(SourcePicture Picture, Hash128 Header, List<PictureVariant> Files)>();
        foreach (var list in plan.Of(this))
        {
            var picture = (SourcePicture)list.Item!;
            var lead = list.Files.Any(f => f.Path == picture.Card.Path);
            var files = Files(picture, lead).Where(v => plan.Makes(v.Path)).ToList();
            if (files.Count > 0)
            {
                wanted.Add((picture, list.Header, files));
            }
        }

        if (!make || wanted.Count == 0)
        {
            return inputs;
        }

        if (background is not null)
        {
            var later = new List<(SourcePicture Picture, List<PictureVariant> Files)>();
            foreach (var (picture, _, files) in wanted)
            {
                if (background.Failure(picture.Key) is { } failure)
                {
                    context.Diagnostics.Error(DiagnosticCodes.PictureUnreadable, failure, picture.Source);
                }
                else if (!files.Any(v => published?.ContainsKey(v.Path) == true) && files.Any(v => !store.Has(picture.Key, v)))
                {
                    later.Add((picture, files));
                }
            }

            background.Make(later, catalog.Settings, store);
            wanted.RemoveAll(w => later.Exists(l => ReferenceEquals(l.Picture, w.Picture)) || background.Failure(w.Picture.Key) is not null);
        }

        // Each picture is decoded once, on its own core, and its files kept before they are written.
        var made = new ConcurrentBag<Document>();
        Parallel.ForEach(wanted, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var (picture, header, files) = item;
            if (store.Make(picture, catalog.Settings, files) is { } problem)
            {
                context.Diagnostics.Error(DiagnosticCodes.PictureUnreadable, problem, picture.Source);
                return;
            }

            foreach (var variant in files)
            {
                made.Add(new OutputFile
                {
                    Source = picture.Source,
                    Destination = variant.Path,
                    Key = new KeyBuilder().Add(header).Add(variant.Path).Finish(),
                    Render = (buffer, diagnostics) =>
                    {
                        if (store.Get(picture.Key, variant) is not { } bytes)
                        {
                            diagnostics.Error(DiagnosticCodes.WriteFailed, $"the file {variant.Path} made of the picture was lost from the cache folder while the build ran: build again", picture.Source);
                            return false;
                        }

                        buffer.Write(bytes);
                        return true;
                    },
                });
            }
        });

        return [.. inputs, .. made.OrderBy(d => d.Destination, StringComparer.Ordinal)];
    }

    // The files of a picture: its variants, what is at its own address, and its card when it leads an article.
    private static IEnumerable<PictureVariant> Files(SourcePicture picture, bool lead)
    {
        foreach (var variant in picture.Variants)
        {
            yield return variant;
        }

        if (picture.Own is { } own)
        {
            yield return own;
        }

        if (lead)
        {
            yield return picture.Card;
        }
    }
}
