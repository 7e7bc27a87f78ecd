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

    /// <summary>What the site published, for the schedule (<see cref="RenderPublished"/>).</summary>
    public const string Published = nameof(Published);

    /// <summary>The web editor at <c>/admin/</c>, when site.yml asks for it.</summary>
    public const string Editor = nameof(Editor);

    /// <summary>Netlify's <c>_headers</c>: the security headers, the content security policy made from site.yml.</summary>
    public const string Headers = nameof(Headers);
    public const string Urls = nameof(Urls);
    public const string Checks = nameof(Checks);
    public const string Plan = nameof(Plan);
    public const string Pictures = nameof(Pictures);
    public const string PictureFiles = nameof(PictureFiles);
    public const string Cards = nameof(Cards);

    /// <summary>The publication's icon in the sizes phones and feed readers ask for.</summary>
    public const string Icons = nameof(Icons);
    public const string Translations = nameof(Translations);

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
        var theme = services.Theme;
        var input = options.InputFolder;
        var publish = new FilterPublished(options.IncludeDrafts, options.IncludeFuture, options.Now);
        var renderMarkdown = MarkdownStep(services);
        var write = new WriteFiles(services.Output, services.Statistics, start.Published, reuse: !options.Fresh);
        var warm = start.Full is null ? start.Earlier?.Warm : null;
        string Folder(string name) => Path.Combine(input, name);
        var listed = start.Listed.IsDefaultOrEmpty ? null : start.Listed.FirstOrDefault(l => l.Lists(Folder("articles"), ArticlePattern));
        var articles = new ReadFiles(Folder("articles"), services.Display(Folder("articles")), ArticlePattern, input, services.Articles, listed);

        var languages = config.AllLanguages;
        string In(string pipeline, int number) => Named(pipeline, config, number);
        Func<string?, bool>? Holds(int number) => config.Multilingual ? lang => config.LanguageOf(lang) == languages[number] : null;
        var translations = config.Multilingual ? Translations : null;
        var indexes = languages.Select((_, i) => In(Index, i)).ToImmutableArray();
        var sites = languages.Select((_, i) => In(Site, i)).ToImmutableArray();

        var editor = new Editor.RenderEditor(config, options.Editor, input, Data, Plan);
        var pipelines = ImmutableArray.CreateBuilder<Pipeline>();
        pipelines.Add(new Pipeline(Articles)
        {
            Input = [warm is not null && start.Changed is { } changed ? new Build.ReadChangedArticles(articles, start.Earlier!, warm.Unpublished, changed) : articles],
            Process = [new ParseArticles(config, services.Articles), publish, renderMarkdown, new OrderArticles()],
            PostProcess = [.. languages.Select((_, i) => new RenderArticlePages(theme, services.ViewsIn(i), Articles, In(Index, i), In(Site, i), Plan, Holds(i)))],
            Output = [write],
        });
        pipelines.Add(PagesPipeline(services, publish, renderMarkdown, [.. languages.Select((_, i) => new RenderStandalonePages(theme, services.ViewsIn(i), Pages, In(Site, i), Plan, Pictures, Holds(i), translations))], write));
        pipelines.Add(DataPipeline(services));
        if (translations is not null)
        {
            pipelines.Add(new Pipeline(Translations)
            {
                DependsOn = [Articles, Pages],
                Process = [new LinkTranslations(config, Articles, Pages)],
            });
        }

        // Every language is a site of its own: its index, home page, archives, demands, feeds, search and 404 page.
        for (var i = 0; i < languages.Length; i++)
        {
            var (language, views) = (config.ForLanguage(languages[i]), services.ViewsIn(i));
            var (index, site) = (In(Index, i), In(Site, i));
            pipelines.Add(new Pipeline(index)
            {
                DependsOn = translations is null ? [Articles, Data, Pictures] : [Articles, Data, Pictures, translations],
                Process = [new IndexSite(language, views, theme, Articles, Data, warm?.Indexes.GetValueOrDefault(index), lazyViews: start.Earlier is not null && start.Full is null, Pictures, headlineCards: services.Cards is null ? 0 : config.Pictures.HeadlineCards, translations)],
            });
            pipelines.Add(SitePipeline(services, i, Holds(i)));
            pipelines.Add(new Pipeline(In(Home, i))
            {
                DependsOn = [index, site, Plan],
                Process = [new RenderHome(theme, views, index, site, Plan, language.PageSize)],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(Archives, i))
            {
                DependsOn = [index, site, Plan],
                Process = [new RenderArchives(theme, views, index, site, Plan, language.PageSize, language.Culture)],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(Demands, i))
            {
                DependsOn = [.. indexes, site, Plan],
                Process = [new RenderDemandPages(theme, views, index, site, Plan, language.PageSize, warm?.DemandsJson.GetValueOrDefault(In(Demands, i)), config.Multilingual ? [.. languages.Select((l, n) => (l.Code, indexes[n]))] : null)],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(Feeds, i))
            {
                DependsOn = [index, Plan],
                Process = [new RenderFeeds(language, views, index, Plan, services.Fingerprint)],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(NotFound, i))
            {
                DependsOn = [site, Plan],
                Process = [new RenderNotFound(theme, views, site, Plan)],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(Search, i))
            {
                DependsOn = [site, Plan],
                Process = options.Search ? [new RenderSearchPage(theme, views, site, Plan)] : [],
                Output = [write],
            });
            pipelines.Add(new Pipeline(In(Cards, i))
            {
                DependsOn = [index, Plan],
                Process = services.Cards is { } style ? [new RenderCards(language, style, services.Pictures, index, Plan, make: !options.CheckOnly)] : [],
                Output = [write],
            });
        }

        pipelines.AddRange((IEnumerable<Pipeline>)
        [
            new Pipeline(Icons)
            {
                DependsOn = [Plan],
                Process = [new RenderIcons(services.Icon, services.Cards?.Background ?? (255, 255, 255), services.Pictures, Plan, make: !options.CheckOnly)],
                Output = [write],
            },
            new Pipeline(Editor)
            {
                DependsOn = [Data, Plan],
                Process = [editor],
                Output = [write],
            },
            new Pipeline(Sitemap)
            {
                PostProcess = [new RenderSitemap(services.Views, Plan, translationsPipeline: translations, editor: editor.On)],
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
                DependsOn = [Pictures, .. indexes, Plan],
                Process = [new RenderPictures(services.Pictures, Pictures, indexes, Plan, make: !options.CheckOnly, options.Cache?.Pictures, start.Published)],
                Output = [write],
            },
            new Pipeline(Redirects)
            {
                DependsOn = [Articles, Pages, Plan],
                Process = [new RenderRedirects(services.Views, Plan, services.ViewsFor, Articles, Pages)],
                Output = [write],
            },
            new Pipeline(Published)
            {
                DependsOn = [Articles, Plan],
                Process = [new RenderPublished(Articles, Plan)],
                Output = [write],
            },
            new Pipeline(Headers)
            {
                DependsOn = [Plan],
                Process = [new RenderHeaders(config, Plan, editor.On, options.Search)],
                Output = [write],
            },
            new Pipeline(Urls)
            {
                PostProcess = [new CheckUrlCollisions(Plan), new CheckOutputPaths(services.Output, start.Published, Plan)],
            },
            new Pipeline(Checks)
            {
                PostProcess = options.CheckOnly
                    ? [new CheckLinks(config.RootPath, asErrors: true, Plan, Pictures), new CheckPictures(asErrors: true, Pictures), .. indexes.Select(index => new CheckDemandWording(index, Data))]
                    : [new CheckLinks(config.RootPath, asErrors: false, Plan, Pictures), new CheckPictures(asErrors: false, Pictures)],
            },
        ]);

        pipelines.AddRange(options.Extensions.Select(extension => extension(services, write)));

        // Every module that publishes files declares them; the plan reads every declaration, and knows no listing by name.
        var modules = pipelines.SelectMany(p => p.Input.Concat(p.Process).Concat(p.PostProcess).Concat(p.Output)).ToList();
        return
        [
            .. pipelines,
            new Pipeline(Plan)
            {
                DependsOn = translations is null ? [Articles, Pages, Data, .. indexes, .. sites, Assets, Pictures] : [Articles, Pages, Data, translations, .. indexes, .. sites, Assets, Pictures],
                Process = [new Build.PlanOutputs([.. modules.OfType<IListing>()], [.. modules.OfType<ISiteListing>()], start.Earlier, start.Full, start.Published, indexes, sites, translations)],
            },
        ];
    }

    /// <summary>
    /// The name of <paramref name="pipeline"/> for language <paramref name="number"/> of <paramref name="config"/>'s
    /// <see cref="Configuration.SiteConfig.AllLanguages"/>: the name itself for the default language, else with the language's code (<c>Index.es</c>).
    /// </summary>
    public static string Named(string pipeline, Configuration.SiteConfig config, int number) =>
        number == 0 ? pipeline : $"{pipeline}.{config.AllLanguages[number].Code}";

    /// <summary>What every page of the site depends on, from the site of each language: the one's own key for a site in one language.</summary>
    internal static Hash128 SiteKey(IEnumerable<SiteDocument> sites)
    {
        var all = sites.ToList();
        if (all.Count == 1)
        {
            return all[0].Key;
        }

        var key = new KeyBuilder();
        foreach (var site in all)
        {
            key.Add(site.Key);
        }

        return key.Finish();
    }

    /// <summary>The standalone pages of <c>pages/</c>, read, parsed and rendered, and made into pages by <paramref name="render"/> and <paramref name="write"/> when given.</summary>
    /// <param name="services">The build's configuration and theme.</param>
    /// <param name="publish">Leaves out drafts and pages not yet due.</param>
    /// <param name="renderMarkdown">Renders their Markdown.</param>
    /// <param name="render">Makes their pages.</param>
    /// <param name="write">Writes their pages.</param>
    internal static Pipeline PagesPipeline(SiteServices services, FilterPublished publish, RenderMarkdown renderMarkdown, ImmutableArray<IModule> render = default, IModule? write = null)
    {
        var (input, folder) = (services.Options.InputFolder, Path.Combine(services.Options.InputFolder, "pages"));
        return new Pipeline(Pages)
        {
            Input = [new ReadFiles(folder, services.Display(folder), ArticlePattern, input)],
            Process = [new ParsePages(services.Config), publish, renderMarkdown],
            PostProcess = render.IsDefault ? [] : render,
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
    /// <param name="services">The build's configuration and theme.</param>
    /// <param name="number">The language's number in <see cref="Configuration.SiteConfig.AllLanguages"/>.</param>
    /// <param name="holds">Which pages' <c>lang</c> the language holds; null for every page.</param>
    internal static Pipeline SitePipeline(SiteServices services, int number = 0, Func<string?, bool>? holds = null)
    {
        var (options, theme, views) = (services.Options, services.Theme, services.ViewsIn(number));
        var search = options.Search && theme.Has("templates/" + RenderSearchPage.Template) ? views.Url(views.Prefix + RenderSearchPage.Path) : string.Empty;
        return new Pipeline(Named(Site, services.Config, number))
        {
            DependsOn = [Pages, Named(Index, services.Config, number)],
            Process = [new DescribeSite(views, Pages, Named(Index, services.Config, number), options.Now, services.Fingerprint, search, services.Config.Limits.Pages, holds)],
        };
    }

    /// <summary>The step that renders Markdown, with the caches of <paramref name="services"/>.</summary>
    internal static RenderMarkdown MarkdownStep(SiteServices services) =>
        new(services.Markdown, services.Options.Cache, services.Options.Cache is null ? default : SiteFingerprint.OfConfiguration(services.Options), services.Articles);
}
