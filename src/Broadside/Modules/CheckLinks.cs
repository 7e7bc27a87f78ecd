using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;

namespace Broadside.Modules;

/// <summary>
/// Reports links and images in articles and pages that lead to no file of the site, at the line of the
/// Markdown that wrote them: errors for <c>broadside check</c>, warnings for a build (a dead link should
/// not hold up publishing).
/// </summary>
public sealed partial class CheckLinks(string rootPath, bool asErrors) : IModule
{
    // Files the build writes after this check runs, which links may still name.
    private static readonly string[] LateFiles = ["sitemap.xml", "robots.txt"];

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        var known = context.AllOutputs
            .Where(d => d.Destination is not null)
            .Select(d => d.Destination!)
            .Concat(LateFiles)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var document in context.AllOutputs.OfType<ContentDocument>())
        {
            foreach (var (written, target) in Links(document))
            {
                if (!Exists(known, target))
                {
                    var (line, column) = Locate(document, written);
                    var message = $"the link '{written}' leads to no page or file of the site: fix the address, or remove the link";
                    context.Diagnostics.Add(new Diagnostic(asErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, message, document.Source, line, column));
                }
            }

            // A front matter image path is written from the site root, without the root path.
            if (document is Article { FrontMatter.Image: { } image } article && !image.Contains("://", StringComparison.Ordinal)
                && !Exists(known, image.StartsWith('/') ? image[1..] : Resolve(article.Path, image) ?? string.Empty))
            {
                var message = $"the image '{image}' is not in the site: put the file under input/media/ and write its path, such as /media/2026/photo.jpg";
                context.Diagnostics.Add(new Diagnostic(asErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, message, document.Source, article.FrontMatter.ImageLine, article.FrontMatter.ImageLine > 0 ? 1 : 0));
            }
        }

        return inputs;
    }

    /// <summary>The internal links of a document's HTML: each as written, and the site path it names.</summary>
    private IEnumerable<(string Written, string Target)> Links(ContentDocument document)
    {
        foreach (Match match in UrlAttribute().Matches(document.Html))
        {
            var written = WebUtility.HtmlDecode(match.Groups["value"].Value);
            if (written.Length == 0 || written.StartsWith('#') || written.StartsWith("//", StringComparison.Ordinal)
                || (!written.StartsWith('/') && written.Contains(':', StringComparison.Ordinal)))
            {
                continue;
            }

            if (Resolve(document.Path, written) is { } target)
            {
                // The Markdown wrote the link without the site's root path; show it as the editor wrote it.
                var shown = rootPath != "/" && written.StartsWith(rootPath, StringComparison.Ordinal) ? "/" + written[rootPath.Length..] : written;
                yield return (shown, target);
            }
        }
    }

    /// <summary>The output path a link names, relative to the site root, or null when it points outside the site.</summary>
    private string? Resolve(string documentPath, string link)
    {
        var page = new Uri("https://site.invalid" + rootPath + documentPath);
        if (!Uri.TryCreate(page, link.Split('#', 2)[0].Split('?', 2)[0], out var resolved) || resolved.Host != page.Host)
        {
            return null;
        }

        var path = Uri.UnescapeDataString(resolved.AbsolutePath);
        return path.StartsWith(rootPath, StringComparison.Ordinal) ? path[rootPath.Length..] : null;
    }

    private static bool Exists(HashSet<string> known, string target) =>
        target.Length == 0 ? known.Contains("index.html")
        : target.EndsWith('/') ? known.Contains(target + "index.html")
        : known.Contains(target) || known.Contains(target + "/index.html");

    private static (int Line, int Column) Locate(ContentDocument document, string written)
    {
        var lines = document.Markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(written, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (document.BodyLineOffset + i + 1, column + 1);
            }
        }

        return (0, 0);
    }

    [GeneratedRegex("""\b(?:href|src)\s*=\s*(?<quote>["'])(?<value>.*?)\k<quote>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
