using System.Globalization;
using System.Text;
using Broadside.Configuration;

namespace Broadside.Content;

/// <summary>A new article's file: where it goes and the valid front matter it starts with.</summary>
/// <param name="RelativePath">Its path below the input folder: <c>articles/2026/bus-drivers-walk-out.md</c>.</param>
/// <param name="Text">The file's text.</param>
public sealed record ArticleScaffold(string RelativePath, string Text)
{
    /// <summary>
    /// The scaffold of an article headed <paramref name="headline"/>, dated <paramref name="now"/> in the
    /// site's time zone, as a draft until the editor publishes it, in the site's language
    /// <paramref name="lang"/> (<c>lang: es</c>) when that is given and is not the default one. Null when
    /// the headline has no letters or digits to name the file after.
    /// </summary>
    public static ArticleScaffold? Create(string headline, string section, string author, DateTimeOffset now, SiteConfig site, string? lang = null)
    {
        var slug = Slug.From(headline);
        if (slug.Length == 0)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, site.TimeZone);
        var date = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append("---\n")
            .Append("title: ").Append(Quote(headline.Trim())).Append('\n')
            .Append("author: ").Append(Quote(author.Trim())).Append('\n')
            .Append("section: ").Append(Quote(section.Trim())).Append('\n')
            .Append(lang is null || lang.Equals(site.AllLanguages[0].Code, StringComparison.OrdinalIgnoreCase) ? string.Empty : $"lang: {Quote(lang)}\n")
            .Append("date: ").Append(date).Append('\n')
            .Append("tags: []\n")
            .Append("summary: \"\"\n")
            .Append("demands: []\n")
            .Append("draft: true\n")
            .Append("---\n\n")
            .Append("The first paragraph is the summary unless you write one above.\n\n")
            .Append("## A sub-heading\n\n")
            .Append("Headings start at '##': the title is the page's only top heading. When the article is\n")
            .Append("ready, remove the line 'draft: true' above, then commit.\n")
            .ToString();
        return new ArticleScaffold($"articles/{local.Year:D4}/{slug}.md", text);
    }

    /// <summary>A YAML double-quoted string.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
