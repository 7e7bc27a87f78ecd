using System.Collections.Immutable;
using System.Net;
using System.Text;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Keeps old URLs working: for each <c>aliases</c> entry (a path <see cref="AliasPath"/> read), a small
/// page at the old path that sends readers and search engines to the new one (on any static host), and
/// a line of Netlify's <c>_redirects</c> file that answers with a permanent 301 where Netlify serves the
/// site. Both paths of a rule are percent-encoded (<see cref="AliasPath.Encode"/>), and Netlify decodes
/// the old one to the very file the page is written to.
/// </summary>
public sealed class RenderRedirects(ViewFactory views, params string[] pipelines) : IModule
{
    /// <summary>Netlify's redirect rules file.</summary>
    public const string RedirectsFile = ReservedPaths.Redirects;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var redirects = pipelines
            .SelectMany(context.OutputsOf<ContentDocument>)
            .SelectMany(d => Aliases(d).Select(alias => (Alias: alias, Document: d)))
            .OrderBy(r => r.Alias, StringComparer.Ordinal)
            .ToList();

        var documents = ImmutableArray.CreateBuilder<Document>(redirects.Count + 1);
        var rules = new StringBuilder();
        var root = views.Url(string.Empty);
        foreach (var (alias, document) in redirects)
        {
            documents.Add(new OutputFile
            {
                Source = document.Source,
                Destination = AliasPath.File(alias),
                InSitemap = false,
                Content = Page(views.Url(document.Path), views.AbsoluteUrl(document.Path)),
            });

            // Each path is one token of ASCII with no white space or '#', so no alias can end the
            // line, start a comment or add a rule of its own.
            rules.Append(root).Append(AliasPath.Encode(alias.TrimStart('/')))
                .Append(' ').Append(root).Append(AliasPath.Encode(document.Path))
                .Append(" 301\n");
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
