using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Broadside.Markdown;

/// <summary>
/// Finds raw HTML that changes how the markup after a body is read: a comment, a <c>&lt;textarea&gt;</c>,
/// a quote or a tag left open takes the page's share links and footer into it; an element left open
/// takes them inside it; a formatting element left open carries on into them; a stray end tag closes
/// the page's own elements. The body is read as browsers read it, inside a page like the theme's and
/// followed by a marker; it is sound when the marker comes out as the last child of the body's
/// element, its own text its first child, and the page's elements around it untouched.
/// </summary>
internal static class UnclosedHtmlCheck
{
    // Unguessable, so no body can write the marker itself.
    private static readonly string Marker = "broadside-" + Guid.NewGuid().ToString("N");

    private static readonly string Prefix = $"<!DOCTYPE html><html><head></head><body><main><article><div id=\"{Marker}-body\">";

    private static readonly string Suffix = $"<div id=\"{Marker}\">{Marker}<form id=\"{Marker}-form\"></form></div></div></article></main></body></html>";

    private const string Around = "the page's share links and footer too";

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly HashSet<string> TextElements = new(StringComparer.Ordinal)
    {
        "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp",
    };

    /// <summary>
    /// Reads <paramref name="body"/> as part of a page; or, when its elements nest deeper than
    /// <paramref name="maxDepth"/>, stops there (a parser takes time for every open element with each
    /// new one) and gives the offset in the body of the element that goes too deep.
    /// </summary>
    public static (BodyPage? Page, int TooDeep) Read(string body, int maxDepth)
    {
        // An element right in the body's element has five around it: html, body, main, article, div.
        var guard = new DepthGuard(maxDepth + 4);
        var parser = new HtmlParser(RawHtmlCheck.Reading with { OnCreated = guard.Created }, RawHtmlCheck.Context);
        try
        {
            var document = parser.ParseDocument(Prefix + body + Suffix);
            guard.Created(null, default);
            return (new BodyPage(document, document.GetElementById(Marker + "-body")!, body), -1);
        }
        catch (DepthGuard.TooDeepException deep)
        {
            return (null, Math.Clamp(Offset(deep.Position), 0, body.Length));
        }
    }

    /// <summary>Each thing in the body that changes how what follows it is read, by its offset in the body.</summary>
    /// <param name="page">The body, read as part of a page.</param>
    /// <param name="written">Whether the offset in the body is in raw HTML (rather than in what Markdig wrote).</param>
    public static IReadOnlyList<(int Offset, string Message)> Find(BodyPage page, Func<int, bool> written)
    {
        var found = new List<(int Offset, string Message)>();
        var document = page.Document;
        foreach (var element in new[] { document.DocumentElement, document.Body! })
        {
            if (element.Attributes.Length > 0)
            {
                var name = element.LocalName;
                found.Add((TagOffset(page.Body, name), $"{A(name)} tag in the article gives its attributes to the page's own <{name}> element: remove it"));
            }
        }

        var marker = document.GetElementById(Marker);
        if (marker is not { LocalName: "div", Attributes.Length: 1 })
        {
            found.Add(Swallowed(page, marker, written));
            return found;
        }

        var root = page.Root;
        if (!root.Contains(marker))
        {
            found.Add(Stray(page, marker, written));
        }
        else if (marker.ParentElement != root)
        {
            found.Add(LeftOpen(page, marker, written));
        }
        else if (marker.NextSibling is IElement moved)
        {
            // A table left open moves what follows in front of it.
            found.Add((Start(page, moved), $"{A(moved.LocalName)} that is never closed moves what follows it, {Around}, out of place: close it with </{moved.LocalName}>"));
        }

        if (marker.FirstChild is IElement carried && Original(page, carried) is { } formatting)
        {
            found.Add(Carried(page, formatting));
        }

        if (document.GetElementById(Marker + "-form") is null && root.QuerySelectorAll("form").LastOrDefault() is { } form)
        {
            found.Add((Start(page, form), "a <form> that is never closed with </form> takes the page's own forms into it: close it with </form>"));
        }

        return found;
    }

    // Where the marker went when it is not the element written: into a comment, the text of an
    // element, an attribute, a tag, or a template.
    private static (int Offset, string Message) Swallowed(BodyPage page, IElement? marker, Func<int, bool> written)
    {
        if (marker is not null)
        {
            // The marker's own tag became an attribute of a tag left without its '>'.
            return (Start(page, marker), $"the tag <{marker.LocalName} is never ended with '>', so what follows it, {Around}, becomes part of it: end it with '>'");
        }

        var root = page.Root;
        var sentinel = $"<div id=\"{Marker}\"";
        foreach (var node in root.GetDescendants())
        {
            switch (node)
            {
                case IComment comment when comment.Data.Contains(Marker, StringComparison.Ordinal):
                    // A comment's text is the page's text as written, up to the marker's tag.
                    var data = page.Body.Length - comment.Data.IndexOf(sentinel, StringComparison.Ordinal);
                    var start = page.Body.LastIndexOf('<', Math.Clamp(data - 1, 0, page.Body.Length - 1));
                    return page.Body.AsSpan(Math.Max(start, 0)).StartsWith("<!--")
                        ? (start, $"an HTML comment ('<!--') that is never closed hides everything after it, {Around}: close it with '-->'")
                        : Unended(page.Body);
                case IText text when text.Data.Contains(Marker, StringComparison.Ordinal) && text.ParentElement == root:
                    // Only the marker's tag is gone: markup without its '>' ran on to the tag's.
                    return Unended(page.Body);
                case IText text when text.Data.Contains(Marker, StringComparison.Ordinal) && text.ParentElement is { } parent:
                    return Text(page, parent, written);
                case IHtmlTemplateElement template when template.Content.TextContent.Contains(Marker, StringComparison.Ordinal):
                    return (Start(page, template), $"a <template> that is never closed hides everything after it, {Around}: close it with </template>");
            }
        }

        // Nothing holds the marker: a tag whose quote is never closed ran on to the end of the page,
        // where the parser drops it with all it took.
        return UnendedTag(page.Body, written) is var tag and >= 0
            ? (tag, $"a quote in the tag <{TagName(page.Body, tag)}> is never closed, so the tag and everything after it, {Around}, are lost: close the quote")
            : (0, $"raw HTML in the article changes how the rest of the page is read, {Around}: close every tag, quote and comment it opens");
    }

    // The first tag written in raw HTML that nothing ends, or -1.
    private static int UnendedTag(string body, Func<int, bool> written)
    {
        for (var at = body.IndexOf('<'); at >= 0 && at + 1 < body.Length; at = body.IndexOf('<', at + 1))
        {
            if (char.IsAsciiLetter(body[at + 1]) && written(at))
            {
                var end = TagEnd(body, at);
                if (end >= body.Length)
                {
                    return at;
                }

                at = end - 1;
            }
        }

        return -1;
    }

    // The name of the start or end tag at 'at', in lower case.
    private static string TagName(string body, int at)
    {
        var name = body.AsSpan(at + 1).TrimStart('/');
        var length = name.IndexOfAnyExcept(AsciiLettersAndDigits);
        return name[..(length < 0 ? name.Length : length)].ToString().ToLowerInvariant();
    }

    // Markup at the end of the body that a '>' never ends: the first '<' after the last '>'.
    private static (int Offset, string Message) Unended(string body)
    {
        var at = Math.Max(body.IndexOf('<', body.LastIndexOf('>') + 1), 0);
        return (at, $"the markup '{Shorten(body[at..])}' is never ended with '>', so it runs on into what follows it, {Around}: end it with '>', or write '&lt;' for a '<' that is text");
    }

    private static string Shorten(string markup)
    {
        var line = markup.AsSpan().TrimEnd();
        line = line[..Math.Min(line.Length, line.IndexOf('\n') is var end and >= 0 ? end : line.Length)];
        return line.Length <= 20 ? line.ToString() : line[..17].ToString() + "...";
    }

    private static (int Offset, string Message) Text(BodyPage page, IElement parent, Func<int, bool> written)
    {
        var name = parent.LocalName;
        if (parent.NamespaceUri == NamespaceNames.HtmlUri && name == "plaintext")
        {
            return (Start(page, parent), $"a <plaintext> turns everything after it, {Around}, into text, and nothing ends it: remove it (a <pre> shows text as written)");
        }

        if (parent.NamespaceUri == NamespaceNames.HtmlUri && TextElements.Contains(name))
        {
            return (Start(page, parent), $"{A(name)} that is never closed takes everything after it, {Around}, into its text: close it with </{name}>");
        }

        if (parent.NamespaceUri != NamespaceNames.HtmlUri)
        {
            return (Math.Max(page.Body.LastIndexOf("<![CDATA[", StringComparison.Ordinal), 0), $"a '<![CDATA[' section that is never closed takes everything after it, {Around}, into its text: close it with ']]>'");
        }

        return LeftOpen(page, parent, written);
    }

    // The outermost element left open around 'inner', preferring one written in raw HTML; for a
    // formatting element the parser opened again, the one it copied.
    private static (int Offset, string Message) LeftOpen(BodyPage page, IElement inner, Func<int, bool> written)
    {
        var chain = inner.GetAncestors().OfType<IElement>().TakeWhile(e => e != page.Root).Reverse().Append(inner).ToList();
        var open = chain.FirstOrDefault(e => (e.SourceReference is { Position.Line: > 0 } || e.NamespaceUri != NamespaceNames.HtmlUri) && written(Start(page, e)))
            ?? chain.FirstOrDefault(e => e.SourceReference is not { Position.Line: > 0 })
            ?? chain[0];
        return open.SourceReference is not { Position.Line: > 0 } && Original(page, open) is { } original
            ? Carried(page, original)
            : (Start(page, open), $"{A(open.LocalName)} that is never closed takes what follows it, {Around}, inside it: close it with </{open.LocalName}>");
    }

    // "a <div>", "an <a>".
    private static string A(string name) => (name.Length > 0 && name[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an <" : "a <") + name + ">";

    private static (int Offset, string Message) Carried(BodyPage page, IElement formatting) =>
        (Start(page, formatting), $"{A(formatting.LocalName)} that is never closed carries on into what follows it, {Around} (an <a> makes them all a link): close it with </{formatting.LocalName}>");

    // An end tag that closed the page's element around the body: the last one before what it pushed out.
    private static (int Offset, string Message) Stray(BodyPage page, IElement marker, Func<int, bool> written)
    {
        var root = page.Root;
        var after = page.Document.Body!.GetDescendants().OfType<IElement>()
            .SkipWhile(e => e != root)
            .FirstOrDefault(e => !root.Contains(e) && e.SourceReference is { Position.Line: > 0 }) ?? marker;
        var at = Math.Clamp(Start(page, after) - 1, 0, page.Body.Length - 1);
        do
        {
            at = page.Body.LastIndexOf("</", at, StringComparison.Ordinal);
        }
        while (at > 0 && !written(at) && at-- > 0);

        // Of a run of end tags ("</div></article></main>"), the first is the one that closed the page's element.
        while (at > 0 && page.Body.LastIndexOf("</", at - 1, StringComparison.Ordinal) is var before and >= 0
            && page.Body.IndexOf('>', before) is var end and >= 0 && end < at && page.Body.AsSpan(end + 1, at - end - 1).IsWhiteSpace() && written(before))
        {
            at = before;
        }

        at = Math.Max(at, 0);
        var name = TagName(page.Body, at);
        return (at, $"the end tag </{name}> closes the page's own elements around the article, so what follows it, {Around}, ends up outside them: remove it, or add the <{name}> it is meant to close");
    }

    // The element a formatting element that the parser opened again was copied from: the last one
    // written with the same name and attributes before the first copy.
    private static IElement? Original(BodyPage page, IElement copy)
    {
        IElement? original = null;
        foreach (var element in page.Root.GetDescendants().OfType<IElement>())
        {
            if (element.LocalName != copy.LocalName || !SameAttributes(element, copy))
            {
                continue;
            }

            if (element.SourceReference is not { Position.Line: > 0 })
            {
                break;
            }

            original = element;
        }

        return original;
    }

    private static bool SameAttributes(IElement a, IElement b) =>
        a.Attributes.Length == b.Attributes.Length && a.Attributes.All(x => b.GetAttribute(x.NamespaceUri, x.LocalName) == x.Value);

    /// <summary>The index just past the '&gt;' that ends the tag at <paramref name="at"/>, quoted attribute values read over; or the end.</summary>
    public static int TagEnd(string html, int at)
    {
        for (var i = at + 1; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '>':
                    return i + 1;
                case '"' or '\'' when html.AsSpan(at, i - at).TrimEnd(" \t\n\f\r").EndsWith("="):
                    var close = html.IndexOf(html[i], i + 1);
                    if (close < 0)
                    {
                        return html.Length;
                    }

                    i = close;
                    break;
            }
        }

        return html.Length;
    }

    /// <summary>The offset in the body of the '&lt;' of a tag whose name the parser found at <paramref name="position"/> of the page.</summary>
    public static int Offset(int position) => position - 1 - Prefix.Length;

    // The offset in the body of the '<' that starts the element's tag. An element that keeps no
    // position (the root of an SVG or MathML island) is found by its tag, written before the first
    // element inside it that does.
    private static int Start(BodyPage page, IElement element)
    {
        if (element.SourceReference is { Position.Line: > 0 } reference)
        {
            return Offset(reference.Position.Position);
        }

        var inner = element.GetDescendants().OfType<IElement>().FirstOrDefault(e => e.SourceReference is { Position.Line: > 0 });
        return inner is null
            ? 0
            : Math.Max(page.Body.LastIndexOf("<" + element.LocalName, Math.Clamp(Start(page, inner), 0, page.Body.Length - 1), StringComparison.OrdinalIgnoreCase), 0);
    }

    private static int TagOffset(string body, string name)
    {
        for (var at = body.IndexOf("<" + name, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf("<" + name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + 1 + name.Length;
            if (next >= body.Length || body[next] is ' ' or '\t' or '\n' or '\f' or '/' or '>')
            {
                return at;
            }
        }

        return 0;
    }
}
