using System.Collections.Immutable;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Taxonomy;
using Broadside.Templates;

namespace Broadside.Feeds;

/// <summary>Makes the <see cref="FeedEntry"/> of an article.</summary>
public sealed class FeedEntryFactory(SiteConfig site, ViewFactory views)
{
    /// <summary>The entry of <paramref name="article"/>.</summary>
    public FeedEntry Create(Article article, SiteIndex index)
    {
        var front = article.FrontMatter;
        var url = views.AbsoluteUrl(article.Path);
        ImmutableArray<(string Name, string Url)> authors = [.. front.Authors.Select(name => index.Author(name) is { } term
            ? (XmlText.Clean(term.Name), views.AbsoluteUrl(term.Path))
            : (XmlText.Clean(name), string.Empty))];
        return new FeedEntry
        {
            Id = url,
            Url = url,
            Title = XmlText.Clean(front.Title),
            Summary = XmlText.Clean(article.Summary),
            MakeContent = () => XmlText.CleanHtml(AbsoluteHtml.Resolve(article.Html, new Uri(url))),
            ReadyUtf8 = article.FeedReady ? () => article.HtmlUtf8 : null,
            Authors = authors,
            Byline = Names(authors.Select(a => a.Name).ToList()),
            Categories = [.. front.Tags.Select(t => index.Tag(t)?.Name ?? t).Prepend(index.Section(front.Section)?.Name ?? front.Section).Select(XmlText.Clean).Distinct(StringComparer.Ordinal)],
            Published = front.Date,
            Updated = article.LastModified,
            Image = front.Image is { } image ? new Uri(new Uri(url), image.StartsWith('/') ? views.Url(image.TrimStart('/')) : image).AbsoluteUri : string.Empty,
            Language = front.Lang ?? site.Language,
        };
    }

    // Names joined as the theme's words join them: "A", "A and B", "A, B and C".
    private string Names(List<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(views.Strings.Get("list_comma"), names[..^1]) + views.Strings.Get("list_and") + names[^1],
    };
}
