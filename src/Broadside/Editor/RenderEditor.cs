using System.Collections.Immutable;
using System.Net;
using Broadside.Configuration;
using Broadside.Engine;
using Broadside.Modules;
using Broadside.Output;
using Broadside.Outputs;

namespace Broadside.Editor;

/// <summary>
/// The web editor at <c>/admin/</c>, when site.yml has an <c>editor:</c> block and Decap CMS is installed
/// (<paramref name="bundle"/>): its page, its settings made from site.yml, authors.yml and demands.yml
/// (<see cref="EditorConfig"/>), and Decap's own files, copied from the package. Without either, it
/// declares nothing, and a build removes the <c>/admin/</c> an earlier build made. The page is in no
/// sitemap and no search index, and tells search engines to leave it out.
/// </summary>
/// <param name="config">The site's settings.</param>
/// <param name="bundle">Decap CMS's files; null when the package is not installed.</param>
/// <param name="inputFolder">The input folder, to name its place in the repository.</param>
/// <param name="dataPipeline">The pipeline that reads authors.yml and demands.yml.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
public sealed class RenderEditor(SiteConfig config, DecapBundle? bundle, string inputFolder, string dataPipeline, string planPipeline) : IModule, IListing
{
    /// <summary>The editor's page.</summary>
    public const string Page = ReservedPaths.Admin + "/index.html";

    /// <summary>The editor's settings.</summary>
    public const string Settings = ReservedPaths.Admin + "/config.yml";

    /// <summary>Broadside's own widgets for the editor (the demands of an article), loaded after Decap's script.</summary>
    public const string Widgets = ReservedPaths.Admin + "/" + WidgetsScript;

    /// <summary>The file name of <see cref="Widgets"/>.</summary>
    public const string WidgetsScript = "broadside-widgets.js";

    private static readonly Lazy<string> WidgetsSource = new(() =>
    {
        using var stream = typeof(RenderEditor).Assembly.GetManifestResourceStream("Broadside.Editor." + WidgetsScript)
            ?? throw new InvalidOperationException($"The assembly lacks {WidgetsScript}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    private (string Page, string Settings)? _made;

    /// <summary>The script of Broadside's own widgets (<c>admin/broadside-widgets.js</c>): the <c>demands</c> widget.</summary>
    public static string WidgetsJavaScript => WidgetsSource.Value;

    /// <summary>True when the build publishes the editor.</summary>
    public bool On => config.Editor is not null && bundle is not null;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        if (Made(context) is not var (page, settings))
        {
            yield break;
        }

        yield return ListDeclaration.Single(Page, new KeyBuilder().Add(page).Finish());
        yield return ListDeclaration.Single(Settings, new KeyBuilder().Add(settings).Finish());
        yield return ListDeclaration.Single(Widgets, new KeyBuilder().Add(WidgetsJavaScript).Finish());
        foreach (var file in bundle!.Files)
        {
            yield return ListDeclaration.Single(ReservedPaths.Admin + "/" + file, default);
        }
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        if (Made(context) is not var (page, settings))
        {
            return [];
        }

        var plan = OutputPlan.In(context, planPipeline);
        var files = ImmutableArray.CreateBuilder<Document>();
        if (plan.Makes(Page))
        {
            files.Add(new OutputFile { Destination = Page, Content = page, InSitemap = false });
        }

        if (plan.Makes(Settings))
        {
            files.Add(new OutputFile { Destination = Settings, Content = settings, InSitemap = false });
        }

        if (plan.Makes(Widgets))
        {
            files.Add(new OutputFile { Destination = Widgets, Content = WidgetsJavaScript, InSitemap = false });
        }

        // Copied by every build, as the theme's assets are; a file already published as it is stays untouched.
        foreach (var file in bundle!.Files)
        {
            files.Add(new AssetFile { Destination = ReservedPaths.Admin + "/" + file, FullPath = Path.Combine(bundle.Folder, file) });
        }

        return files.ToImmutable();
    }

    /// <summary>
    /// The editor's page: Decap's script, then Broadside's widgets (<see cref="Widgets"/>), which register
    /// themselves before Decap starts; no inline script or style, kept out of search engines.
    /// </summary>
    /// <param name="title">The publication's name.</param>
    /// <param name="language">The site's language tag.</param>
    /// <param name="rootPath">The site's root path, <c>/</c> or <c>/dispatch/</c>.</param>
    public static string PageHtml(string title, string language, string rootPath) =>
        $"""
        <!doctype html>
        <html lang="{WebUtility.HtmlEncode(language)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{WebUtility.HtmlEncode(title)}: editor</title>
        </head>
        <body>
        <script src="{WebUtility.HtmlEncode(rootPath + ReservedPaths.Admin + "/" + DecapBundle.Script)}"></script>
        <script src="{WebUtility.HtmlEncode(rootPath + Widgets)}"></script>
        </body>
        </html>

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The input folder's path in the git repository that holds it, with <c>/</c> between names (<c>input</c>);
    /// its own name when no repository holds it.
    /// </summary>
    public static string RepositoryPath(string inputFolder)
    {
        var input = new DirectoryInfo(Path.GetFullPath(inputFolder));
        for (var folder = input; folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return Path.GetRelativePath(folder.FullName, input.FullName).Replace('\\', '/') is var relative && relative != "." ? relative : string.Empty;
            }
        }

        return input.Name;
    }

    // The page and the settings, made once a build from the data files.
    private (string Page, string Settings)? Made(PipelineContext context)
    {
        if (config.Editor is not { } editor || bundle is null)
        {
            return null;
        }

        return _made ??= (
            PageHtml(config.Title, config.Language, config.RootPath),
            EditorConfig.Yaml(
                config,
                editor,
                RepositoryPath(inputFolder),
                context.OutputsOf<AuthorsDocument>(dataPipeline).SelectMany(d => d.Profiles).ToList(),
                context.OutputsOf<DemandCatalogDocument>(dataPipeline).SelectMany(d => d.Demands).ToList()));
    }
}
