using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>Makes the one <see cref="SiteDocument"/> of the build from the site's configuration and pages.</summary>
public sealed class DescribeSite(ViewFactory views, string pagesPipeline, DateTimeOffset now) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        [new SiteDocument(views.Site(context.OutputsOf<Page>(pagesPipeline), now))];
}
