using System.Buffers;

namespace Broadside.Markdown;

/// <summary>What a <see cref="VerbatimBlock"/> is.</summary>
internal enum VerbatimKind
{
    None,
    Fenced,
    Indented,
    Html,
}

/// <summary>
/// A block outside every list and quote whose lines Markdig reads as they are: fenced or indented
/// code, or an HTML block that a blank line ends. Each is recognised only where Markdig surely
/// opens it and ended no later than Markdig ends it, so no line Markdig reads as text is skipped.
/// </summary>
internal readonly record struct VerbatimBlock(VerbatimKind Kind, char Fence = '\0', int Length = 0)
{
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The elements whose tag, at the start of a line, opens an HTML block that a blank line ends.</summary>
    public static readonly HashSet<string> HtmlBlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "source", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "track", "ul",
    };

    /// <summary>Whether <paramref name="line"/> goes on with this block, and the block after it.</summary>
    public (bool InBlock, VerbatimBlock Next) Next(ReadOnlySpan<char> line, bool blank) => Kind switch
    {
        VerbatimKind.Fenced => (true, FenceAt(line, out var mark, out var length, out var rest) && mark == Fence && length >= Length && rest.IsWhiteSpace() ? default : this),
        VerbatimKind.Indented when blank || Indentation(line) >= 4 => (true, this),
        VerbatimKind.Html when !blank => (true, this),
        _ => (false, default),
    };

    /// <summary>Whether <paramref name="line"/> may open a fence, or an HTML block that blank lines do not end.</summary>
    public static bool MayOpen(ReadOnlySpan<char> line) =>
        line.ContainsAny('`', '~', '<')
        && (line.Contains("```", StringComparison.Ordinal) || line.Contains("~~~", StringComparison.Ordinal)
            || line.Contains("<!", StringComparison.Ordinal) || line.Contains("<?", StringComparison.Ordinal)
            || line.Contains("<pre", StringComparison.OrdinalIgnoreCase) || line.Contains("<script", StringComparison.OrdinalIgnoreCase)
            || line.Contains("<style", StringComparison.OrdinalIgnoreCase) || line.Contains("<textarea", StringComparison.OrdinalIgnoreCase));

    /// <summary>The block <paramref name="line"/> opens, outside every list and quote; or null.</summary>
    /// <param name="line">The line.</param>
    /// <param name="afterBlank">Whether a blank line (or nothing) came before it, so no paragraph goes on.</param>
    public static VerbatimBlock? Opens(ReadOnlySpan<char> line, bool afterBlank)
    {
        if (Indentation(line) >= 4)
        {
            // After a paragraph line this would be its continuation, not code.
            return afterBlank ? new VerbatimBlock(VerbatimKind.Indented) : null;
        }

        if (FenceAt(line, out var fence, out var count, out var info) && (fence == '~' || !info.Contains('`')))
        {
            return new VerbatimBlock(VerbatimKind.Fenced, fence, count);
        }

        return OpensHtmlBlock(line.TrimStart(' ')) ? new VerbatimBlock(VerbatimKind.Html) : null;
    }

    // Columns of leading blanks, or 4 when they reach that far.
    private static int Indentation(ReadOnlySpan<char> line)
    {
        var column = 0;
        foreach (var c in line)
        {
            if (column >= 4 || c is not (' ' or '\t'))
            {
                break;
            }

            column += c == ' ' ? 1 : 4 - (column % 4);
        }

        return Math.Min(column, 4);
    }

    // A run of three or more backticks or tildes after at most three spaces.
    private static bool FenceAt(ReadOnlySpan<char> line, out char mark, out int length, out ReadOnlySpan<char> rest)
    {
        var text = line.TrimStart(' ');
        (mark, length) = ('\0', 0);
        rest = default;
        if (line.Length - text.Length > 3 || text.IsEmpty || text[0] is not ('`' or '~'))
        {
            return false;
        }

        mark = text[0];
        length = text.IndexOfAnyExcept(mark) is var after and >= 0 ? after : text.Length;
        rest = text[length..];
        return length >= 3;
    }

    // "<div", "</table" and the like, the name followed by a blank, '>', "/>" or the end of the line.
    private static bool OpensHtmlBlock(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '<')
        {
            return false;
        }

        var closing = text[1] == '/';
        var name = text[(closing ? 2 : 1)..];
        var length = name.IndexOfAnyExcept(AsciiLettersAndDigits) is var stop and >= 0 ? stop : name.Length;
        var after = name[length..];
        return length > 0
            && HtmlBlockNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name[..length])
            && (after.IsEmpty || after[0] is ' ' or '\t' or '>' || (!closing && after.StartsWith("/>")));
    }
}
