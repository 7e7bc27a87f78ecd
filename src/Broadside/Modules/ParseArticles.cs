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
public sealed class ParseArticles(SiteConfig site, BuildCache? cache = null, UInt128 fingerprint = default) : ParallelModule<SourceFile>
{
    /// <inheritdoc />
    protected override Document? Transform(SourceFile input, PipelineContext context) =>
        cache is null
            ? Parse(input, context.Diagnostics)
            : cache.Reuse(nameof(ParseArticles), input.Source!, new KeyBuilder().Add(fingerprint).Add(input.Hash).Finish(), context.Diagnostics, bag => Parse(input, bag));

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
