using System.Net;
using System.Text.RegularExpressions;

namespace Broadside.Feeds;

/// <summary>
/// Makes every link and image address in a piece of HTML absolute, so that it works in a feed reader,
/// which shows the HTML away from the site.
/// </summary>
public static partial class AbsoluteHtml
{
    /// <summary>
    /// Resolves <c>href</c>, <c>src</c> and <c>poster</c> values of <paramref name="html"/> against
    /// <paramref name="page"/>, the absolute URL of the page the HTML belongs to.
    /// </summary>
    public static string Resolve(string html, Uri page) =>
        UrlAttribute().Replace(html, match =>
        {
            var raw = match.Groups["value"].Value;
            var value = WebUtility.HtmlDecode(raw);
            if (value.Length == 0 || Uri.TryCreate(value, UriKind.Absolute, out var absolute) && !value.StartsWith('/') && absolute.Scheme.Length > 1)
            {
                return match.Value;
            }

            if (!Uri.TryCreate(page, value, out var resolved))
            {
                return match.Value;
            }

            var quote = match.Groups["quote"].Value;
            return $"{match.Groups["name"].Value}={quote}{WebUtility.HtmlEncode(resolved.AbsoluteUri)}{quote}";
        });

    [GeneratedRegex("""(?<name>\b(?:href|src|poster))\s*=\s*(?<quote>["'])(?<value>.*?)\k<quote>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
