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
/// the policy forbids is a problem, and the HTML itself is published as the editor wrote it. What the
/// site's content security policy would keep browsers from loading is a warning: a picture, audio or
/// video from another site, and a form that sends to an origin the site's settings do not name.
/// </summary>
/// <param name="policy">What raw HTML may do.</param>
/// <param name="videoHosts">The hosts whose video links become players, which the fix of an embedded video names; none by default.</param>
/// <param name="formOrigins">The origins besides the site's that forms may post to (<see cref="SiteConfig.FormOrigins"/>).</param>
public sealed class RawHtmlCheck(RawHtmlPolicy policy, VideoHosts? videoHosts = null, IReadOnlyCollection<string>? formOrigins = null)
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

    // Elements whose addresses the browser loads as the page loads: the policy lets it load them from the site alone.
    private static readonly HashSet<string> LoadedElements = new(StringComparer.OrdinalIgnoreCase) { "img", "source", "image", "input", "video", "audio", "track" };

    private readonly VideoHosts _videoHosts = videoHosts ?? VideoHosts.None;

    private readonly HashSet<string> _formOrigins = [.. (formOrigins ?? []).Select(o => o.TrimEnd('/').ToLowerInvariant())];

    /// <summary>Every problem of <paramref name="html"/>, in the order found.</summary>
    public IReadOnlyList<RawHtmlProblem> Find(string html)
    {
        var problems = new List<(RawHtmlProblem Problem, IElement Element)>();
        Sanitizer(problems).Sanitize(html);
        Loads(Parser.ParseDocument(html).Body!, problems);
        return [.. problems.Select(p => p.Problem)];
    }

    /// <summary>Every problem of the body of <paramref name="page"/>, with the element it is on, in the order found.</summary>
    internal IReadOnlyList<(RawHtmlProblem Problem, IElement Element)> Find(BodyPage page)
    {
        var problems = new List<(RawHtmlProblem Problem, IElement Element)>();
        Sanitizer(problems).SanitizeDom(page.Document, (IHtmlElement)page.Root);
        Loads(page.Root, problems);
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
            if (host is null || policy.IframeHosts.Contains(host))
            {
                return null;
            }

            // A video of a host the site lists plays from a link, and asks its host for nothing before the reader clicks.
            var fix = _videoHosts.Find(source!) is { } video
                ? $"write a link to the video alone in its paragraph instead, such as [What the video shows]({video.PageUrl}): it becomes a player that loads from {video.Host.Name} only when the reader clicks it"
                : "list the host under 'raw_html: iframe_hosts' in site.yml if the publication trusts it, or link to the page instead";
            return new RawHtmlProblem(DiagnosticCodes.IframeHost, $"an <{name}> that embeds a page from '{host}'", fix, LineOf(tag));
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

    // What the elements under 'root' load from other sites, and forms that send elsewhere: what the
    // site's content security policy blocks. Warnings, since the page shows without them.
    private void Loads(IElement root, List<(RawHtmlProblem Problem, IElement Element)> problems)
    {
        foreach (var element in root.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (name == "form")
            {
                if (FormTarget(element.GetAttribute("action")) is { } origin && !_formOrigins.Contains(origin))
                {
                    problems.Add((new RawHtmlProblem(
                        DiagnosticCodes.RemoteMedia,
                        $"a <form> that sends what readers enter to {origin}",
                        "readers' browsers will refuse to send it, because the site's forms may send to the site alone and to the origins its settings name; send the form to the site, or link to the other site's form",
                        LineOf(element),
                        Warning: true), element));
                }

                continue;
            }

            if (!LoadedElements.Contains(name) || (name == "input" && !"image".Equals(element.GetAttribute("type"), StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var addresses = new[] { element.GetAttribute("src"), element.GetAttribute("poster"), element.GetAttribute("href"), element.GetAttribute("http://www.w3.org/1999/xlink", "href") }
                .Concat((element.GetAttribute("srcset") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0]));
            if (addresses.OfType<string>().Select(a => Remote(a, element)).FirstOrDefault(p => p is not null) is { } problem)
            {
                problems.Add((problem, element));
            }
        }
    }

    // An address on another site that an element loads as the page loads; null for one of the site.
    private static RawHtmlProblem? Remote(string address, IElement tag)
    {
        var name = tag.LocalName;
        var compact = address.Trim();
        if (!Uri.TryCreate(compact.StartsWith("//", StringComparison.Ordinal) ? "https:" + compact : compact, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var media = name is "video" or "audio" or "track" || (name == "source" && tag.ParentElement?.LocalName is "video" or "audio");
        return media
            ? new RawHtmlProblem(
                DiagnosticCodes.RemoteMedia,
                $"a <{name}> that plays '{Shorten(address)}' from another site ({url.Host})",
                "readers' browsers will not load it, because the site plays audio and video from itself alone; save the file into input/media/ and write its path, such as /media/2026/interview.mp3, or link to a video on a host listed under 'video_hosts' in site.yml, alone in its paragraph",
                LineOf(tag),
                Warning: true)
            : new RawHtmlProblem(
                DiagnosticCodes.PictureRemote,
                $"{(name is "img" or "image" or "input" ? "an" : "a")} <{name}> that shows '{Shorten(address)}' from another site ({url.Host})",
                "readers' browsers will not load it, because the site loads pictures from itself alone so that no other site learns who reads it; save the picture into input/media/ and write its path, such as /media/2026/photo.jpg",
                LineOf(tag),
                Warning: true);
    }

    // The origin a form sends to when it is another site's; null for the site itself.
    private static string? FormTarget(string? action)
    {
        var compact = action?.Trim() ?? string.Empty;
        return Uri.TryCreate(compact.StartsWith("//", StringComparison.Ordinal) ? "https:" + compact : compact, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
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
