using System.Collections.Immutable;
using System.Net;
using System.Text;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Keeps old URLs working: for each <c>aliases</c> entry, a small page at the old path that sends
/// readers and search engines to the new one (on any static host), and a line of Netlify's
/// <c>_redirects</c> file that answers with a permanent 301 where Netlify serves the site.
/// </summary>
public sealed class RenderRedirects(ViewFactory views, params string[] pipelines) : IModule
{
    /// <summary>Netlify's redirect rules file.</summary>
    public const string RedirectsFile = "_redirects";

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var redirects = pipelines
            .SelectMany(context.OutputsOf<ContentDocument>)
            .SelectMany(d => Aliases(d).Select(alias => (Alias: alias, Target: views.Url(d.Path), d.Source)))
            .OrderBy(r => r.Alias, StringComparer.Ordinal)
            .ToList();

        var documents = ImmutableArray.CreateBuilder<Document>(redirects.Count + 1);
        var rules = new StringBuilder();
        foreach (var (alias, target, source) in redirects)
        {
            var path = alias.TrimStart('/');
            documents.Add(new OutputFile
            {
                Source = source,
                Destination = path.EndsWith('/') ? UrlScheme.File(path) : path,
                InSitemap = false,
                Content = Page(target, views.AbsoluteUrl(target[views.Url(string.Empty).Length..])),
            });
            rules.Append(views.Url(path)).Append(' ').Append(target).Append(" 301\n");
        }

        if (rules.Length > 0)
        {
            documents.Add(new OutputFile { Destination = RedirectsFile, Content = rules.ToString(), InSitemap = false });
        }

        return documents.ToImmutable();
    }

    private static ImmutableArray<string> Aliases(ContentDocument document) => document switch
    {
        Article article => article.FrontMatter.Aliases,
        Page page => page.FrontMatter.Aliases,
        _ => [],
    };

    private static string Page(string target, string canonical)
    {
        var href = WebUtility.HtmlEncode(target);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Moved</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="{WebUtility.HtmlEncode(canonical)}">
            <meta http-equiv="refresh" content="0; url={href}">
            </head>
            <body>
            <p>This page has moved to <a href="{href}">{href}</a>.</p>
            </body>
            </html>

            """;
    }
}
