using Broadside.Configuration;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Yaml;

namespace Broadside.Modules;

/// <summary>Splits each source file into front matter and body, checks the front matter and makes an <see cref="Article"/>.</summary>
public sealed class ParseArticles(SiteConfig site) : ParallelModule<SourceFile>
{
    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context)
    {
        var file = input.Source!;
        var text = input.Text;
        var split = FrontMatterSplitter.Split(text, file, context.Diagnostics);
        if (split is null)
        {
            return null;
        }

        var map = YamlMap.Parse(split.Yaml, file, split.YamlLineOffset, context.Diagnostics, "front matter");
        var front = map is null ? null : FrontMatterParser.ParseArticle(map, site);
        if (front is null)
        {
            return null;
        }

        var slug = front.Slug ?? Slug.FromFileName(input.RelativePath);
        if (slug.Length == 0)
        {
            context.Diagnostics.Error(
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
