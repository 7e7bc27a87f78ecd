using System.Collections.Concurrent;
using System.Collections.Immutable;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Pictures;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Publishes the theme's icon (<c>assets/favicon.svg</c>) as the PNGs phones and feed readers ask for
/// (<see cref="Icons"/>): each a list of one file, made again when the drawing or the background
/// changes, and kept in <paramref name="store"/>. Nothing when the theme has no such drawing; a
/// <c>check</c> draws none.
/// </summary>
/// <param name="svg">The full path of the theme's icon, or null when it has none.</param>
/// <param name="background">The colour a phone's home-screen icon is set on (the theme's background).</param>
/// <param name="store">Where icons are kept between builds.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="make">False to draw nothing (<c>check</c>).</param>
public sealed class RenderIcons(string? svg, (byte R, byte G, byte B) background, PictureStore store, string planPipeline, bool make = true) : IModule, IListing
{
    /// <summary>Each icon: its file, its size, and whether it is set on the background.</summary>
    public static readonly ImmutableArray<(string File, int Size, bool Opaque)> Icons =
        [(ViewFactory.TouchIconPath, 180, true), (ViewFactory.LargeIconPath, 512, false), (ViewFactory.SmallIconPath, 64, false)];

    // The drawing's bytes, hashed once; null when it cannot be read (the theme's assets report it).
    private readonly Lazy<Hash128?> _drawing = new(() => Drawing(svg));

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        if (_drawing.Value is not { } drawing)
        {
            yield break;
        }

        foreach (var (file, size, opaque) in Icons)
        {
            var key = new KeyBuilder().Add("icon/1").Add(drawing).Add(size).Add(opaque ? background.ToString() : string.Empty).Finish();
            yield return new ListDeclaration(file, [], key, [new ListFile(file)], (size, opaque));
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var plan = OutputPlan.In(context, planPipeline);
        var wanted = plan.Of(this).Where(list => plan.Makes(list.Files[0].Path)).ToList();
        if (!make || svg is null || _drawing.Value is null || wanted.Count == 0)
        {
            return inputs;
        }

        var made = new ConcurrentBag<Document>();
        Parallel.ForEach(wanted, new ParallelOptions { CancellationToken = context.CancellationToken }, list =>
        {
            var (size, opaque) = ((int, bool))list.Item!;
            var variant = new PictureVariant(list.Files[0].Path, PictureFormat.Png, size, size, Card: true);
            var bytes = store.Get(list.Header, variant);
            if (bytes is null)
            {
                try
                {
                    bytes = IconImaging.Render(svg, size, opaque ? background : null);
                }
                catch (Exception ex) when (ex is NetVips.VipsException or InvalidOperationException)
                {
                    context.Diagnostics.Error(DiagnosticCodes.PictureUnreadable, $"cannot draw the icon {variant.Path} from the theme's icon: {ex.Message.Split('\n')[0]}; check that it is a valid SVG drawing", svg);
                    return;
                }

                store.Put(list.Header, variant, bytes);
            }

            made.Add(new OutputFile { Destination = variant.Path, Key = list.Header, Render = OutputFile.Writing(stream => stream.Write(bytes)), InSitemap = false });
        });

        return [.. inputs, .. made.OrderBy(d => d.Destination, StringComparer.Ordinal)];
    }

    private static Hash128? Drawing(string? svg)
    {
        try
        {
            return svg is null ? null : new KeyBuilder().Add(File.ReadAllBytes(svg)).Finish();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
