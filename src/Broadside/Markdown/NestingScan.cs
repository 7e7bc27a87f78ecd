namespace Broadside.Markdown;

/// <summary>
/// One pass over a body, before Markdig reads it, for what would make Markdig slow: lists and quotes
/// nested more than <see cref="MaxDepth"/> levels deep, blank lines that every level of a deep list
/// carries, and paragraphs with so many emphasis and link marks that Markdig, which holds each mark
/// open until the paragraph ends, spends time on the square of their number.
/// </summary>
/// <remarks>
/// The depth found is an upper bound of Markdig's, not a guess: a line can only continue a list item
/// with two columns of indentation or more and a quote with a '&gt;', so the levels a line continues
/// are at most its leading '&gt;' marks plus half its leading blank columns; it opens at most one level
/// for each list or quote marker after them; and a line that continues none may still carry every
/// open level along as the lazy continuation of a paragraph, unless a blank line came before it.
/// </remarks>
internal static class NestingScan
{
    /// <summary>The deepest lists and quotes, emphasis and links, or HTML elements may nest.</summary>
    public const int MaxDepth = 32;

    // Markdig takes each list level through each blank line inside it, about 0.1 µs a time; a blank
    // line costs about that much anyway, so the first few levels are free.
    private const int FreeLevels = 4;
    private const long BlankLineBudget = 4_000_000;

    // Steps down Markdig's chain of open marks (see ParagraphMarks) past those any paragraph of its
    // length takes, a few nanoseconds each: a table of 1,500 rows with a bold name in each fits.
    private const long MarkBudget = 50_000_000;

    /// <summary>The first line where <paramref name="markdown"/> asks too much of Markdig, and why; or null.</summary>
    /// <param name="markdown">The body, its lines ended by line feeds.</param>
    public static (int Line, string Message)? Find(string markdown) => Find(markdown, MaxDepth);

    /// <summary>
    /// The first line where lists and quotes may nest deeper than <paramref name="maxDepth"/>, or
    /// where <paramref name="markdown"/> asks too much of Markdig otherwise, and why; or null.
    /// </summary>
    internal static (int Line, string Message)? Find(string markdown, int maxDepth)
    {
        var (bound, afterBlank, footnotes) = (0, true, false);
        var (blankSteps, markSteps, paragraph) = (0L, 0L, default(ParagraphMarks));
        var (code, unsure, unsureUntilBlank, fenceInList) = (default(VerbatimBlock), false, false, false);
        var line = 0;
        for (var start = 0; start < markdown.Length || line == 0; line++)
        {
            var end = markdown.IndexOf('\n', start) is var newline and >= 0 ? newline : markdown.Length;
            var text = markdown.AsSpan(start, end - start);
            var blank = text.IndexOfAnyExcept(' ', '\t') < 0;
            if (code.Next(text, blank) is (true, var next))
            {
                // A line of a code or HTML block outside every list and quote: Markdig opens nothing
                // in it and reads no emphasis there.
                (code, afterBlank) = (next, blank);
            }
            else if (blank)
            {
                // Every list item stays open through a blank line; no paragraph does.
                (blankSteps, afterBlank, code, unsureUntilBlank) = (blankSteps + Math.Max(bound - FreeLevels, 0), true, default, false);
                (markSteps, paragraph) = (markSteps + paragraph.Excess, default);
                if (blankSteps > BlankLineBudget)
                {
                    return (line + 1, $"lists nested {bound} levels deep run on through so many blank lines that reading them would take too long: remove blank lines from here on");
                }
            }
            else
            {
                var after = afterBlank;
                code = default;
                var levels = Levels(markdown, start, end, bound, breaks: !fenceInList, ref footnotes);
                if (levels > maxDepth)
                {
                    return (line + 1, $"lists and quotes nest more than {maxDepth} levels deep here, more than a page can hold: remove some of the '>', '-', '*', '+' or '1.' markers (or the indentation) that open a level");
                }

                (bound, afterBlank) = (afterBlank ? levels : Math.Max(bound, levels), false);
                // Markdig reads "* * *" as list items, not a thematic break, right after a list item whose
                // last block is fenced code (even a closed one): while lists may be open after a fence,
                // such a line counts as the list markers it has.
                fenceInList = bound > 0 && (fenceInList || VerbatimBlock.MayOpen(text));
                if (levels == 0 && !unsure && !unsureUntilBlank && VerbatimBlock.Opens(text, after) is { } opened)
                {
                    (code, markSteps, paragraph) = (opened, markSteps + paragraph.Excess, default);
                    start = end + 1;
                    continue;
                }

                // A fence or an HTML block this reading does not follow may be open from here on (an
                // HTML block of any tag, to the next blank line), and a line that looks like a fence
                // may then be its end rather than a start.
                unsure |= VerbatimBlock.MayOpen(text);
                unsureUntilBlank |= text.Contains('<');

                if (ParagraphMarks.StartsBlock(text))
                {
                    (markSteps, paragraph) = (markSteps + paragraph.Excess, default);
                }

                paragraph = paragraph.With(text);
                if (markSteps + paragraph.Excess > MarkBudget)
                {
                    return (line + 1, "this paragraph or table has so many '*', '_', '~', '^', '=' and '[' marks that reading it would take too long: split it into smaller paragraphs or tables, or remove marks");
                }
            }

            start = end + 1;
        }

        return null;
    }

    // The most levels open after a line that begins with a run of quote marks, list markers and
    // blanks, when at most 'bound' were open before it. The line continues some levels, with a prefix
    // of the run, and opens one for each marker after that: a quote goes on with its '>' (and the
    // blank after it) and a list item with two columns of blanks or more, and a list marker opens a
    // level, so no level goes on after one. Every way to split the run is tried.
    private static int Levels(string text, int start, int end, int bound, bool breaks, ref bool footnotes)
    {
        var i = start;
        var (column, footnote) = (0, 0);
        var label = FootnoteLabelEnd(text, start, end);
        if (label > 0)
        {
            // A footnote is one level, and goes on with no columns at all.
            (i, column, footnote, footnotes) = (label, label - start, 1, true);
        }

        // A footnote goes on with no columns, or takes the first four when the line is indented that
        // far, which would otherwise be two list levels.
        var leading = 0;
        for (var j = i; j < end && text[j] is ' ' or '\t' && leading < 4; j++)
        {
            leading += text[j] == ' ' ? 1 : 4 - ((column + leading) % 4);
        }

        var continuing = footnotes && leading < 4 ? 1 : 0;
        var (quotes, blanks, afterQuote, lists) = (0, 0, false, 0);

        // Split after a prefix of the run: the levels that prefix goes on with, less its quote marks,
        // as every quote mark after it opens a level; the best split is the largest.
        var best = Math.Min(bound, continuing);

        // No marker opens a level after four columns of blanks it does not go on with (that is code,
        // or text of a paragraph): at the start of a line that can go on with nothing, or after a list
        // marker or a footnote label, whose text starts at most four columns after it.
        var (blankRun, afterOpener, first) = (0, label > 0, true);
        var (noBreakChar, noBreakBefore) = ('\0', 0);
        while (i < end)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                var width = c == ' ' ? 1 : 4 - (column % 4);
                if (lists == 0)
                {
                    // The blank after a '>' belongs to the quote.
                    blanks += afterQuote ? width - 1 : width;
                }

                (i, column, afterQuote, blankRun) = (i + 1, column + width, false, blankRun + width);
            }
            else if ((afterOpener && blankRun >= 5) || (first && bound == 0 && blankRun >= 4))
            {
                break;
            }
            else if (c == '>')
            {
                (i, column, afterQuote) = (i + 1, column + 1, true);
                quotes += lists == 0 ? 1 : 0;
                lists += lists == 0 ? 0 : 1;
                (blankRun, afterOpener, first) = (0, false, false);
            }
            else if (c is '-' or '*' or '+' && (i + 1 == end || text[i + 1] is ' ' or '\t'))
            {
                // A thematic break ("* * *") takes precedence over a list item, within three columns of
                // the margin (further in, Markdig may read it as a list item still).
                if (breaks && column <= 3 && c != '+' && (c != noBreakChar || i >= noBreakBefore))
                {
                    // Checked once for each stretch of the line, so the line is read once.
                    var stop = ThematicBreakStop(text.AsSpan(i, end - i), c);
                    if (stop < 0)
                    {
                        break;
                    }

                    (noBreakChar, noBreakBefore) = (c, i + stop);
                }

                (i, column, lists, afterQuote) = (i + 1, column + 1, lists + 1, false);
                (blankRun, afterOpener, first) = (0, true, false);
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < end && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                if (j == end || text[j] is not ('.' or ')') || (j + 1 < end && text[j + 1] is not (' ' or '\t')))
                {
                    break;
                }

                (column, i, lists, afterQuote) = (column + j + 1 - i, j + 1, lists + 1, false);
                (blankRun, afterOpener, first) = (0, true, false);
            }
            else
            {
                break;
            }

            if (lists == 0)
            {
                best = Math.Max(best, Math.Min(bound, continuing + quotes + (blanks / 2)) - quotes);
            }
        }

        return best + quotes + lists + footnote;
    }

    /// <summary>
    /// -1 when <paramref name="text"/> is a thematic break of <paramref name="mark"/> ("* * *"); else where
    /// that fails: at the first character that is neither the mark nor a blank, or at the end.
    /// </summary>
    internal static int ThematicBreakStop(ReadOnlySpan<char> text, char mark)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == mark)
            {
                count++;
            }
            else if (text[i] is not (' ' or '\t'))
            {
                return i;
            }
        }

        return count >= 3 ? -1 : text.Length;
    }

    // The index after "[^label]:" when the line opens with a footnote definition, or 0.
    private static int FootnoteLabelEnd(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < 3 && text[i] == ' ')
        {
            i++;
        }

        if (end - i < 4 || text[i] != '[' || text[i + 1] != '^')
        {
            return 0;
        }

        for (i += 2; i < end; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    return 0;
                case ']':
                    return i + 1 < end && text[i + 1] == ':' ? i + 2 : 0;
            }
        }

        return 0;
    }
}
