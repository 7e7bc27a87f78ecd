using System.Collections.Immutable;
using System.Globalization;
using Broadside.Content;

namespace Broadside.Tests.TestSupport;

/// <summary>Articles made in memory for tests of what groups and lists them.</summary>
public static class TestArticles
{
    /// <summary>
    /// An article in <c>input/articles/{slug}.md</c>. Demands written <c>id:x</c> are references by
    /// id; others are wordings.
    /// </summary>
    public static Article Make(
        string slug,
        string date,
        string section = "Labor",
        string[]? tags = null,
        string[]? authors = null,
        string[]? demands = null)
    {
        var when = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
        var front = new ArticleFrontMatter
        {
            Title = "Title of " + slug,
            Authors = [.. authors ?? ["Ana Ruiz"]],
            Section = section,
            Date = when,
            Tags = [.. tags ?? []],
            Demands = [.. (demands ?? []).Select((d, i) => d.StartsWith("id:", StringComparison.Ordinal)
                ? new DemandReference(null, d[3..], 10 + i, 5)
                : new DemandReference(d, null, 10 + i, 5))],
        };
        return new Article
        {
            Source = $"input/articles/{slug}.md",
            FrontMatter = front,
            Slug = slug,
            Markdown = ReadOnlyMemory<byte>.Empty,
            BodyLineOffset = 12,
            Path = UrlScheme.Article(when, slug),
            Destination = UrlScheme.File(UrlScheme.Article(when, slug)),
        };
    }

    /// <summary>The articles newest first, as the Articles pipeline orders them.</summary>
    public static ImmutableArray<Article> NewestFirst(params Article[] articles) =>
        [.. articles.OrderByDescending(a => a.FrontMatter.Date).ThenBy(a => a.Source, StringComparer.Ordinal)];
}
