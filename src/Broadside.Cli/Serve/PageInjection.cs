using System.Net;
using System.Text;
using Broadside.Diagnostics;
using Broadside.Output;

namespace Broadside.Cli.Serve;

/// <summary>
/// What the preview adds to every HTML page: the live-reload script and, while the site has errors, an
/// overlay listing them. Both are files the preview serves itself, so that they run under the site's own
/// content security policy, which allows no inline script or style.
/// </summary>
internal static class PageInjection
{
    /// <summary>Where <see cref="Stylesheet"/> is served.</summary>
    public const string StylesheetPath = "/" + ReservedPaths.Preview + "/errors.css";

    /// <summary>The overlay's looks, kept apart from the site's: every property set, nothing inherited.</summary>
    public const string Stylesheet = """
        #broadside-errors{all:initial;display:block;box-sizing:border-box;position:relative;z-index:2147483647;padding:1rem 1.25rem;background:#fff1f0;color:#5c0b07;border-bottom:4px solid #c62828;font:16px/1.5 system-ui,sans-serif}
        #broadside-errors h2{all:initial;display:block;margin:0;font:bold 1.25em/1.3 system-ui,sans-serif;color:inherit}
        #broadside-errors p{all:initial;display:block;margin:.25rem 0 .5rem;font:inherit;color:inherit}
        #broadside-errors ul{all:initial;display:block;margin:0;padding-left:1.25rem;font:14px/1.5 ui-monospace,monospace;color:inherit;white-space:pre-wrap;overflow-wrap:anywhere}
        #broadside-errors li{display:list-item;list-style:disc}

        """;

    /// <summary>The tag inserted before <c>&lt;/body&gt;</c>.</summary>
    public const string ScriptTag = "<script src=\"" + LiveReload.ScriptPath + "\"></script>";

    /// <summary>The overlay's element id.</summary>
    public const string OverlayId = "broadside-errors";

    /// <summary>
    /// Returns <paramref name="html"/> with the live-reload script before <c>&lt;/body&gt;</c> (or at the
    /// end) and, when <paramref name="diagnostics"/> is not empty, the overlay at the top of <c>&lt;body&gt;</c>.
    /// </summary>
    public static string Inject(string html, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = end < 0 ? html + ScriptTag : html.Insert(end, ScriptTag);
        return diagnostics.Count == 0 ? html : html.Insert(BodyStart(html), Overlay(diagnostics));
    }

    /// <summary>The overlay: a heading, a note that the last good version is shown, and every diagnostic, HTML-escaped.</summary>
    public static string Overlay(IEnumerable<Diagnostic> diagnostics)
    {
        var html = new StringBuilder()
            .Append("<div id=\"").Append(OverlayId).Append("\" role=\"alert\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">")
            .Append("<h2>The site has errors</h2>")
            .Append("<p>This is the last version that built. Fix the files below and save: the page reloads by itself.</p>")
            .Append("<ul>");
        foreach (var diagnostic in diagnostics.OrderBy(d => d.IsError ? 0 : 1))
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(diagnostic.ToString())).Append("</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    // Just after the opening <body ...> tag, or at the very start when there is none.
    private static int BodyStart(string html)
    {
        for (var at = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf("<body", at + 5, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + 5 < html.Length ? html[at + 5] : '\0';
            if (next == '>' || char.IsWhiteSpace(next))
            {
                var close = html.IndexOf('>', at);
                return close < 0 ? 0 : close + 1;
            }
        }

        return 0;
    }
}
