using System.Collections.Immutable;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Taxonomy;

namespace Broadside.Build;

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
    public const string Plan = nameof(Plan);
    public const string Pictures = nameof(Pictures);
    public const string PictureFiles = nameof(PictureFiles);
    public const string Cards = nameof(Cards);

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

    /// <summary>
    /// Creates the pipelines of one build, which starts from <paramref name="start"/>: from nothing, or
    /// from an earlier build's state. The pipelines are the same either way; what differs is what they
    /// read and take from the earlier build, and which files the plan has them make.
    /// </summary>
    internal static ImmutableArray<Pipeline> Create(SiteServices services, Build.BuildStart start)
    {
        var options = services.Options;
        var config = services.Config;
        var (theme, views) = (services.Theme, services.Views);
        var input = options.InputFolder;
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var renderMarkdown = MarkdownStep(services);
        var write = new WriteFiles(services.Output, services.Statistics, start.Published, reuse: !options.Fresh);
        var warm = start.Full is null ? start.Earlier?.Warm : null;
        string Folder(string name) => Path.Combine(input, name);
        var articles = new ReadFiles(Folder("articles"), services.Display(Folder("articles")), ArticlePattern, input, services.Articles);

        ImmutableArray<Pipeline> pipelines =
        [
            new Pipeline(Articles)
            {
                Input = [warm is not null && start.Changed is { } changed ? new Build.ReadChangedArticles(articles, start.Earlier!, warm.Unpublished, changed) : articles],
                Process = [new ParseArticles(config, services.Articles), publish, renderMarkdown, new OrderArticles()],
                PostProcess = [new RenderArticlePages(theme, views, Articles, Index, Site, Plan)],
                Output = [write],
            },
            PagesPipeline(services, publish, renderMarkdown, new RenderStandalonePages(theme, views, Pages, Site, Plan, Pictures), write),
            DataPipeline(services),
            new Pipeline(Index)
            {
                DependsOn = [Articles, Data, Pictures],
                Process = [new IndexSite(config, views, theme, Articles, Data, warm?.Index, lazyViews: start.Earlier is not null && start.Full is null, Pictures, headlineCards: services.Cards is null ? 0 : config.Pictures.HeadlineCards)],
            },
            SitePipeline(services),
            new Pipeline(Home)
            {
                DependsOn = [Index, Site, Plan],
                Process = [new RenderHome(theme, views, Index, Site, Plan, config.PageSize)],
                Output = [write],
            },
            new Pipeline(Archives)
            {
                DependsOn = [Index, Site, Plan],
                Process = [new RenderArchives(theme, views, Index, Site, Plan, config.PageSize, config.Culture)],
                Output = [write],
            },
            new Pipeline(Demands)
            {
                DependsOn = [Index, Site, Plan],
                Process = [new RenderDemandPages(theme, views, Index, Site, Plan, config.PageSize, warm?.DemandsJson)],
                Output = [write],
            },
            new Pipeline(Feeds)
            {
                DependsOn = [Index, Plan],
                Process = [new RenderFeeds(config, views, Index, Plan, services.Fingerprint)],
                Output = [write],
            },
            new Pipeline(NotFound)
            {
                DependsOn = [Site, Plan],
                Process = [new RenderNotFound(theme, views, Site, Plan)],
                Output = [write],
            },
            new Pipeline(Search)
            {
                DependsOn = [Site, Plan],
                Process = options.Search ? [new RenderSearchPage(theme, views, Site, Plan)] : [],
                Output = [write],
            },
            new Pipeline(Sitemap)
            {
                PostProcess = [new RenderSitemap(views, Plan)],
                Output = [write],
            },
            new Pipeline(Assets)
            {
                Input =
                [
                    new ReadThemeAssets(theme.Assets, services.Display(theme.AssetsFolder)),
                    new ReadAssets(Folder("media"), services.Display(Folder("media")), ReservedPaths.Media + "/", input, services.Config.Limits.MediaBytes, pictures: true),
                ],
                Process = [new CopyAssets(Assets)],
                Output = [write],
            },
            new Pipeline(Pictures)
            {
                DependsOn = [Assets],
                Process = [new ProbePictures(Assets, config.Pictures, services.Pictures)],
            },
            new Pipeline(PictureFiles)
            {
                DependsOn = [Pictures, Index, Plan],
                Process = [new RenderPictures(services.Pictures, Pictures, Index, Plan, make: !options.CheckOnly, options.Cache?.Pictures, start.Published)],
                Output = [write],
            },
            new Pipeline(Cards)
            {
                DependsOn = [Index, Plan],
                Process = services.Cards is { } style ? [new RenderCards(config, style, services.Pictures, Index, Plan, make: !options.CheckOnly)] : [],
                Output = [write],
            },
            new Pipeline(Redirects)
            {
                DependsOn = [Articles, Pages, Plan],
                Process = [new RenderRedirects(views, Plan, Articles, Pages)],
                Output = [write],
            },
            new Pipeline(Urls)
            {
                PostProcess = [new CheckUrlCollisions(Plan), new CheckOutputPaths(services.Output, start.Published, Plan)],
            },
            new Pipeline(Checks)
            {
                PostProcess = options.CheckOnly
                    ? [new CheckLinks(config.RootPath, asErrors: true, Plan, Pictures), new CheckPictures(asErrors: true, Pictures), new CheckDemandWording(Index, Data)]
                    : [new CheckLinks(config.RootPath, asErrors: false, Plan, Pictures), new CheckPictures(asErrors: false, Pictures)],
            },
        ];

        pipelines = [.. pipelines, .. options.Extensions.Select(extension => extension(services, write))];

        // Every module that publishes files declares them; the plan reads every declaration, and knows no listing by name.
        var modules = pipelines.SelectMany(p => p.Input.Concat(p.Process).Concat(p.PostProcess).Concat(p.Output)).ToList();
        return
        [
            .. pipelines,
            new Pipeline(Plan)
            {
                DependsOn = [Articles, Pages, Data, Index, Site, Assets, Pictures],
                Process = [new Build.PlanOutputs([.. modules.OfType<IListing>()], [.. modules.OfType<ISiteListing>()], start.Earlier, start.Full, start.Published, Index, Site)],
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

    /// <summary>The step that renders Markdown, with the caches of <paramref name="services"/>.</summary>
    internal static RenderMarkdown MarkdownStep(SiteServices services) =>
        new(services.Markdown, services.Options.Cache, services.Options.Cache is null ? default : SiteFingerprint.OfConfiguration(services.Options), services.Articles);
}
