namespace Broadside.Markdown;

/// <summary>
/// A piece of raw HTML in a body, an HTML block or an inline tag, which Markdig writes into the page
/// as it is: where it sits in the Markdown and, once rendered, in the HTML.
/// </summary>
/// <param name="Text">The HTML, its lines joined by line feeds.</param>
/// <param name="Line">The line of the Markdown it starts on, from 1.</param>
/// <param name="Columns">The column each of its lines starts at in the Markdown, from 1 (an inline tag knows its first only).</param>
internal sealed record RawHtmlPiece(string Text, int Line, IReadOnlyList<int> Columns)
{
    /// <summary>Where the rendered HTML has it: from here.</summary>
    public int Start { get; set; } = -1;

    /// <summary>Where the rendered HTML has it: to here, not included.</summary>
    public int End { get; set; } = -1;

    /// <summary>The line and column in the Markdown of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var before = Text.AsSpan(0, offset);
        var lines = before.Count('\n');
        var lineStart = before.LastIndexOf('\n') + 1;
        var column = lines < Columns.Count ? Columns[lines] : 1;
        return (Line + lines, column + offset - lineStart);
    }

    /// <summary>
    /// The line and column in the Markdown of the character at <paramref name="offset"/> in the
    /// rendered HTML: in the piece that holds it, or else at the first piece after it (the last
    /// when none is); null without pieces.
    /// </summary>
    public static (int Line, int Column)? Locate(IReadOnlyList<RawHtmlPiece> pieces, int offset)
    {
        if (pieces.Count == 0)
        {
            return null;
        }

        var after = pieces[Math.Min(FirstEndingAfter(pieces, offset), pieces.Count - 1)];
        return after.Locate(offset - after.Start);
    }

    /// <summary>The piece that holds the character at <paramref name="offset"/> in the rendered HTML, or null.</summary>
    public static RawHtmlPiece? At(IReadOnlyList<RawHtmlPiece> pieces, int offset)
    {
        var index = FirstEndingAfter(pieces, offset);
        return index < pieces.Count && pieces[index].Start <= offset ? pieces[index] : null;
    }

    // The index of the first piece that ends after 'offset' (pieces are in the order they are written).
    private static int FirstEndingAfter(IReadOnlyList<RawHtmlPiece> pieces, int offset)
    {
        var (low, high) = (0, pieces.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = pieces[middle].End > offset ? (low, middle) : (middle + 1, high);
        }

        return low;
    }
}
