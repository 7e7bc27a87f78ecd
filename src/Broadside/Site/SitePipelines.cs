using System.Collections.Immutable;
using Broadside.Engine;
using Broadside.Modules;

namespace Broadside.Site;

/// <summary>
/// The whole build, as pipelines. Each reads what it declares; the engine runs independent ones in
/// parallel and writes nothing unless every pipeline's checks passed.
/// </summary>
public static class SitePipelines
{
    public const string Articles = nameof(Articles);
    public const string Pages = nameof(Pages);
    public const string Site = nameof(Site);
    public const string Home = nameof(Home);
    public const string Assets = nameof(Assets);
    public const string Redirects = nameof(Redirects);
    public const string Urls = nameof(Urls);

    /// <summary>The templates the pipelines render, which the theme must have.</summary>
    public static readonly ImmutableArray<string> RequiredTemplates =
    [
        "templates/" + RenderArticlePages.Template,
        "templates/" + RenderStandalonePages.Template,
        "templates/" + RenderHome.Template,
    ];

    /// <summary>Creates the pipelines of one build.</summary>
    public static ImmutableArray<Pipeline> Create(SiteServices services)
    {
        var options = services.Options;
        var input = options.InputFolder;
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var renderMarkdown = new RenderMarkdown(services.Markdown);
        var write = new WriteFiles(options.OutputFolder, services.Statistics);
        string Folder(string name) => Path.Combine(input, name);

        return
        [
            new Pipeline(Articles)
            {
                Input = [new ReadFiles(Folder("articles"), services.Display(Folder("articles")), "*.md")],
                Process = [new ParseArticles(services.Config), publish, renderMarkdown, new OrderArticles()],
                PostProcess = [new RenderArticlePages(services.Theme, services.Views, Site)],
                Output = [write],
            },
            new Pipeline(Pages)
            {
                Input = [new ReadFiles(Folder("pages"), services.Display(Folder("pages")), "*.md")],
                Process = [new ParsePages(services.Config), publish, renderMarkdown],
                PostProcess = [new RenderStandalonePages(services.Theme, services.Views, Site)],
                Output = [write],
            },
            new Pipeline(Site)
            {
                DependsOn = [Pages],
                Process = [new DescribeSite(services.Views, Pages, options.Now)],
            },
            new Pipeline(Home)
            {
                DependsOn = [Articles, Site],
                Process = [new RenderHome(services.Theme, services.Views, Articles, Site, services.Config.PageSize)],
                Output = [write],
            },
            new Pipeline(Assets)
            {
                Input =
                [
                    new ReadAssets(services.Theme.AssetsFolder, services.Display(services.Theme.AssetsFolder), "assets/"),
                    new ReadAssets(Folder("media"), services.Display(Folder("media")), "media/"),
                ],
                Output = [write],
            },
            new Pipeline(Redirects)
            {
                DependsOn = [Articles, Pages],
                Process = [new RenderRedirects(services.Views, Articles, Pages)],
                Output = [write],
            },
            new Pipeline(Urls)
            {
                PostProcess = [new CheckUrlCollisions()],
            },
        ];
    }
}
