using System.Net;
using System.Text;

namespace Broadside.Feeds;

/// <summary>
/// Makes every link and image address in a piece of HTML absolute, so that it works in a feed reader,
/// which shows the HTML away from the site.
/// </summary>
public static class AbsoluteHtml
{
    private static readonly string[] Names = ["href", "src", "poster"];

    /// <summary>
    /// Resolves <c>href</c>, <c>src</c> and <c>poster</c> values of <paramref name="html"/> against
    /// <paramref name="page"/>, the absolute URL of the page the HTML belongs to. One pass over the
    /// text; a copy is made only when an address changes.
    /// </summary>
    public static string Resolve(string html, Uri page)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var at = 0;
        while ((at = html.IndexOf('=', at)) >= 0)
        {
            var equals = at++;
            if (!IsUrlAttribute(html, equals))
            {
                continue;
            }

            var open = equals + 1;
            while (open < html.Length && char.IsWhiteSpace(html[open]))
            {
                open++;
            }

            if (open >= html.Length || html[open] is not ('"' or '\''))
            {
                continue;
            }

            var close = html.IndexOf(html[open], open + 1);
            if (close < 0)
            {
                break;
            }

            at = close + 1;
            var value = WebUtility.HtmlDecode(html[(open + 1)..close]);
            if (Absolute(value, page) is not { } resolved)
            {
                continue;
            }

            builder ??= new StringBuilder(html.Length + 256);
            builder.Append(html, copied, open + 1 - copied).Append(WebUtility.HtmlEncode(resolved));
            copied = close;
        }

        return builder is null ? html : builder.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>True when <see cref="Resolve"/> would change <paramref name="html"/>: some address in it is not absolute.</summary>
    public static bool NeedsResolving(string html, Uri page) => !ReferenceEquals(Resolve(html, page), html);

    /// <summary>True when the name before the <c>=</c> at <paramref name="equals"/> is a URL attribute preceded by white space.</summary>
    private static bool IsUrlAttribute(string html, int equals)
    {
        var end = equals;
        while (end > 0 && char.IsWhiteSpace(html[end - 1]))
        {
            end--;
        }

        foreach (var name in Names)
        {
            var start = end - name.Length;
            if (start > 0 && char.IsWhiteSpace(html[start - 1]) && html.AsSpan(start, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The absolute form of <paramref name="value"/>, or null when it is absolute already or empty.</summary>
    private static string? Absolute(string value, Uri page)
    {
        if (value.Length == 0 || (!value.StartsWith('/') && Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1))
        {
            return null;
        }

        return Uri.TryCreate(page, value, out var resolved) ? resolved.AbsoluteUri : null;
    }
}
