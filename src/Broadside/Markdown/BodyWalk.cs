using System.Collections.Immutable;
using System.Text;
using Broadside.Diagnostics;
using Markdig.Extensions.SmartyPants;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadside.Markdown;

/// <summary>
/// One pass over a body's syntax tree in document order, blocks and their inlines: what the checks
/// need (raw HTML, links, level-one headings, emphasis and links nested too deep, references to
/// characters a page cannot show, which it takes out) and what the article's view needs (its words,
/// its first paragraph as plain text).
/// </summary>
/// <param name="file">The file, for diagnostics.</param>
/// <param name="lineOffset">Lines of the file before the body.</param>
/// <param name="diagnostics">Where to report.</param>
/// <param name="checkLink">Checks a link's address: (address, image, line, column).</param>
/// <param name="rewriteLink">The address a link written as this one leads to on the site.</param>
/// <param name="controls">Where to add the characters taken out.</param>
internal sealed class BodyWalk(
    string file,
    int lineOffset,
    DiagnosticBag diagnostics,
    Action<string, bool, int, int> checkLink,
    Func<string, string> rewriteLink,
    List<ControlCharacters.Found> controls)
{
    private readonly StringBuilder _text = new(1024);

    public ImmutableArray<WrittenLink>.Builder Links { get; } = ImmutableArray.CreateBuilder<WrittenLink>();

    /// <summary>The raw HTML, in the order it is written, and the object that writes each piece.</summary>
    public List<(MarkdownObject Source, RawHtmlPiece Piece)> Raw { get; } = [];

    public string? FirstParagraph { get; private set; }

    /// <summary>The body's sub-headings, in order.</summary>
    public ImmutableArray<Heading>.Builder Headings { get; } = ImmutableArray.CreateBuilder<Heading>();

    public int Words { get; private set; }

    /// <summary>Whether emphasis and links nest deeper than a page can hold (reported).</summary>
    public bool TooDeep { get; private set; }

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
                Raw.Add((html, Piece(html)));
                return;
            case FencedCodeBlock fenced:
                // Its info string ("```js") is read with character references, and written into a class.
                fenced.Info = Clean(fenced.Info, fenced.Line, fenced.Column);
                fenced.Arguments = Clean(fenced.Arguments, fenced.Line, fenced.Column);
                if (fenced.TryGetAttributes() is { Classes: { } classes } attributes)
                {
                    // The class Markdig made of the info string as it read it.
                    attributes.Classes = [.. classes.Select(name => ControlCharacters.CleanText(name, [], decoded: true))];
                }

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
                _text.Clear();
                Inlines(heading.Inline, text: true, depth: 0);
                AddHeading(heading);
                return;
            case LeafBlock { Inline: { } inline } leaf:
                // Counted over the whole block: typographic quotes and dashes split its text into pieces.
                _text.Clear();
                Inlines(inline, text: true, depth: 0);
                Words += CountWords(_text);
                if (FirstParagraph is null && leaf is ParagraphBlock && leaf.Parent is MarkdownDocument)
                {
                    FirstParagraph = _text.ToString().Trim();
                }

                if (leaf is HeadingBlock subHeading)
                {
                    AddHeading(subHeading);
                }

                return;
        }
    }

    // A heading of the body's own outline (not inside a list or a quote), at level 2 or 3, whose words
    // are in _text.
    private void AddHeading(HeadingBlock heading)
    {
        var words = _text.ToString().Trim();
        if (heading is { Level: 2 or 3, Parent: MarkdownDocument } && heading.GetAttributes().Id is { Length: > 0 } id && words.Length > 0)
        {
            Headings.Add(new Heading(heading.Level, id, words));
        }
    }

    private void Inlines(ContainerInline? container, bool text, int depth)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case HtmlEntityInline entity:
                    Entity(entity);
                    if (text)
                    {
                        _text.Append(entity.Transcoded.AsSpan());
                    }

                    break;
                case LiteralInline literal when text:
                    _text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code when text:
                    _text.Append(code.Content);
                    break;
                case LineBreakInline when text:
                    _text.Append(' ');
                    break;
                case SmartyPant pant when text:
                    _text.Append(Typographic(pant.Type));
                    break;
                case HtmlInline html:
                    Raw.Add((html, Piece(html)));
                    break;
                case AutolinkInline { Url: { } address } autolink:
                    checkLink(address, false, lineOffset + autolink.Line + 1, autolink.Column + 1);
                    break;
                case LinkInline link:
                    Link(link);
                    break;
            }

            if (inline is ContainerInline children)
            {
                if (depth == NestingScan.MaxDepth && !TooDeep)
                {
                    TooDeep = true;
                    diagnostics.Error(
                        DiagnosticCodes.MarkdownTooDeep,
                        $"emphasis and links nest more than {NestingScan.MaxDepth} levels deep here, more than a page can hold: remove some of the '*', '_', '~' or '[' marks that open a level",
                        file,
                        lineOffset + inline.Line + 1,
                        inline.Column + 1);
                }

                if (!TooDeep)
                {
                    Inlines(children, text, depth + 1);
                }
            }
        }
    }

    private void Link(LinkInline link)
    {
        var (line, column) = (lineOffset + link.Line + 1, link.Column + 1);
        link.Title = Clean(link.Title, link.Line, link.Column);
        if (link.Url is { } written)
        {
            var url = Clean(written, link.Line, link.Column)!;
            Links.Add(new WrittenLink(url, line, column, link.IsImage));
            checkLink(url, link.IsImage, line, column);
            link.Url = rewriteLink(url);
        }

        if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
        {
            diagnostics.Error(
                DiagnosticCodes.PictureNoDescription,
                "the picture has no description: write what it shows between the brackets, such as ![Strikers outside the depot gates](/media/2026/depot.jpg), for readers who cannot see it",
                file,
                line,
                column);
        }
    }

    // The text of an image's description, as the page's alt attribute holds it.
    private static string AltText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline inner:
                    text.Append(AltText(inner));
                    break;
            }
        }

        return text.ToString();
    }

    // A numeric reference to a character a page cannot show is read as nothing (or as U+FFFD between two words).
    private void Entity(HtmlEntityInline entity)
    {
        if (ControlCharacters.ReferencedCodePoint(entity.Original.AsSpan()) is not { } codePoint || !ControlCharacters.IsForbiddenReference(codePoint))
        {
            return;
        }

        var original = entity.Original;
        var replaced = original.Start > 0 && original.End + 1 < original.Text.Length
            && char.IsLetterOrDigit(original.Text[original.Start - 1]) && char.IsLetterOrDigit(original.Text[original.End + 1]);
        entity.Transcoded = new StringSlice(replaced ? ControlCharacters.Replacement.ToString() : string.Empty);
        controls.Add(new ControlCharacters.Found(entity.Line + 1, entity.Column + 1, [ControlCharacters.DescribeReference(original.ToString(), codePoint)], replaced));
    }

    // A value read with character references (a title, an address, an info string) without the
    // characters a page cannot show.
    private string? Clean(string? value, int line, int column)
    {
        if (value is null || value.AsSpan().IndexOfAny(ControlCharacters.Suspects) < 0)
        {
            return value;
        }

        var found = new List<ControlCharacters.Found>();
        var cleaned = ControlCharacters.CleanText(value, found, decoded: true);
        controls.AddRange(found.Select(f => f with { Line = line + 1, Column = column + 1 }));
        return cleaned;
    }

    private RawHtmlPiece Piece(HtmlBlock html)
    {
        var lines = html.Lines;
        var columns = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            columns[i] = lines.Lines[i].Column + 1;
        }

        var written = new RawHtmlPiece(lines.ToString(), html.Line + 1, columns);
        var piece = Clean(written);
        if (!ReferenceEquals(piece, written))
        {
            var cleaned = new StringLineGroup(lines.Count);
            foreach (var line in piece.Text.Split('\n'))
            {
                cleaned.Add(new StringSlice(line));
            }

            html.Lines = cleaned;
        }

        return piece;
    }

    private RawHtmlPiece Piece(HtmlInline html)
    {
        var piece = Clean(new RawHtmlPiece(html.Tag, html.Line + 1, [html.Column + 1]));
        html.Tag = piece.Text;
        return piece;
    }

    // The piece without numeric references to characters a page cannot show, which HTML reads
    // wherever it reads text.
    private RawHtmlPiece Clean(RawHtmlPiece piece)
    {
        var references = new List<(int Offset, string Reference, int CodePoint, bool Replaced)>();
        var cleaned = ControlCharacters.CleanReferences(piece.Text, references);
        foreach (var (offset, reference, codePoint, replaced) in references)
        {
            var (line, column) = piece.Locate(offset);
            controls.Add(new ControlCharacters.Found(line, column, [ControlCharacters.DescribeReference(reference, codePoint)], replaced));
        }

        return references.Count == 0 ? piece : piece with { Text = cleaned };
    }

    internal static string Typographic(SmartyPantType type) => type switch
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

    // Words of text: runs of characters between spaces; Chinese and Japanese, written without spaces,
    // are counted by characters, each the share of a word that reading speeds make it (about 500
    // characters a minute against 230 words), so that reading time follows the language.
    private static int CountWords(StringBuilder text)
    {
        var count = 0;
        var unspaced = 0;
        var inWord = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (IsUnspacedScript(c))
                {
                    unspaced++;
                    inWord = false;
                    continue;
                }

                var letter = !char.IsWhiteSpace(c);
                if (letter && !inWord)
                {
                    count++;
                }

                inWord = letter;
            }
        }

        return count + ((unspaced * CharactersPerWordNumerator) + CharactersPerWordDenominator - 1) / CharactersPerWordDenominator;
    }

    // 230 words a minute against 500 characters: a character of Chinese or Japanese is 23/50 of a word.
    private const int CharactersPerWordNumerator = 23;
    private const int CharactersPerWordDenominator = 50;

    // Han ideographs, kana and their punctuation: scripts written without spaces between words.
    private static bool IsUnspacedScript(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
}
