using System.Collections.Immutable;
using System.Text;
using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.SmartyPants;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadside.Markdown;

/// <summary>
/// Renders article and page bodies. The Markdig pipeline is built once and shared by every thread:
/// pipe tables, footnotes, GitHub-style heading identifiers, typographic quotes and autolinks.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly string _rootPath;
    private readonly RawHtmlPolicy _rawHtml;
    private readonly RawHtmlCheck _rawHtmlCheck;

    /// <summary>
    /// Creates a renderer for a site served under <paramref name="rootPath"/> (<c>/</c> or <c>/news/</c>)
    /// whose raw HTML may do what <paramref name="rawHtml"/> allows (by default: no scripts, no embedded pages).
    /// </summary>
    public MarkdownRenderer(string rootPath = "/", RawHtmlPolicy? rawHtml = null)
    {
        _rootPath = rootPath.EndsWith('/') ? rootPath : rootPath + "/";
        _rawHtml = rawHtml ?? RawHtmlPolicy.Default;
        _rawHtmlCheck = new RawHtmlCheck(_rawHtml);
        _pipeline = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseSmartyPants()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .Build();
    }

    /// <summary>What sets this renderer's output apart from another's for the same text, for caches.</summary>
    public string Variant => _rootPath + "\0" + _rawHtml.Key;

    /// <summary>
    /// Renders <paramref name="markdown"/>. A level-1 heading is reported (the title is the page's only
    /// <c>h1</c>) and rendered as a level-2 heading. Raw HTML and links that do what the site's
    /// <see cref="RawHtmlPolicy"/> does not allow are reported at their lines.
    /// </summary>
    /// <param name="markdown">The body.</param>
    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="lineOffset">Lines of the file before the body.</param>
    /// <param name="diagnostics">Where to report.</param>
    public RenderedMarkdown Render(string markdown, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        // Markdig reads a line that opens thousands of lists or quotes for seconds before it gives up.
        var deepLine = LineOpeningTooMany(markdown);
        if (deepLine == 0)
        {
            try
            {
                return RenderChecked(markdown, file, lineOffset, diagnostics);
            }
            catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
            {
                // Markdig stops before its recursion would exhaust the stack: a long run of brackets,
                // emphasis or quote marks, most likely on the line with the most of them.
                deepLine = LineWithMostOpeners(markdown);
            }
        }

        diagnostics.Error(
            DiagnosticCodes.MarkdownTooDeep,
            "the Markdown nests brackets, quotes, emphasis or lists inside each other more deeply than a page can hold: remove the run of '[', '>', '*' or '-'",
            file,
            lineOffset + deepLine,
            1);
        return new RenderedMarkdown(string.Empty, string.Empty, 0, []);
    }

    // The 1-based line that starts with more than MaxOpeners list or quote markers, or 0.
    private static int LineOpeningTooMany(string markdown)
    {
        const int MaxOpeners = 100;
        var line = 1;
        for (var start = 0; start < markdown.Length; line++)
        {
            var (i, count) = (start, 0);
            while (i < markdown.Length && count <= MaxOpeners)
            {
                var c = markdown[i];
                if (c is ' ' or '\t')
                {
                    i++;
                }
                else if (c == '>' || (c is '*' or '-' or '+' && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t'))
                {
                    (i, count) = (i + 1, count + 1);
                }
                else if (char.IsAsciiDigit(c))
                {
                    var end = i;
                    while (end < markdown.Length && char.IsAsciiDigit(markdown[end]))
                    {
                        end++;
                    }

                    if (end >= markdown.Length || markdown[end] is not ('.' or ')'))
                    {
                        break;
                    }

                    (i, count) = (end + 1, count + 1);
                }
                else
                {
                    break;
                }
            }

            if (count > MaxOpeners)
            {
                return line;
            }

            var next = markdown.IndexOf('\n', start);
            start = next < 0 ? markdown.Length : next + 1;
        }

        return 0;
    }

    // The 1-based line with the most characters that open nested Markdown.
    private static int LineWithMostOpeners(string markdown)
    {
        var (best, bestCount, line, count) = (1, -1, 1, 0);
        foreach (var c in markdown.Append('\n'))
        {
            if (c == '\n')
            {
                (best, bestCount) = count > bestCount ? (line, count) : (best, bestCount);
                (line, count) = (line + 1, 0);
            }
            else if (c is '[' or '>' or '(' or '*' or '_' or '<' or '-')
            {
                count++;
            }
        }

        return best;
    }

    private RenderedMarkdown RenderChecked(string markdown, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var walk = new Walk(this, file, lineOffset, diagnostics);
        walk.Block(document);

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        var rendered = writer.ToString();
        if (walk.Raw is { } raw)
        {
            CheckRawHtml(raw, rendered, file, diagnostics);
        }

        return new RenderedMarkdown(rendered, walk.FirstParagraph ?? string.Empty, walk.Words, walk.Links.ToImmutable());
    }

    private void CheckLink(string url, bool image, int line, int column, string file, DiagnosticBag diagnostics)
    {
        if (!_rawHtml.AllowScripts && LinkSafety.RunsCode(url, image))
        {
            diagnostics.Error(
                DiagnosticCodes.ActiveContent,
                $"the address '{url}' runs code when it is followed: link to a page or a file instead, or set 'raw_html: {{allow_scripts: true}}' in site.yml if the publication means it",
                file,
                line,
                column);
        }
    }

    // Each piece of raw HTML is checked on its own, so a problem is reported at its own line. The whole
    // page is checked too, once, when the pieces pass: a tag or quote one piece leaves open can take the
    // Markdown after it into an attribute of the editor's choosing.
    private void CheckRawHtml(List<(int Line, int Column, string Html)> pieces, string rendered, string file, DiagnosticBag diagnostics)
    {
        var found = false;
        foreach (var (line, column, html) in pieces)
        {
            foreach (var problem in _rawHtmlCheck.Find(html))
            {
                diagnostics.Error(problem.Code, problem.Message, file, line + problem.Line - 1, problem.Line == 1 ? column : 1);
                found = true;
            }
        }

        if (found)
        {
            return;
        }

        foreach (var problem in _rawHtmlCheck.Find(rendered))
        {
            diagnostics.Error(
                problem.Code,
                $"raw HTML from here on leaves a tag or a quote open, and the page ends up with {problem.What}: close every tag and quote",
                file,
                pieces[0].Line,
                pieces[0].Column);
        }
    }

    /// <summary>
    /// One pass over the syntax tree in document order, blocks and their inlines: what the checks need
    /// (raw HTML, links, level-one headings) and what the article's view needs (its words, its first
    /// paragraph as plain text).
    /// </summary>
    private sealed class Walk(MarkdownRenderer renderer, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        private readonly StringBuilder _text = new(1024);

        public ImmutableArray<WrittenLink>.Builder Links { get; } = ImmutableArray.CreateBuilder<WrittenLink>();

        public List<(int Line, int Column, string Html)>? Raw { get; private set; }

        public string? FirstParagraph { get; private set; }

        public int Words { get; private set; }

        public void Block(Block block)
        {
            switch (block)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child);
                    }

                    return;
                case HtmlBlock html:
                    (Raw ??= []).Add((lineOffset + html.Line + 1, 1, html.Lines.ToString()));
                    return;
                case HeadingBlock { Level: 1 } heading:
                    diagnostics.Warning(
                        DiagnosticCodes.HeadingLevelOne,
                        "a '#' heading in the body: the title is the page's only top heading, so start headings at '##'",
                        file,
                        lineOffset + heading.Line + 1,
                        heading.Column + 1);
                    heading.Level = 2;

                    // Its words were never counted: the title's are not the body's.
                    Inlines(heading.Inline, text: false);
                    return;
                case LeafBlock { Inline: { } inline } leaf:
                    // Counted over the whole block: typographic quotes and dashes split its text into pieces.
                    _text.Clear();
                    Inlines(inline, text: true);
                    Words += CountWords(_text);
                    if (FirstParagraph is null && leaf is ParagraphBlock && leaf.Parent is MarkdownDocument)
                    {
                        FirstParagraph = _text.ToString().Trim();
                    }

                    return;
            }
        }

        private void Inlines(ContainerInline? container, bool text)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal when text:
                        _text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code when text:
                        _text.Append(code.Content);
                        break;
                    case LineBreakInline when text:
                        _text.Append(' ');
                        break;
                    case HtmlEntityInline entity when text:
                        _text.Append(entity.Transcoded.AsSpan());
                        break;
                    case SmartyPant pant when text:
                        _text.Append(Typographic(pant.Type));
                        break;
                    case HtmlInline html:
                        (Raw ??= []).Add((lineOffset + html.Line + 1, html.Column + 1, html.Tag));
                        break;
                    case AutolinkInline { Url: { } address } autolink:
                        renderer.CheckLink(address, image: false, lineOffset + autolink.Line + 1, autolink.Column + 1, file, diagnostics);
                        break;
                    case LinkInline link:
                        if (link.Url is { } url)
                        {
                            Links.Add(new WrittenLink(url, lineOffset + link.Line + 1, link.Column + 1));
                            renderer.CheckLink(url, link.IsImage, lineOffset + link.Line + 1, link.Column + 1, file, diagnostics);
                            if (url.Length > 1 && url[0] == '/' && url[1] != '/' && renderer._rootPath != "/")
                            {
                                link.Url = renderer._rootPath + url[1..];
                            }
                        }

                        break;
                }

                if (inline is ContainerInline children)
                {
                    Inlines(children, text);
                }
            }
        }

        private static string Typographic(SmartyPantType type) => type switch
        {
            SmartyPantType.LeftQuote => "\u2018",
            SmartyPantType.RightQuote or SmartyPantType.Quote => "\u2019",
            SmartyPantType.LeftDoubleQuote => "\u201C",
            SmartyPantType.RightDoubleQuote => "\u201D",
            SmartyPantType.LeftAngleQuote => "\u00AB",
            SmartyPantType.RightAngleQuote => "\u00BB",
            SmartyPantType.Ellipsis => "\u2026",
            SmartyPantType.Dash2 => "\u2013",
            SmartyPantType.Dash3 => "\u2014",
            _ => string.Empty,
        };

        private static int CountWords(StringBuilder text)
        {
            var count = 0;
            var inWord = false;
            foreach (var chunk in text.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    var letter = !char.IsWhiteSpace(c);
                    if (letter && !inWord)
                    {
                        count++;
                    }

                    inWord = letter;
                }
            }

            return count;
        }
    }
}
