using System.Net;
using System.Text;
using Broadside.Configuration;


namespace Broadside.Pictures;

/// <summary>
/// Turns pictures into the markup a page shows: the view templates draw (<see cref="PictureView"/>), and
/// every <c>&lt;img&gt;</c> of an article's body that shows a picture of <c>media/</c> made into a
/// <c>&lt;picture&gt;</c> with its sources, widths, size and lazy loading.
/// </summary>
public static class PictureMarkup
{
    // The width a picture's src names, for browsers that read no srcset.
    private const int FallbackWidth = 960;

    /// <summary>The view of <paramref name="picture"/>, with its description, caption and credit; root-relative URLs under <paramref name="rootPath"/>.</summary>
    public static PictureView View(SourcePicture picture, string rootPath, Uri baseUrl, string alt, string? caption = null, string? credit = null)
    {
        var widest = picture.Of(picture.Fallback).Last();
        return new PictureView
        {
            Src = Url(rootPath, picture.FallbackNear(FallbackWidth).Path),
            Srcset = Srcset(picture, picture.Fallback, rootPath),
            Sources = [.. new[] { PictureFormat.Avif, PictureFormat.Webp }.Select(f => new PictureSourceView(SourcePicture.MediaType(f), Srcset(picture, f, rootPath)))],
            Width = widest.Width,
            Height = widest.Height,
            Alt = alt,
            Caption = caption ?? string.Empty,
            Credit = credit ?? string.Empty,
            Card = new Uri(baseUrl, Url(rootPath, picture.Card.Path)).AbsoluteUri,
        };
    }

    /// <summary>The root-relative URL of a path in the site, each segment escaped as a URL in <c>srcset</c> must be.</summary>
    public static string Url(string rootPath, string path) =>
        rootPath + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// <paramref name="html"/> with every <c>&lt;img&gt;</c> whose <c>src</c> is a picture of
    /// <paramref name="catalog"/> made a <c>&lt;picture&gt;</c> sized by <paramref name="sizes"/>, loaded
    /// lazily; the same text when it shows none.
    /// </summary>
    public static string Expand(string html, PictureCatalog catalog, string rootPath, string sizes)
    {
        if (catalog.Count == 0 || html.IndexOf("<img", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }

        var output = new StringBuilder(html.Length + 1024);
        var at = 0;
        while (true)
        {
            var start = html.IndexOf("<img", at, StringComparison.OrdinalIgnoreCase);
            if (start < 0 || start + 4 >= html.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(html[start + 4]) || Tag(html, start) is not { } tag)
            {
                output.Append(html, at, start + 4 - at);
                at = start + 4;
                continue;
            }

            var (end, attributes) = tag;
            var src = attributes.FirstOrDefault(a => a.Name == "src").Value;
            var picture = src is null ? null : CatalogPath(src, rootPath) is { } path ? catalog.Find(path) : null;
            output.Append(html, at, start - at);
            if (picture is null)
            {
                output.Append(html, start, end - start);
            }
            else
            {
                var alt = attributes.FirstOrDefault(a => a.Name == "alt").Value ?? string.Empty;
                var kept = attributes.Where(a => a.Name is not ("src" or "srcset" or "sizes" or "width" or "height" or "alt" or "loading" or "decoding")).ToList();
                Write(output, View(picture, rootPath, new Uri("https://site.invalid/"), alt), sizes, lazy: true, priority: false, kept);
            }

            at = end;
        }

        output.Append(html, at, html.Length - at);
        return output.ToString();
    }

    /// <summary>Writes <paramref name="view"/> as a <c>&lt;picture&gt;</c>: what the theme's <c>partials/picture.liquid</c> draws, in code.</summary>
    public static void Write(StringBuilder output, PictureView view, string sizes, bool lazy, bool priority, IReadOnlyList<(string Name, string? Value)>? more = null)
    {
        static string Attr(string value) => WebUtility.HtmlEncode(value);
        output.Append("<picture>");
        foreach (var source in view.Sources)
        {
            output.Append("<source type=\"").Append(source.Type).Append("\" srcset=\"").Append(Attr(source.Srcset)).Append("\" sizes=\"").Append(Attr(sizes)).Append("\">");
        }

        output.Append("<img src=\"").Append(Attr(view.Src)).Append("\" srcset=\"").Append(Attr(view.Srcset)).Append("\" sizes=\"").Append(Attr(sizes))
            .Append("\" width=\"").Append(view.Width).Append("\" height=\"").Append(view.Height).Append("\" alt=\"").Append(view.Alt).Append('"');
        foreach (var (name, value) in more ?? [])
        {
            output.Append(' ').Append(name);
            if (value is not null)
            {
                output.Append("=\"").Append(value).Append('"');
            }
        }

        output.Append(lazy ? " loading=\"lazy\"" : string.Empty).Append(priority ? " fetchpriority=\"high\"" : string.Empty).Append(" decoding=\"async\"></picture>");
    }

    // The path in the site an img's src names, decoded from HTML; null for another site's.
    private static string? CatalogPath(string src, string rootPath) => PictureCatalog.SitePath(WebUtility.HtmlDecode(src), rootPath);

    private static string Srcset(SourcePicture picture, PictureFormat format, string rootPath) =>
        string.Join(", ", picture.Of(format).Select(v => $"{Url(rootPath, v.Path)} {v.Width}w"));

    // The attributes of the tag that opens at start, as written (values still HTML-escaped), and where it ends; null when it does not close.
    private static (int End, List<(string Name, string? Value)> Attributes)? Tag(string html, int start)
    {
        var attributes = new List<(string Name, string? Value)>();
        var i = start + 4;
        while (i < html.Length)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return null;
            }

            if (html[i] == '>')
            {
                return (i + 1, attributes);
            }

            if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>')
            {
                return (i + 2, attributes);
            }

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            if (i == nameStart)
            {
                i++;
                continue;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            // A value written without quotes, or with single ones, is written back with double quotes, escaped.
            attributes.Add((name, value is null ? null : value.Contains('"') ? WebUtility.HtmlEncode(WebUtility.HtmlDecode(value)) : value));
        }

        return null;
    }
}
