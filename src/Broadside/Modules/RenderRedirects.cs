using System.Collections.Immutable;
using System.Net;
using System.Text;
using Broadside.Content;
using Broadside.Engine;
using Broadside.Output;
using Broadside.Outputs;
using Broadside.Templates;

namespace Broadside.Modules;

/// <summary>
/// Keeps old URLs working: for each <c>aliases</c> entry (a path <see cref="AliasPath"/> read), a small
/// page at the old path that sends readers and search engines to the new one (on any static host), and
/// a line of Netlify's <c>_redirects</c> file that answers with a permanent 301 where Netlify serves the
/// site. Both paths of a rule are percent-encoded (<see cref="AliasPath.Encode"/>), and Netlify decodes
/// the old one to the very file the page is written to. In a site of several languages, <c>_redirects</c>
/// also answers a missing page below a language's folder with that language's 404 page.
/// </summary>
public sealed class RenderRedirects(ViewFactory views, string planPipeline, params string[] pipelines) : IModule, IListing
{
    /// <summary>Netlify's redirect rules file.</summary>
    public const string RedirectsFile = ReservedPaths.Redirects;

    /// <inheritdoc />
    public IEnumerable<ListDeclaration> Declare(PipelineContext context)
    {
        // One list: the pages are a few lines each, and _redirects holds every rule.
        var redirects = Redirects(context);
        if (redirects.Count == 0 && !views.Config.Multilingual)
        {
            yield break;
        }

        var header = new KeyBuilder().Add(LanguageRules());
        foreach (var (alias, document) in redirects)
        {
            header.Add(alias).Add(document.Path);
        }

        yield return new ListDeclaration(RedirectsFile, [], header.Finish(), [.. redirects.Select(r => new ListFile(AliasPath.File(r.Alias))).Append(new ListFile(RedirectsFile))]);
    }

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var redirects = Redirects(context);
        if (!OutputPlan.In(context, planPipeline).Makes(RedirectsFile) || (redirects.Count == 0 && !views.Config.Multilingual))
        {
            return [];
        }

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

        rules.Append(LanguageRules());
        documents.Add(new OutputFile { Destination = RedirectsFile, Content = rules.ToString(), InSitemap = false });
        return documents.ToImmutable();
    }

    // A missing page below a language's folder gets its language's 404 page (Netlify serves 404.html at the root for the rest).
    private string LanguageRules()
    {
        var rules = new StringBuilder();
        var root = views.Url(string.Empty);
        foreach (var language in views.Config.AllLanguages.Where(l => l.Prefix.Length > 0))
        {
            var folder = root + AliasPath.Encode(language.Prefix);
            rules.Append(folder).Append("* ").Append(folder).Append(ReservedPaths.NotFound).Append(" 404\n");
        }

        return rules.ToString();
    }

    private List<(string Alias, ContentDocument Document)> Redirects(PipelineContext context)
    {
        var redirects = new List<(string Alias, ContentDocument Document)>();
        foreach (var pipeline in pipelines)
        {
            foreach (var document in context.OutputsOf<ContentDocument>(pipeline))
            {
                foreach (var alias in Aliases(document))
                {
                    redirects.Add((alias, document));
                }
            }
        }

        // Sorted stably, as the documents came, for two documents that claim one alias.
        return [.. redirects.OrderBy(r => r.Alias, StringComparer.Ordinal)];
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
