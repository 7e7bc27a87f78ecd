using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Makes the one <see cref="SiteDocument"/> of the build from the configuration, the pages and the index.</summary>
/// <param name="views">Makes the view.</param>
/// <param name="pagesPipeline">The pipeline of standalone pages, for the menu.</param>
/// <param name="indexPipeline">The pipeline of the index, for sections and years.</param>
/// <param name="now">The build's time, for the year templates show.</param>
/// <param name="fingerprint">A hash of what every page depends on besides the site view (<see cref="Site.SiteFingerprint"/>).</param>
/// <param name="searchUrl">The search page, or empty when the site has none.</param>
public sealed class DescribeSite(ViewFactory views, string pagesPipeline, string indexPipeline, DateTimeOffset now, UInt128 fingerprint, string searchUrl = "") : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var view = views.Site(context.OutputsOf<Page>(pagesPipeline), IndexDocument.In(context, indexPipeline).Index, now) with { SearchUrl = searchUrl };
        return [new SiteDocument(view, KeyBuilder.Of(fingerprint, view))];
    }
}
