using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Makes the one <see cref="SiteDocument"/> of the build from the configuration, the pages and the
/// index; <paramref name="searchUrl"/> is the search page, or empty when the site has none.
/// </summary>
public sealed class DescribeSite(ViewFactory views, string pagesPipeline, string indexPipeline, DateTimeOffset now, string searchUrl = "") : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [new SiteDocument(views.Site(context.OutputsOf<Page>(pagesPipeline), IndexDocument.In(context, indexPipeline).Index, now) with { SearchUrl = searchUrl })];
}
