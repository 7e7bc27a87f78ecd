using Broadside.Caching;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Yaml;

namespace Broadside.Modules;

/// <summary>Splits each source file into front matter and body, checks the front matter and makes an <see cref="Article"/>.</summary>
/// <param name="site">The configuration: time zone, extra keys.</param>
/// <param name="articles">
/// Articles parsed and rendered by earlier builds (on disk for <c>build</c>, in memory for
/// <c>serve</c>), or null: an article found there, by its file and hash, is taken as it is, already rendered.
/// </param>
public sealed class ParseArticles(SiteConfig site, ArticleCache? articles = null) : ParallelModule<SourceFile>
{
    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context)
    {
        if (articles is null)
        {
            return Parse(input, context.Diagnostics);
        }

        if (articles.Find(input.Source!, input.Hash, context.Diagnostics) is { } article)
        {
            return article;
        }

        if (input.Unread)
        {
            // The cache knew the file when it was listed but not now (it cannot happen while the cache
            // is only read during a build): read it after all.
            if (TextFile.Read(input.FullPath, input.Source!, context.Diagnostics) is not { } bytes)
            {
                return null;
            }

            input = new SourceFile { Source = input.Source, FullPath = input.FullPath, RelativePath = input.RelativePath, Bytes = bytes };
        }

        var (parsed, reported) = context.Diagnostics.Capture(bag => Parse(input, bag));
        articles.Parsed(input.Source!, reported);
        return parsed;
    }

    private Article? Parse(SourceFile input, DiagnosticBag diagnostics)
    {
        var file = input.Source!;
        var text = input.Text;
        var split = FrontMatterSplitter.Split(text, file, diagnostics);
        if (split is null)
        {
            return null;
        }

        var map = YamlMap.Parse(split.Yaml, file, split.YamlLineOffset, diagnostics, "front matter");
        var front = map is null ? null : FrontMatterParser.ParseArticle(map, site);
        if (front is null)
        {
            return null;
        }

        var slug = front.Slug ?? Slug.FromFileName(input.RelativePath);
        if (slug.Length == 0)
        {
            diagnostics.Error(
                Diagnostics.DiagnosticCodes.InvalidSlug,
                "the file name has no letters or digits to make a URL from: rename the file (bus-drivers-walk-out.md) or add 'slug:'",
                file);
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(front.Date, site.TimeZone);
        var prefix = site.LanguageOf(front.Lang)?.Prefix ?? string.Empty;
        return new Article
        {
            Source = file,
            FrontMatter = front,
            Slug = slug,
            Markdown = input.BodyBytes(text, split.Body),
            BodyLineOffset = split.BodyLineOffset,
            SourceHash = input.Hash,
            Path = prefix + UrlScheme.Article(local, slug),
            Destination = prefix + UrlScheme.Article(local, slug) + "index.html",
        };
    }
}
