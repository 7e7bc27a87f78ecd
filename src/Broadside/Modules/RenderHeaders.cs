using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Modules;

/// <summary>
/// Writes Netlify's <c>_headers</c>: the security headers of every file of the site
/// (<see cref="SecurityHeaders"/>), its content security policy made from site.yml. With the web editor
/// (<paramref name="editor"/>), the site's headers are given for each file and folder at the top of the
/// site and the editor's for <c>/admin/</c>, so the list is made from every file the other listings
/// declared. A list of one file, made again when the headers change.
/// </summary>
/// <param name="config">The site's settings.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="editor">True when the build publishes the web editor at <c>/admin/</c>.</param>
/// <param name="search">True when Pagefind writes its <c>pagefind/</c> after the build, which no listing declares.</param>
public sealed class RenderHeaders(SiteConfig config, string planPipeline, bool editor = false, bool search = false) : IModule, ISiteListing
{
    /// <summary>Netlify's headers file.</summary>
    public const string HeadersFile = ReservedPaths.Headers;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(IReadOnlyList<ListFile> files, PipelineContext context)
    {
        var content = SecurityHeaders.HeadersFile(config, editor ? Published(files.Select(f => f.Path)) : null);
        yield return ListDeclaration.Single(HeadersFile, new KeyBuilder().Add(content).Finish());
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // Every file declared is those Declare was given and the site listings' own (this one's among them), whose names the rules leave out or give alike.
        var plan = OutputPlan.In(context, planPipeline);
        return plan.Makes(HeadersFile)
            ? [new OutputFile { Destination = HeadersFile, Content = SecurityHeaders.HeadersFile(config, editor ? Published(plan.Declared) : null), InSitemap = false }]
            : [];
    }

    // The files the site publishes: those declared, and Pagefind's.
    private IEnumerable<string> Published(IEnumerable<string> declared) =>
        search ? declared.Append(OutputPath.SearchFolder + "/pagefind.js") : declared;
}
