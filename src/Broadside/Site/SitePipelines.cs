using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Taxonomy;

namespace Broadside.Site;

/// <summary>
/// The whole build, as pipelines. Each reads what it declares; the engine runs independent ones in
/// parallel and writes nothing unless every pipeline's checks passed.
/// </summary>
public static class SitePipelines
{
    public const string Articles = nameof(Articles);
    public const string Pages = nameof(Pages);
    public const string Data = nameof(Data);
    public const string Index = nameof(Index);
    public const string Site = nameof(Site);
    public const string Home = nameof(Home);
    public const string Archives = nameof(Archives);
    public const string Demands = nameof(Demands);
    public const string Feeds = nameof(Feeds);
    public const string NotFound = nameof(NotFound);
    public const string Search = nameof(Search);
    public const string Sitemap = nameof(Sitemap);
    public const string Assets = nameof(Assets);
    public const string Redirects = nameof(Redirects);
    public const string Urls = nameof(Urls);
    public const string Checks = nameof(Checks);

    /// <summary>The files of <c>articles/</c> (and <c>pages/</c>) that are content.</summary>
    public const string ArticlePattern = "*.md";

    /// <summary>The templates the pipelines render, which the theme must have.</summary>
    public static readonly ImmutableArray<string> RequiredTemplates =
    [
        "templates/" + RenderArticlePages.Template,
        "templates/" + RenderStandalonePages.Template,
        "templates/" + RenderHome.Template,
        "templates/" + RenderArchives.ArchiveTemplate,
        "templates/" + RenderArchives.TermsTemplate,
        "templates/" + RenderDemandPages.IndexTemplate,
        "templates/" + RenderDemandPages.DemandTemplate,
        "templates/" + RenderNotFound.Template,
    ];

    /// <summary>Creates the pipelines of one build.</summary>
    public static ImmutableArray<Pipeline> Create(SiteServices services)
    {
        var options = services.Options;
        var config = services.Config;
        var (theme, views) = (services.Theme, services.Views);
        var input = options.InputFolder;
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var renderMarkdown = MarkdownStep(services);
        var manifest = OutputManifest.Load(services.Output.Folder);
        var write = new WriteFiles(services.Output, services.Statistics, manifest, reuse: !options.Fresh);
        string Folder(string name) => Path.Combine(input, name);

        return
        [
            new Pipeline(Articles)
            {
                Input = [new ReadFiles(Folder("articles"), services.Display(Folder("articles")), ArticlePattern, input, services.Articles)],
                Process = [new ParseArticles(config, services.Articles), publish, renderMarkdown, new OrderArticles()],
                PostProcess = [new RenderArticlePages(theme, views, Index, Site)],
                Output = [write],
            },
            PagesPipeline(services, publish, renderMarkdown, new RenderStandalonePages(theme, views, Site), write),
            DataPipeline(services),
            new Pipeline(Index)
            {
                DependsOn = [Articles, Data],
                Process = [new IndexSite(config, views, theme, Articles, Data)],
            },
            SitePipeline(services),
            .. Listings(services, write),
            new Pipeline(NotFound)
            {
                DependsOn = [Site],
                Process = [new RenderNotFound(theme, views, Site)],
                Output = [write],
            },
            new Pipeline(Search)
            {
                DependsOn = [Site],
                Process = options.Search ? [new RenderSearchPage(theme, views, Site)] : [],
                Output = [write],
            },
            SitemapPipeline(services, write),
            new Pipeline(Assets)
            {
                Input =
                [
                    new ReadThemeAssets(theme.Assets, services.Display(theme.AssetsFolder)),
                    new ReadAssets(Folder("media"), services.Display(Folder("media")), ReservedPaths.Media + "/", input, services.Config.Limits.MediaBytes),
                ],
                Output = [write],
            },
            new Pipeline(Redirects)
            {
                DependsOn = [Articles, Pages],
                Process = [new RenderRedirects(views, Articles, Pages)],
                Output = [write],
            },
            new Pipeline(Urls)
            {
                PostProcess = [new CheckUrlCollisions(), new CheckOutputPaths(services.Output, manifest)],
            },
            new Pipeline(Checks)
            {
                PostProcess = options.CheckOnly
                    ? [new CheckLinks(config.RootPath, asErrors: true), new CheckDemandWording(Index)]
                    : [new CheckLinks(config.RootPath, asErrors: false)],
            },
        ];
    }

    /// <summary>The standalone pages of <c>pages/</c>, read, parsed and rendered, and made into pages by <paramref name="render"/> and <paramref name="write"/> when given.</summary>
    /// <param name="services">The build's configuration and theme.</param>
    /// <param name="publish">Leaves out drafts and pages not yet due.</param>
    /// <param name="renderMarkdown">Renders their Markdown.</param>
    /// <param name="render">Makes their pages.</param>
    /// <param name="write">Writes their pages.</param>
    internal static Pipeline PagesPipeline(SiteServices services, FilterPublished publish, RenderMarkdown renderMarkdown, IModule? render = null, IModule? write = null)
    {
        var (input, folder) = (services.Options.InputFolder, Path.Combine(services.Options.InputFolder, "pages"));
        return new Pipeline(Pages)
        {
            Input = [new ReadFiles(folder, services.Display(folder), ArticlePattern, input)],
            Process = [new ParsePages(services.Config), publish, renderMarkdown],
            PostProcess = render is null ? [] : [render],
            Output = write is null ? [] : [write],
        };
    }

    /// <summary>The data files: the author profiles and the canonical demands.</summary>
    internal static Pipeline DataPipeline(SiteServices services)
    {
        string Folder(string name) => Path.Combine(services.Options.InputFolder, name);
        return new Pipeline(Data)
        {
            Input =
            [
                new ReadDataFile(Folder(ParseDataFiles.Authors), services.Display(Folder(ParseDataFiles.Authors))),
                new ReadDataFile(Folder(ParseDataFiles.Demands), services.Display(Folder(ParseDataFiles.Demands))),
            ],
            Process = [new ParseDataFiles()],
        };
    }

    /// <summary>The <c>site</c> every template sees, from the pages and the index.</summary>
    internal static Pipeline SitePipeline(SiteServices services)
    {
        var (options, theme, views) = (services.Options, services.Theme, services.Views);
        var search = options.Search && theme.Has("templates/" + RenderSearchPage.Template) ? views.Url(RenderSearchPage.Path) : string.Empty;
        return new Pipeline(Site)
        {
            DependsOn = [Pages, Index],
            Process = [new DescribeSite(views, Pages, Index, options.Now, services.Fingerprint, search, services.Config.Limits.Pages)],
        };
    }

    /// <summary>
    /// The pipelines that list articles: home, archives, demand pages and feeds. Given
    /// <paramref name="scope"/>, they make only the pages and feeds it names, and demands.json only when
    /// <paramref name="demandsJsonChanged"/>, from the last build's parts of it that still hold,
    /// <paramref name="demandsJsonParts"/> (an <see cref="EditBuild"/>).
    /// </summary>
    internal static IEnumerable<Pipeline> Listings(
        SiteServices services,
        WriteFiles write,
        EditScope? scope = null,
        bool demandsJsonChanged = false,
        IReadOnlyDictionary<Demand, byte[]>? demandsJsonParts = null)
    {
        var (config, theme, views) = (services.Config, services.Theme, services.Views);
        yield return new Pipeline(Home)
        {
            DependsOn = [Index, Site],
            Process = [new RenderHome(theme, views, Index, Site, config.PageSize, scope)],
            Output = [write],
        };
        yield return new Pipeline(Archives)
        {
            DependsOn = [Index, Site],
            Process = [new RenderArchives(theme, views, Index, Site, config.PageSize, config.Culture, scope)],
            Output = [write],
        };
        yield return new Pipeline(Demands)
        {
            DependsOn = [Index, Site],
            Process = [new RenderDemandPages(theme, views, Index, Site, config.PageSize, scope, demandsJsonChanged, demandsJsonParts)],
            Output = [write],
        };
        yield return new Pipeline(Feeds)
        {
            DependsOn = [Index],
            Process = [new RenderFeeds(config, views, Index, services.Fingerprint, scope)],
            Output = [write],
        };
    }

    /// <summary>
    /// The sitemap of every page; given the <see cref="RenderSitemap.Pages"/> of an earlier build,
    /// those pages and the ones this build makes (an <see cref="EditBuild"/>).
    /// </summary>
    internal static Pipeline SitemapPipeline(SiteServices services, WriteFiles write, IReadOnlyDictionary<string, DateTimeOffset?>? previous = null, IReadOnlyList<string>? previousOrder = null) => new(Sitemap)
    {
        PostProcess = [new RenderSitemap(services.Views, previous: previous, previousOrder: previousOrder)],
        Output = [write],
    };

    /// <summary>The module of type <typeparamref name="T"/> of the pipeline called <paramref name="name"/>, for what it found while it ran.</summary>
    internal static T Module<T>(IEnumerable<Pipeline> pipelines, string name)
    {
        var pipeline = pipelines.Single(p => p.Name == name);
        return pipeline.Process.Concat(pipeline.PostProcess).OfType<T>().Single();
    }

    /// <summary>The step that renders Markdown, with the caches of <paramref name="services"/>.</summary>
    internal static RenderMarkdown MarkdownStep(SiteServices services) =>
        new(services.Markdown, services.Options.Cache, services.Options.Cache is null ? default : SiteFingerprint.OfConfiguration(services.Options), services.Articles);
}
