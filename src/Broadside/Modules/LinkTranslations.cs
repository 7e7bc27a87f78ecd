using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>Every published article's and page's versions in the site's other languages (<see cref="Translations"/>).</summary>
/// <param name="Articles">The versions of each article, by its source file.</param>
/// <param name="Pages">The versions of each standalone page, by its source file.</param>
/// <param name="Key">A hash of both.</param>
public sealed record TranslationsDocument(
    ImmutableDictionary<string, ImmutableArray<TranslationLink>> Articles,
    ImmutableDictionary<string, ImmutableArray<TranslationLink>> Pages,
    Hash128 Key) : Document
{
    /// <summary>A site without translations.</summary>
    public static TranslationsDocument None { get; } = new(
        ImmutableDictionary<string, ImmutableArray<TranslationLink>>.Empty,
        ImmutableDictionary<string, ImmutableArray<TranslationLink>>.Empty,
        default);

    /// <summary>The versions of <paramref name="article"/>, itself among them; empty when it has none.</summary>
    public ImmutableArray<TranslationLink> Of(Article article) => Articles.GetValueOrDefault(article.Source!, []);

    /// <summary>The versions of <paramref name="page"/>, itself among them; empty when it has none.</summary>
    public ImmutableArray<TranslationLink> Of(Page page) => Pages.GetValueOrDefault(page.Source!, []);

    /// <summary>The translations made by <paramref name="pipeline"/>; none when there is no such pipeline.</summary>
    public static TranslationsDocument In(PipelineContext context, string? pipeline) =>
        pipeline is null ? None : context.OutputsOf<TranslationsDocument>(pipeline).SingleOrDefault() ?? None;
}

/// <summary>Links the versions of each article and page that share a <c>translation_key</c> (<see cref="Translations"/>).</summary>
/// <param name="site">The configuration, with the site's languages.</param>
/// <param name="articlesPipeline">The pipeline of the published articles.</param>
/// <param name="pagesPipeline">The pipeline of the published pages.</param>
public sealed class LinkTranslations(SiteConfig site, string articlesPipeline, string pagesPipeline) : IModule
{
    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var articles = Translations.Group(
            context.OutputsOf<Article>(articlesPipeline)
                .Where(a => a.FrontMatter.TranslationKey is not null)
                .Select(a => new Translations.Version(a.Source!, a.FrontMatter.Lang, a.FrontMatter.TranslationKey!, a.FrontMatter.TranslationKeyLine, a.Path, a.FrontMatter.Section)),
            site,
            context.Diagnostics);
        var pages = Translations.Group(
            context.OutputsOf<Page>(pagesPipeline)
                .Where(p => p.FrontMatter.TranslationKey is not null)
                .Select(p => new Translations.Version(p.Source!, p.FrontMatter.Lang, p.FrontMatter.TranslationKey!, p.FrontMatter.TranslationKeyLine, p.Path, null)),
            site,
            context.Diagnostics);
        var key = new KeyBuilder();
        foreach (var (source, links) in articles.Concat(pages).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            key.Add(source);
            foreach (var link in links)
            {
                key.Add(link.Language).Add(link.Path);
            }
        }

        return [new TranslationsDocument(articles, pages, key.Finish())];
    }
}
