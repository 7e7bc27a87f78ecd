using Broadside.Configuration;
using Broadside.Content;
using Broadside.Diagnostics;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
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
    private readonly VideoHosts _videoHosts;
    private readonly string _formOrigins;

    /// <summary>
    /// Creates a renderer for a site served under <paramref name="rootPath"/> (<c>/</c> or <c>/news/</c>)
    /// whose raw HTML may do what <paramref name="rawHtml"/> allows (by default: no scripts, no embedded pages),
    /// and whose links alone in their paragraphs to videos on <paramref name="videoHosts"/> become players
    /// (by default YouTube's and Vimeo's).
    /// </summary>
    /// <param name="rootPath">The root-relative path of the site.</param>
    /// <param name="rawHtml">What raw HTML may do.</param>
    /// <param name="videoHosts">The hosts whose video links become players.</param>
    /// <param name="formOrigins">The origins besides the site's that forms may post to; a form in raw HTML that posts elsewhere is reported.</param>
    public MarkdownRenderer(string rootPath = "/", RawHtmlPolicy? rawHtml = null, VideoHosts? videoHosts = null, IReadOnlyCollection<string>? formOrigins = null)
    {
        _rootPath = rootPath.EndsWith('/') ? rootPath : rootPath + "/";
        _rawHtml = rawHtml ?? RawHtmlPolicy.Default;
        _videoHosts = videoHosts ?? VideoHosts.Default;
        _formOrigins = string.Join(' ', (formOrigins ?? []).Order(StringComparer.Ordinal));
        _rawHtmlCheck = new RawHtmlCheck(_rawHtml, _videoHosts, formOrigins);
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
    public string Variant => _rootPath + "\0" + _rawHtml.Key + "\0" + _videoHosts.Key + "\0" + _formOrigins;

    /// <summary>
    /// Renders <paramref name="markdown"/>. A level-1 heading is reported (the title is the page's only
    /// <c>h1</c>) and rendered as a level-2 heading. Raw HTML and links that do what the site's
    /// <see cref="RawHtmlPolicy"/> does not allow, raw HTML that changes how the page after the body is
    /// read, and nesting deeper than a page can hold are reported at their lines; characters a page
    /// cannot show are taken out, with a warning. A link alone in its paragraph to a video on a listed host
    /// becomes a player that loads when the reader clicks it, and one to an audio or video file of
    /// <c>media/</c> the browser's own player.
    /// </summary>
    /// <param name="markdown">The body.</param>
    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="lineOffset">Lines of the file before the body.</param>
    /// <param name="diagnostics">Where to report.</param>
    public RenderedMarkdown Render(string markdown, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        var controls = new List<ControlCharacters.Found>();
        markdown = ControlCharacters.CleanText(markdown, controls);
        try
        {
            if (NestingScan.Find(markdown) is { } deep)
            {
                diagnostics.Error(DiagnosticCodes.MarkdownTooDeep, deep.Message, file, lineOffset + deep.Line, 1);
                return Empty;
            }

            try
            {
                return RenderChecked(markdown, file, lineOffset, diagnostics, controls);
            }
            catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
            {
                // Markdig stops before its recursion would exhaust the stack: a long run of brackets,
                // emphasis or quote marks, most likely on the line with the most of them.
                diagnostics.Error(
                    DiagnosticCodes.MarkdownTooDeep,
                    "the Markdown nests brackets, quotes, emphasis or lists inside each other more deeply than a page can hold: remove the run of '[', '>', '*' or '-'",
                    file,
                    lineOffset + LineWithMostOpeners(markdown),
                    1);
                return Empty;
            }
        }
        finally
        {
            ControlCharacters.Report(controls, file, lineOffset, diagnostics);
        }
    }

    private static RenderedMarkdown Empty => new(string.Empty, string.Empty, 0, []);

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

    private RenderedMarkdown RenderChecked(string markdown, string file, int lineOffset, DiagnosticBag diagnostics, List<ControlCharacters.Found> controls)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var walk = new BodyWalk(
            file,
            lineOffset,
            diagnostics,
            (url, image, line, column) => CheckLink(url, image, line, column, file, diagnostics),
            url => url.Length > 1 && url[0] == '/' && url[1] != '/' && _rootPath != "/" ? _rootPath + url[1..] : url,
            controls);
        walk.Block(document);
        if (walk.TooDeep)
        {
            return Empty;
        }

        var (rendered, players) = Write(document, walk.Raw);
        if (walk.Raw.Count > 0 && !new BodyHtmlCheck(_rawHtmlCheck, file, lineOffset, diagnostics).Check(rendered, [.. walk.Raw.Select(r => r.Piece)]))
        {
            // Raw HTML that would take the page after the body with it is not published as written.
            return Empty;
        }

        return new RenderedMarkdown(rendered, walk.FirstParagraph ?? string.Empty, walk.Words, walk.Links.ToImmutable()) { Headings = walk.Headings.ToImmutable(), Players = players };
    }

    // Renders the document, noting where in the HTML each piece of raw HTML is written; and how many
    // click-to-load players it wrote.
    private (string Html, int Players) Write(MarkdownDocument document, List<(MarkdownObject Source, RawHtmlPiece Piece)> raw)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        var figures = renderer.ObjectRenderers.Find<ParagraphRenderer>() is { } paragraphs ? new FigureRenderer(paragraphs, _videoHosts, _rootPath + "media/") : null;
        if (figures is not null)
        {
            renderer.ObjectRenderers.Replace<ParagraphRenderer>(figures);
        }

        if (raw.Count > 0)
        {
            var pieces = raw.ToDictionary(r => (object)r.Source, r => r.Piece);
            Record<HtmlBlockRenderer, HtmlBlock>(renderer, pieces);
            Record<HtmlInlineRenderer, HtmlInline>(renderer, pieces);
        }

        renderer.Render(document);
        writer.Flush();
        return (writer.ToString(), figures?.Players ?? 0);
    }

    private static void Record<TRenderer, TObject>(HtmlRenderer renderer, Dictionary<object, RawHtmlPiece> pieces)
        where TRenderer : HtmlObjectRenderer<TObject>
        where TObject : MarkdownObject
    {
        if (renderer.ObjectRenderers.Find<TRenderer>() is { } inner)
        {
            renderer.ObjectRenderers.Replace<TRenderer>(new Recorder<TObject>(inner, pieces));
        }
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

    /// <summary>
    /// Writes a paragraph that holds one link and nothing else as a player when it leads to a video on a
    /// listed host or to an audio or video file of <c>media/</c> (<see cref="Embeds"/>); one that holds one
    /// picture and nothing else as a <c>&lt;figure&gt;</c>, its title (<c>![alt](/media/x.jpg "caption")</c>)
    /// as its <c>&lt;figcaption&gt;</c>; every other paragraph as Markdig does.
    /// </summary>
    private sealed class FigureRenderer(ParagraphRenderer inner, VideoHosts hosts, string mediaRoot) : HtmlObjectRenderer<ParagraphBlock>
    {
        private int _players;

        /// <summary>The click-to-load players written.</summary>
        public int Players => _players;

        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            if (!renderer.ImplicitParagraph && Embeds.Alone(paragraph) is { } link && Embeds.TryWrite(renderer, link, hosts, mediaRoot, ref _players))
            {
                return;
            }

            if (renderer.ImplicitParagraph || Alone(paragraph) is not { } picture)
            {
                inner.Write(renderer, paragraph);
                return;
            }

            var caption = picture.Title;
            renderer.EnsureLine();
            renderer.Write("<figure>");
            picture.Title = null;
            renderer.Write(picture);
            picture.Title = caption;
            if (!string.IsNullOrWhiteSpace(caption))
            {
                renderer.Write("<figcaption>").WriteEscape(caption).Write("</figcaption>");
            }

            renderer.WriteLine("</figure>");
        }

        // The picture a paragraph holds alone, but for white space.
        private static LinkInline? Alone(ParagraphBlock paragraph)
        {
            LinkInline? picture = null;
            for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LinkInline { IsImage: true } image when picture is null:
                        picture = image;
                        break;
                    case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    case LineBreakInline:
                        break;
                    default:
                        return null;
                }
            }

            return picture;
        }
    }

    /// <summary>Writes raw HTML as Markdig does, and notes where in the HTML it went.</summary>
    private sealed class Recorder<T>(IMarkdownObjectRenderer inner, Dictionary<object, RawHtmlPiece> pieces) : HtmlObjectRenderer<T>
        where T : MarkdownObject
    {
        protected override void Write(HtmlRenderer renderer, T obj)
        {
            var html = ((StringWriter)renderer.Writer).GetStringBuilder();
            var start = html.Length;
            inner.Write(renderer, obj);
            if (pieces.TryGetValue(obj, out var piece))
            {
                (piece.Start, piece.End) = (start, html.Length);
            }
        }
    }
}
