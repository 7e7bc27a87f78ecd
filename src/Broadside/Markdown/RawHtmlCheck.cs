using AngleSharp;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Ganss.Xss;

namespace Broadside.Markdown;

/// <summary>
/// Finds what raw HTML may not do under a <see cref="RawHtmlPolicy"/>: scripts, event handler
/// attributes, addresses that run code, plug-ins, and pages embedded from hosts the site has not
/// listed. HtmlSanitizer does the reading, as a browser with scripts on would: it finds every element,
/// every attribute and every address, in lists such as <c>srcset</c>, in styles, in <c>template</c>
/// contents and in the documents of <c>srcdoc</c>. Whatever it would remove is judged here; only what
/// the policy forbids is a problem, and the HTML itself is published as the editor wrote it.
/// </summary>
public sealed class RawHtmlCheck(RawHtmlPolicy policy)
{
    /// <summary>The fix for code that would run.</summary>
    public const string ScriptFix = "remove it, or set 'raw_html: {allow_scripts: true}' in site.yml if the publication means it";

    /// <summary>How HtmlSanitizer reads HTML: with scripts on, keeping where each element starts.</summary>
    internal static readonly HtmlParserOptions Reading = new() { IsScripting = true, IsKeepingSourceReferences = true };

    /// <summary>What HtmlSanitizer reads HTML in: CSS is read too, so styles are judged.</summary>
    internal static readonly IBrowsingContext Context = BrowsingContext.New(AngleSharp.Configuration.Default.WithCss(new CssParserOptions
    {
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    }));

    private static readonly HtmlParser Parser = new(Reading, Context);

    // Elements that load code or plug-ins, or change what the page's links and address mean.
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "object", "embed", "applet", "base",
    };

    private static readonly HashSet<string> FrameElements = new(StringComparer.OrdinalIgnoreCase) { "iframe", "frame" };

    private static readonly HashSet<string> ImageElements = new(StringComparer.OrdinalIgnoreCase) { "img", "source", "image" };

    /// <summary>Every problem of <paramref name="html"/>, in the order found.</summary>
    public IReadOnlyList<RawHtmlProblem> Find(string html)
    {
        var problems = new List<(RawHtmlProblem Problem, IElement Element)>();
        Sanitizer(problems).Sanitize(html);
        return [.. problems.Select(p => p.Problem)];
    }

    /// <summary>Every problem of the body of <paramref name="page"/>, with the element it is on, in the order found.</summary>
    internal IReadOnlyList<(RawHtmlProblem Problem, IElement Element)> Find(BodyPage page)
    {
        var problems = new List<(RawHtmlProblem Problem, IElement Element)>();
        Sanitizer(problems).SanitizeDom(page.Document, (IHtmlElement)page.Root);
        return problems;
    }

    // A sanitizer that removes nothing the policy allows and records, in 'problems', what it does not.
    private HtmlSanitizer Sanitizer(List<(RawHtmlProblem Problem, IElement Element)> problems)
    {
        var sanitizer = new HtmlSanitizer { HtmlParserFactory = () => Parser };

        // SVG animations set attributes, href among them, from these.
        sanitizer.UriAttributes.UnionWith(["to", "from", "values"]);
        sanitizer.RemovingTag += (_, e) =>
        {
            if (TagProblem(e.Tag) is { } problem)
            {
                problems.Add((problem, e.Tag));
            }
            else
            {
                e.Cancel = true;
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (!policy.AllowScripts && e.Reason == RemoveReason.NotAllowedAttribute && e.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add((Active($"the event handler '{e.Attribute.Name}' on <{e.Tag.LocalName}>", e.Tag), e.Tag));
            }
            else
            {
                // Everything else stays: addresses were judged as they were read (below).
                e.Cancel = true;
            }
        };
        sanitizer.FilterUrl += (_, e) =>
        {
            var runs = !policy.AllowScripts && LinkSafety.RunsCode(e.OriginalUrl, image: ImageElements.Contains(e.Tag.LocalName));
            if (runs)
            {
                problems.Add((Active($"the address '{Shorten(e.OriginalUrl)}' on <{e.Tag.LocalName}>, which runs code", e.Tag), e.Tag));
            }

            e.SanitizedUrl = runs ? null : e.OriginalUrl;
        };
        sanitizer.RemovingStyle += (_, e) => e.Cancel = true;
        sanitizer.RemovingAtRule += (_, e) => e.Cancel = true;
        sanitizer.RemovingComment += (_, e) => e.Cancel = true;
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = true;
        return sanitizer;
    }

    private RawHtmlProblem? TagProblem(IElement tag)
    {
        var name = tag.LocalName;
        if (FrameElements.Contains(name))
        {
            var source = tag.GetAttribute("src");
            var host = source is null ? null : Host(source);
            return host is null || policy.IframeHosts.Contains(host)
                ? null
                : new RawHtmlProblem(
                    DiagnosticCodes.IframeHost,
                    $"an <{name}> that embeds a page from '{host}'",
                    $"list the host under 'raw_html: iframe_hosts' in site.yml if the publication trusts it, or link to the page instead",
                    LineOf(tag));
        }

        if (policy.AllowScripts)
        {
            return null;
        }

        if (ActiveElements.Contains(name))
        {
            return Active($"a <{name}> element", tag);
        }

        return name.Equals("meta", StringComparison.OrdinalIgnoreCase) && tag.HasAttribute("http-equiv")
            ? Active("a <meta http-equiv> element, which can send readers elsewhere", tag)
            : null;
    }

    private static RawHtmlProblem Active(string what, IElement tag) =>
        new(DiagnosticCodes.ActiveContent, what, ScriptFix, LineOf(tag));

    // The host an embedded page comes from; null for a page of the site itself (a relative address).
    private static string? Host(string source)
    {
        var compact = source.Trim();
        if (compact.StartsWith("//", StringComparison.Ordinal))
        {
            compact = "https:" + compact;
        }

        if (LinkSafety.Scheme(compact) is null)
        {
            return null;
        }

        return Uri.TryCreate(compact, UriKind.Absolute, out var url) && url.Host.Length > 0 ? url.Host : Shorten(source);
    }

    private static int LineOf(IElement tag)
    {
        // Elements in SVG and MathML carry no position; the nearest one that does stands in.
        for (var element = tag; element is not null; element = element.ParentElement)
        {
            if (element.SourceReference is { } reference)
            {
                return reference.Position.Line;
            }
        }

        return 1;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
