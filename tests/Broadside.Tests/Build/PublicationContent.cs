using System.Text.RegularExpressions;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Yaml;

namespace Broadside.Tests.Build;

/// <summary>An article of a publication as its source file says it should be published.</summary>
/// <param name="File">The source file, relative to the publication folder.</param>
/// <param name="FrontMatter">The front matter.</param>
/// <param name="Url">The root-relative URL the article must be published at.</param>
public sealed record SourceArticle(string File, ArticleFrontMatter FrontMatter, string Url)
{
    /// <inheritdoc />
    public override string ToString() => File;
}

/// <summary>A standalone page of a publication as its source file says it should be published.</summary>
/// <param name="File">The source file, relative to the publication folder.</param>
/// <param name="FrontMatter">The front matter.</param>
/// <param name="Url">The root-relative URL the page must be published at.</param>
public sealed record SourcePage(string File, PageFrontMatter FrontMatter, string Url);

/// <summary>
/// Reads a publication's articles and pages straight from its files, to know what the site built from
/// it must contain. URLs are worked out here from the content contract, not by Broadside's own code.
/// </summary>
public sealed partial class PublicationContent
{
    private readonly DateTimeOffset _now;

    private PublicationContent(SiteConfig config, IReadOnlyList<SourceArticle> articles, IReadOnlyList<SourcePage> pages, IReadOnlyList<CanonicalDemand> demands, DateTimeOffset now)
    {
        _now = now;
        CanonicalDemands = demands;
        Config = config;
        Articles = articles;
        Pages = pages;
    }

    /// <summary>site.yml.</summary>
    public SiteConfig Config { get; }

    /// <summary>Every article, drafts included, newest first.</summary>
    public IReadOnlyList<SourceArticle> Articles { get; }

    /// <summary>The canonical demands of demands.yml, if there is one.</summary>
    public IReadOnlyList<CanonicalDemand> CanonicalDemands { get; }

    /// <summary>Every standalone page.</summary>
    public IReadOnlyList<SourcePage> Pages { get; }

    /// <summary>Articles a build at the given time publishes: neither drafts nor dated later, newest first.</summary>
    public IEnumerable<SourceArticle> Published => Articles.Where(a => !a.FrontMatter.Draft && a.FrontMatter.Date <= _now);

    /// <summary>The published articles of the site in <paramref name="language"/>, newest first: those whose <c>lang</c> is it or a variant of it.</summary>
    public IEnumerable<SourceArticle> PublishedIn(string language) =>
        Published.Where(a => (a.FrontMatter.Lang ?? Config.Language).Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name an article's page shows for its section: the name site.yml gives the section in the article's language, else its own.</summary>
    public string SectionShown(SourceArticle article)
    {
        var language = (article.FrontMatter.Lang ?? Config.Language).Split('-')[0];
        var listed = Config.Sections.FirstOrDefault(s => s.Name.Equals(article.FrontMatter.Section, StringComparison.OrdinalIgnoreCase) || s.Names.Values.Contains(article.FrontMatter.Section, StringComparer.OrdinalIgnoreCase));
        return listed is null ? article.FrontMatter.Section : language == Config.Language ? listed.Name : listed.Names.GetValueOrDefault(language) ?? listed.Name;
    }

    /// <summary>
    /// Reads the publication in <paramref name="folder"/> as a build at <paramref name="now"/> sees it;
    /// fails the test if any file has a problem.
    /// </summary>
    public static PublicationContent Read(string folder, DateTimeOffset now)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(folder, "site.yml"), "site.yml", diagnostics);

        var articles = Markdown(folder, "articles")
            .Select(file =>
            {
                var front = Front(folder, file, diagnostics, map => FrontMatterParser.ParseArticle(map, config));
                var local = TimeZoneInfo.ConvertTime(front.Date, config.TimeZone);
                var slug = front.Slug ?? DatePrefix().Replace(Path.GetFileNameWithoutExtension(file), string.Empty);
                return new SourceArticle(file, front, FormattableString.Invariant($"/{Folder(front.Lang)}{local.Year:D4}/{local.Month:D2}/{slug}/"));
            })
            .OrderByDescending(a => a.FrontMatter.Date)
            .ToList();

        var pages = Markdown(folder, "pages")
            .Select(file => new SourcePage(
                file,
                Front(folder, file, diagnostics, map => FrontMatterParser.ParsePage(map, config)),
                "/" + Folder(Front(folder, file, diagnostics, map => FrontMatterParser.ParsePage(map, config)).Lang) + Path.GetFileNameWithoutExtension(file) + "/"))
            .ToList();

        var demandsFile = Path.Combine(folder, "demands.yml");
        var demands = File.Exists(demandsFile) ? DataFiles.ReadDemands(File.ReadAllText(demandsFile), "demands.yml", diagnostics) : [];

        Assert.Empty(diagnostics.ToImmutableSorted().Select(d => d.ToString()));
        return new PublicationContent(config, articles, pages, demands, now);

        // A version in another of the site's languages is published below the folder of its language's code.
        string Folder(string? lang) => lang is null || lang == config.Language || config.Languages.IsDefaultOrEmpty ? string.Empty : lang.ToLowerInvariant() + "/";
    }

    private static IEnumerable<string> Markdown(string folder, string kind)
    {
        var root = Path.Combine(folder, kind);
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : [];
    }

    private static T Front<T>(string folder, string file, DiagnosticBag diagnostics, Func<YamlMap, T?> parse)
        where T : class
    {
        var split = FrontMatterSplitter.Split(File.ReadAllText(Path.Combine(folder, file)), file, diagnostics);
        Assert.True(split is not null, $"{file} has no front matter.");
        var map = YamlMap.Parse(split.Yaml, file, split.YamlLineOffset, diagnostics, "front matter");
        Assert.True(map is not null, $"{file}'s front matter is not a YAML mapping.");
        var front = parse(map);
        Assert.True(front is not null, $"{file}'s front matter lacks a required key.");
        return front;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex DatePrefix();
}
