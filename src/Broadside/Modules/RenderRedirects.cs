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
/// also answers a missing page below a language's folder with that language's 404 page. Each page is in
/// the site's language that the article or page it sends readers to belongs to (its words, <c>lang</c>
/// and direction).
/// </summary>
/// <param name="views">The site's views: its address and languages.</param>
/// <param name="planPipeline">The pipeline of the plan.</param>
/// <param name="viewsFor">The views of the site's language an article or page in a language tag belongs to (<see cref="Configuration.SiteConfig.LanguageOf"/>); null for <paramref name="views"/> alone.</param>
/// <param name="pipelines">The pipelines of the articles and pages whose aliases are kept.</param>
public sealed class RenderRedirects(ViewFactory views, string planPipeline, Func<string?, ViewFactory>? viewsFor, params string[] pipelines) : IModule, IListing
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
            header.Add(alias).Add(document.Path).Add(ViewsOf(document).Config.Language);
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
                Content = Page(ViewsOf(document), views.Url(document.Path), views.AbsoluteUrl(document.Path)),
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

    // The views of the language the document is in.
    private ViewFactory ViewsOf(ContentDocument document) => viewsFor?.Invoke(document switch
    {
        Article article => article.FrontMatter.Lang,
        Page page => page.FrontMatter.Lang,
        _ => null,
    }) ?? views;

    private static string Page(ViewFactory language, string target, string canonical)
    {
        var href = WebUtility.HtmlEncode(target);

        // The words are the language's, escaped; the link goes where the text puts {link}, and reads
        // left to right as an address does, in a page written right to left too.
        const string Link = "{link}";
        var moved = WebUtility.HtmlEncode(language.Strings.Get("redirect_text", ("link", Link)))
            .Replace(Link, $"<a href=\"{href}\" dir=\"ltr\">{href}</a>", StringComparison.Ordinal);
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language.Config.Language)}" dir="{language.Dir}">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(language.Strings.Get("redirect_title"))}</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="{WebUtility.HtmlEncode(canonical)}">
            <meta http-equiv="refresh" content="0; url={href}">
            </head>
            <body>
            <p>{moved}</p>
            </body>
            </html>

            """;
    }
}
