using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// Writes Netlify's <c>_headers</c>: the security headers of every file of the site
/// (<see cref="SecurityHeaders"/>), its content security policy made from site.yml. A list of one file,
/// made again when the headers change.
/// </summary>
/// <param name="config">The site's settings.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
public sealed class RenderHeaders(SiteConfig config, string planPipeline) : IModule, IListing
{
    /// <summary>Netlify's headers file.</summary>
    public const string HeadersFile = ReservedPaths.Headers;

    private readonly Lazy<string> _content = new(() => SecurityHeaders.HeadersFile(config));

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        yield return ListDeclaration.Single(HeadersFile, new KeyBuilder().Add(_content.Value).Finish());
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context) =>
        OutputPlan.In(context, planPipeline).Makes(HeadersFile)
            ? [new OutputFile { Destination = HeadersFile, Content = _content.Value, InSitemap = false }]
            : [];
}
