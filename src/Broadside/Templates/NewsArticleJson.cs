using System.Text;
using System.Text.Json;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Output;
using Broadside.Templates.Views;

namespace Broadside.Templates;

/// <summary>
/// schema.org <c>NewsArticle</c> data for an article page, as a complete <c>script</c> element. The
/// JSON is written with an encoder that escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and
/// quotes, so no front matter value can close the script element.
/// </summary>
public static class NewsArticleJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JsonTextEncoder.ForHtml };

    /// <summary>The script element for <paramref name="article"/>.</summary>
    public static string Script(Article article, ArticleView view, string image, string url, SiteConfig site)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("headline", article.FrontMatter.Title);
            json.WriteString("description", view.Summary);
            json.WriteString("datePublished", view.DateIso);
            json.WriteString("dateModified", view.UpdatedIso.Length > 0 ? view.UpdatedIso : view.DateIso);
            json.WriteString("mainEntityOfPage", url);
            json.WriteString("url", url);
            json.WriteString("inLanguage", article.FrontMatter.Lang ?? site.Language);
            json.WriteString("articleSection", view.Section.Name);
            if (view.Corrections.Length > 0)
            {
                json.WriteStartArray("correction");
                foreach (var correction in view.Corrections)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "CorrectionComment");
                    json.WriteString("datePublished", correction.DateIso);
                    json.WriteString("text", correction.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            if (image.Length > 0)
            {
                json.WriteString("image", image);
            }

            json.WriteStartArray("author");
            foreach (var author in view.Authors)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", author.Name);
                if (author.Url.Length > 0)
                {
                    json.WriteString("url", new Uri(site.BaseUrl, author.Url).AbsoluteUri);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", site.Title);
            json.WriteString("url", site.BaseUrl.AbsoluteUri);
            if (site.Logo is { } logo)
            {
                json.WriteStartObject("logo");
                json.WriteString("@type", "ImageObject");
                json.WriteString("url", new Uri(site.BaseUrl, Pictures.PictureMarkup.Url(site.RootPath, logo.TrimStart('/'))).AbsoluteUri);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (!view.Tags.IsEmpty)
            {
                json.WriteString("keywords", string.Join(", ", view.Tags.Select(t => t.Name)));
            }

            json.WriteEndObject();
        }

        return "<script type=\"application/ld+json\">" + Encoding.UTF8.GetString(stream.ToArray()) + "</script>";
    }
}
