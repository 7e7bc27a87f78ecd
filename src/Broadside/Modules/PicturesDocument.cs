using Broadside.Engine;
using Broadside.Pictures;

namespace Broadside.Modules;

/// <summary>The pictures of the build (<see cref="PictureCatalog"/>).</summary>
/// <param name="Catalog">The pictures, by path in the site.</param>
public sealed record PicturesDocument(PictureCatalog Catalog) : Document
{
    /// <summary>The pictures made by <paramref name="pipeline"/>, as seen from <paramref name="context"/>; none when it made none.</summary>
    public static PictureCatalog In(PipelineContext context, string pipeline) =>
        context.OutputsOf<PicturesDocument>(pipeline).SingleOrDefault()?.Catalog ?? PictureCatalog.Empty;
}
