using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Broadside.Content;
using Broadside.Diagnostics;
using Broadside.Engine;
using Broadside.Output;

namespace Broadside.Modules;

/// <summary>
/// Reports links and images that articles and pages write in Markdown and that lead to no file of the
/// site, at the line that wrote them: errors for <c>broadside check</c>, warnings for a build (a dead link should
/// not hold up publishing).
/// </summary>
/// <param name="rootPath">The site's root path.</param>
/// <param name="asErrors">True to report errors, false warnings.</param>
/// <param name="planPipeline">The pipeline of the plan, whose declared files are the site's.</param>
/// <param name="picturesPipeline">The pipeline of the pictures: a picture that cannot be published is reported there, not here.</param>
public sealed class CheckLinks(string rootPath, bool asErrors, string planPipeline, string? picturesPipeline = null) : IModule
{
    // Files the build writes after this check runs, which links may still name.
    private static readonly string[] LateFiles = ["sitemap.xml", "robots.txt"];

    // What each document's links were found to lead to, for the files they were checked against: a
    // document a build takes unchanged from the last one, among the same files, has the same dead links;
    // among other files, it has them too when none of the files its links may name came or went.
    private static readonly ConditionalWeakTable<ContentDocument, Found> Checked = new();

    // The last set of files links were checked against, by its key, for the next build.
    private static FileSet? _last;

    /// <inheritdoc />
    public ImmutableArray<Document> Execute(ImmutableArray<Document> inputs, PipelineContext context)
    {
        // Every file made is one the plan declared: its files are those links may name, and its key theirs.
        var plan = Outputs.OutputPlan.In(context, planPipeline);
        var files = plan.Declared;
        var pictures = picturesPipeline is null ? Pictures.PictureCatalog.Empty : Modules.PicturesDocument.In(context, picturesPipeline);
        var key = new KeyBuilder().Add(plan.DeclaredKey).Add(rootPath).Add(asErrors ? 1 : 0).Finish();
        var last = _last;
        var cameOrWent = last is not null && last.Key != key ? Difference(last.Files, files) : null;
        _last = new FileSet(key, files);
        foreach (var document in context.AllOutputs.OfType<ContentDocument>())
        {
            if (!Checked.TryGetValue(document, out var found) || found.Key != key)
            {
                if (found is not null && cameOrWent is not null && found.Key == last!.Key && !found.Names.Any(cameOrWent.Contains))
                {
                    found = found with { Key = key };
                }
                else
                {
                    var bag = new DiagnosticBag();
                    var names = new List<string>();
                    Check([document], name => { names.Add(name); return files.Contains(name) || pictures.Find(name) is not null || pictures.Problem(name) is not null; }, bag);
                    found = new Found(key, bag.ToImmutableSorted(), [.. names]);
                }

                Checked.AddOrUpdate(document, found);
            }

            foreach (var diagnostic in found.Diagnostics)
            {
                context.Diagnostics.Add(diagnostic);
            }
        }

        return inputs;
    }

    // The files of one set and not the other.
    private static HashSet<string> Difference(IReadOnlySet<string> before, IReadOnlySet<string> now)
    {
        var either = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in now)
        {
            if (!before.Contains(file))
            {
                either.Add(file);
            }
        }

        foreach (var file in before)
        {
            if (!now.Contains(file))
            {
                either.Add(file);
            }
        }

        return either;
    }

    /// <summary>
    /// Reports the links of <paramref name="documents"/> that name no file <paramref name="isFile"/> knows
    /// of, nor one written after the check.
    /// </summary>
    public void Check(IEnumerable<ContentDocument> documents, Func<string, bool> isFile, DiagnosticBag diagnostics)
    {
        bool IsKnown(string path) => isFile(path) || LateFiles.Contains(path);
        foreach (var document in documents)
        {
            foreach (var link in document.Links)
            {
                if (IsInternal(link.Url) && Resolve(document.Path, Rooted(link.Url)) is { } target && !Exists(IsKnown, target))
                {
                    var message = $"the link '{link.Url}' leads to no page or file of the site: fix the address, or remove the link";
                    diagnostics.Add(new Diagnostic(asErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, message, document.Source, link.Line, link.Column));
                }
            }

            // A front matter image path is written from the site root, without the root path.
            if (document is Article { FrontMatter.Image: { } image } article && !image.Contains("://", StringComparison.Ordinal)
                && !Exists(IsKnown, image.StartsWith('/') ? image[1..] : Resolve(article.Path, image) ?? string.Empty))
            {
                var message = $"the image '{image}' is not in the site: put the file under input/media/ and write its path, such as /media/2026/photo.jpg";
                diagnostics.Add(new Diagnostic(asErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, DiagnosticCodes.BrokenLink, message, document.Source, article.FrontMatter.ImageLine, article.FrontMatter.ImageLine > 0 ? 1 : 0));
            }
        }
    }

    /// <summary>True for an address within the site: not another scheme, host or a bare fragment.</summary>
    private static bool IsInternal(string url) =>
        url.Length > 0 && !url.StartsWith('#') && !url.StartsWith("//", StringComparison.Ordinal)
        && (url.StartsWith('/') || !url.Contains(':', StringComparison.Ordinal));

    /// <summary>A root-relative address as the editor writes it (<c>/media/x.jpg</c>) under the site's root path.</summary>
    private string Rooted(string url) => url.StartsWith('/') ? rootPath + url[1..] : url;

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

    private static bool Exists(Func<string, bool> known, string target) =>
        target.Length == 0 ? known("index.html")
        : target.EndsWith('/') ? known(target + "index.html")
        : known(target) || known(target + "/index.html");

    // The dead links of one document, among the files of Key, and every file its links may name.
    private sealed record Found(Hash128 Key, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Names);

    // A set of files links were checked against.
    private sealed record FileSet(Hash128 Key, IReadOnlySet<string> Files);
}
