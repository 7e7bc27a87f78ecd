using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Site;
using Broadside.Yaml;

namespace Broadside.Modules;

/// <summary>Splits each source file into front matter and body, checks the front matter and makes an <see cref="Article"/>.</summary>
/// <param name="site">The configuration: time zone, extra keys.</param>
/// <param name="cache">Articles parsed by earlier builds of this process, or null.</param>
/// <param name="fingerprint">The build's <see cref="Site.SiteFingerprint"/>, part of the cache's key.</param>
/// <param name="articles">
/// Articles parsed and rendered by earlier builds, kept on disk, or null: an article found there, by its
/// file and hash, is taken as it is, already rendered.
/// </param>
public sealed class ParseArticles(SiteConfig site, BuildCache? cache = null, UInt128 fingerprint = default, ArticleCache? articles = null) : ParallelModule<SourceFile>
{
    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context)
    {
        if (articles is null)
        {
            return cache is null
                ? Parse(input, context.Diagnostics)
                : cache.Reuse(nameof(ParseArticles), input.Source!, new KeyBuilder().Add(fingerprint).Add(input.Hash).Finish(), context.Diagnostics, bag => Parse(input, bag));
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

        var own = new DiagnosticBag();
        var parsed = Parse(input, own);
        var reported = own.ToImmutableSorted();
        articles.Parsed(input.Source!, reported);
        foreach (var diagnostic in reported)
        {
            context.Diagnostics.Add(diagnostic);
        }

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
        return new Article
        {
            Source = file,
            FrontMatter = front,
            Slug = slug,
            Markdown = input.BodyBytes(text, split.Body),
            BodyLineOffset = split.BodyLineOffset,
            SourceHash = input.Hash,
            Path = UrlScheme.Article(local, slug),
            Destination = UrlScheme.Article(local, slug) + "index.html",
        };
    }
}
